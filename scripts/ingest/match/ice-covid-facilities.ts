/**
 * Ties each facility name on ICE's COVID-19 page (no code, no state; spelled several ways, with
 * scrape artefacts such as "Centerï¿½ï¿½" and "Detentio8n") to an ICE facility id. The page's own
 * location list (Nathan Craig's facility_management_location.csv) gives most names a state and an
 * address; the name is then found among every workbook spelling of the facilities in that state,
 * by street address and ZIP, or (clearly best) by similar name in that state. A name the list does
 * not place is tied only when one ICE facility in the whole country has that name. The crosswalk
 * (source "ice-covid") settles the rest; everything else stays unmatched, with the reason.
 */
import { readCrosswalk } from './ice-facilities';
import { addressKey, nameKey, similarity } from './normalize';
import type { StageContext } from '../lib/types';

interface CovidName { facility_name: string }
interface Loc { name: string; state: string | null; address: string | null; zip: string | null; source_file: string; source_row: number }
interface Known { facility_id: string; name: string; state: string | null; address: string | null; zip: string | null }

const rowsOf = async <T>(ctx: StageContext, sql: string) => (await ctx.con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];

/** Scrape artefacts out: non-ASCII debris, and a digit inside a word ("Detentio8n"). */
export const cleanName = (s: string) => s.replace(/[^\x20-\x7e]+/g, ' ').replace(/([a-z])\d([a-z])/gi, '$1$2').replace(/\s+/g, ' ').trim();

/** The one value whose key is best by `score`, if it is clearly best (ties tie nothing). */
function best<T>(items: T[], score: (t: T) => number, min: number): T | null {
  const s = items.map((t) => ({ t, s: score(t) })).filter((x) => x.s >= min).sort((a, b) => b.s - a.s);
  return s[0] && (s[1]?.s ?? -1) < s[0].s ? s[0].t : null;
}

export interface CovidLink { facility_name: string; facility_id: string | null; link_method: string; state: string | null; location_source_file: string | null; location_source_row: number | null }

/** Pure matching, for tests: COVID-page names -> facility ids. */
export function linkCovidNames(names: string[], locs: Loc[], known: Known[], crosswalk: { name: string; state: string; facility_id: string; reason: string; row: number }[]): CovidLink[] {
  const locByKey = new Map<string, Loc>();
  for (const l of locs) locByKey.set(nameKey(cleanName(l.name)), l);
  const knownIds = new Set(known.map((k) => k.facility_id));
  const byNameState = new Map<string, Set<string>>();
  const byName = new Map<string, Set<string>>();
  const byAddr = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, id: string) => m.set(k, (m.get(k) ?? new Set()).add(id));
  for (const k of known) {
    add(byNameState, `${nameKey(k.name)}|${k.state ?? ''}`, k.facility_id);
    add(byName, nameKey(k.name), k.facility_id);
    if (addressKey(k.address) && k.zip) add(byAddr, `${addressKey(k.address)}|${k.zip}`, k.facility_id);
  }
  const one = (s: Set<string> | undefined) => (s && s.size === 1 ? [...s][0]! : null);

  return names.map((facility_name) => {
    const key = nameKey(cleanName(facility_name));
    // Exact key only: a fuzzy hit here picked "Florence Detention Center" for "Florence Correctional Center".
    const loc = locByKey.get(key) ?? null;
    const state = loc?.state ?? null;
    const at = { state, location_source_file: loc?.source_file ?? null, location_source_row: loc?.source_row ?? null };
    const x = crosswalk.find((c) => nameKey(cleanName(c.name)) === key);
    if (x) {
      if (!knownIds.has(x.facility_id)) throw new Error(`crosswalk row ${x.row}: unknown facility_id ${x.facility_id} for "${x.name}"`);
      return { facility_name, facility_id: x.facility_id, link_method: `crosswalk row ${x.row}: ${x.reason}`, ...at };
    }
    if (loc) {
      const tries: [string, string | null][] = [
        ['same name and state as an ICE workbook listing (state from ICE’s COVID location list)', one(byNameState.get(`${key}|${state}`)) ?? one(byNameState.get(`${nameKey(cleanName(loc.name))}|${state}`))],
        ['same street address and ZIP as an ICE listing (from ICE’s COVID location list)', one(byAddr.get(`${addressKey(loc.address)}|${loc.zip}`))],
      ];
      for (const [how, id] of tries) if (id) return { facility_name, facility_id: id, link_method: how, ...at };
      const sameState = known.filter((k) => k.state === state);
      const fuzzy = best(sameState, (k) => similarity(key, nameKey(k.name)), 0.67);
      const ids = new Set(sameState.filter((k) => fuzzy && nameKey(k.name) === nameKey(fuzzy.name)).map((k) => k.facility_id));
      if (fuzzy && ids.size === 1) return { facility_name, facility_id: fuzzy.facility_id, link_method: `similar name in the same state (${fuzzy.name})`, ...at };
    }
    // Where the location list places a name in a state with no such ICE facility (El Paso County Jail, CO), it stays unmatched rather than jump states.
    const only = loc ? null : one(byName.get(key));
    if (only) return { facility_name, facility_id: only, link_method: 'the only ICE facility with this name (the COVID page and its location list give no state)', ...at };
    return { facility_name, facility_id: null, link_method: loc ? `unmatched: no ICE facility of this name or address in ${state ?? 'the state given'}` : 'unmatched: no ICE facility with this name', ...at };
  });
}

export async function matchIceCovidFacilities(ctx: StageContext): Promise<void> {
  const names = (await rowsOf<CovidName>(ctx, `SELECT DISTINCT facility_name FROM stg_icecovid_facility WHERE kept AND facility_name IS NOT NULL ORDER BY 1`)).map((r) => r.facility_name);
  const locs = await rowsOf<Loc>(ctx, `SELECT name, state, address, zip, source_file, source_row::INT AS source_row FROM stg_loc_icecovid WHERE name IS NOT NULL ORDER BY source_row`);
  // Every spelling each facility had in a workbook, and its registry name and DDP name.
  const known = await rowsOf<Known>(ctx, `
    SELECT DISTINCT k.facility_id, w.name, w.state, w.address, w.zip FROM stg_ice_wb_facilities w JOIN stg_ice_facility_keys k USING (fiscal_year, source_file, source_row)
    UNION SELECT facility_id, name, state, address, zip FROM ice_facilities
    UNION SELECT facility_id, ddp_name, state, address, zip FROM ice_facilities WHERE ddp_name IS NOT NULL`);
  const links = linkCovidNames(names, locs, known, readCrosswalk().filter((c) => c.source === 'ice-covid'));
  await ctx.stage('stg_icecovid_links', { facility_name: 'VARCHAR', facility_id: 'VARCHAR', link_method: 'VARCHAR', state: 'VARCHAR', location_source_file: 'VARCHAR', location_source_row: 'INTEGER' }, links as unknown as Record<string, string | number | null>[]);
  const unmatched = links.filter((l) => !l.facility_id);
  ctx.log(`match   ice covid names: ${links.length} names, ${links.length - unmatched.length} tied to a facility, ${unmatched.length} not${unmatched.length ? `: ${unmatched.map((u) => u.facility_name).join('; ')}` : ''}`);
}
