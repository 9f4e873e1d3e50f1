/**
 * Ties each death (sources/ice-detention-mortality.ts) to the registry's ICE facility
 * (ice_facilities.facility_id, which is also its id in facilities), through every name the
 * registry knows for it (ICE's workbook spellings, DDP's and the Marshall Project's: other_names).
 * Order: the committed crosswalk (crosswalks/ice-deaths.csv) for the hard ones; the same name in
 * the location's state; a similar name (the distinctive words of one all in the other, clearly the
 * best in that state). The state always decides between namesakes. A hospital is where someone
 * died, never the facility: the facility is the other place the row names, or the one its cause
 * text says they were transferred from. Everything else stays null with the reason.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv } from '../lib/read-csv';
import { readTable } from '../lib/table';
import { IngestError } from '../lib/errors';
import type { StageContext } from '../lib/types';
import type { SourceKind } from '../sources/ice-detention-mortality';
import { NOT_A_FACILITY, cityOf, isHospital, requireState, splitPlaces, stateOf, transferredFrom, type Place } from './death-places';
import { similarity } from './normalize';
import { placeKey } from './registry';

export const CROSSWALK = resolve(fileURLToPath(import.meta.url), '../../crosswalks/ice-deaths.csv');
const CROSSWALK_LABEL = 'scripts/ingest/crosswalks/ice-deaths.csv';

export interface DeathRow { source_file: string; source_row: number; source_kind: SourceKind; facility_published: string; facility_location_published: string; facility_type_published: string; cause_published: string }
/** One spelling of one registry facility. */
export interface Known { facility_id: string; name: string; state: string | null; city: string | null }
export interface DeathCrosswalkRow { name: string; location: string; facility_id: string; reason: string; row: number }
export interface DeathLink { source_row: number; state: string; facility_id: string | null; facility_match: string; place_of_death: string | null; place_of_death_note: string | null }

/** ICE's own abbreviations in facility names (KROME NORTH SPC, ADELANTO IPC), spelled out on both sides. */
const ICE_WORDS: [RegExp, string][] = [
  [/\bSPC\b/g, 'SERVICE PROCESSING CENTER'], [/\bIPC\b/g, 'ICE PROCESSING CENTER'], [/\bCDF\b/g, 'CONTRACT DETENTION FACILITY'],
  [/\bSERVICE AND PROCESSING\b/g, 'SERVICE PROCESSING'], [/\bSERVICING PROCESSING\b/g, 'SERVICE PROCESSING'],
];
/** A facility name as the matcher compares it: ICE's abbreviations spelled out, then the registry's place key. */
export const facilityNameKey = (name: string) => placeKey(ICE_WORDS.reduce((s, [re, to]) => s.replace(re, to), name.toUpperCase()));

export function readDeathCrosswalk(path = CROSSWALK): DeathCrosswalkRow[] {
  const t = readTable(readCsv(path, CROSSWALK_LABEL), {
    header: ['name', 'location', 'facility_id', 'reason'],
    columns: {
      name: { kind: 'text', header: 'name', required: true },
      location: { kind: 'text', header: 'location', required: true },
      facility_id: { kind: 'text', header: 'facility_id', required: true },
      reason: { kind: 'text', header: 'reason', required: true },
    },
  });
  return t.records.map((r) => ({ ...(r.values as Omit<DeathCrosswalkRow, 'row'>), row: r.row }));
}

/** The same words in any order ("FEDERAL DETENTION CENTER MIAMI", "MIAMI FEDERAL DETENTION CENTER"). */
const words = (key: string) => key.split(' ').sort().join(' ');
/** A similar name shares at least half its distinctive words, all of one side's (normalize.similarity). */
const SIMILAR = 0.5;

/** The registry facility one place is: id and how, or null and why. */
function tieFacility(p: Place, state: string, known: Known[], crosswalk: DeathCrosswalkRow[], ids: Set<string>): { id: string | null; how: string } {
  const key = facilityNameKey(p.name);
  const x = crosswalk.find((c) => facilityNameKey(c.name) === key && stateOf(c.location) === state);
  if (x) {
    if (x.facility_id === 'none') return { id: null, how: `crosswalk row ${x.row}: ${x.reason}` };
    if (!ids.has(x.facility_id)) throw new IngestError({ file: CROSSWALK_LABEL, row: x.row, column: 'facility_id', value: x.facility_id }, 'expected a facility_id of the registry (ice_facilities) or "none"');
    return { id: x.facility_id, how: `crosswalk row ${x.row}: ${x.reason}` };
  }
  const not = NOT_A_FACILITY.find(([re]) => re.test(p.name));
  if (not) return { id: null, how: not[1] };
  const inState = known.filter((k) => k.state === state);
  const same = [...new Set(inState.filter((k) => words(facilityNameKey(k.name)) === words(key)).map((k) => k.facility_id))];
  if (same.length === 1) return { id: same[0]!, how: 'name+state' };
  if (same.length > 1) return { id: null, how: `unmatched: registry facilities ${same.join(', ')} share this name in ${state}; a crosswalk line decides` };
  // Similar names: the best in the state, and only if no other facility is as good; the same city breaks a tie.
  const city = cityOf(p.location)?.toUpperCase() ?? null;
  const best = new Map<string, { score: number; why: string }>();
  for (const k of inState) {
    const sim = similarity(key, facilityNameKey(k.name)) || similarity(facilityNameKey(k.name), key);
    if (sim < SIMILAR) continue;
    const sameCity = !!city && k.city?.toUpperCase() === city;
    const score = sim + (sameCity ? 1 : 0);
    if (score > (best.get(k.facility_id)?.score ?? 0)) best.set(k.facility_id, { score, why: `${k.name}${sameCity ? `, same city ${city}` : ''}` });
  }
  const ranked = [...best].sort((a, b) => b[1].score - a[1].score);
  const [top, next] = ranked;
  if (top && (!next || next[1].score < top[1].score)) return { id: top[0], how: `similar name+state (${top[1].why})` };
  if (top) return { id: null, how: `unmatched: registry facilities ${ranked.filter((r) => r[1].score === top[1].score).map((r) => r[0]).join(', ')} fit this name equally in ${state}; a crosswalk line decides` };
  return { id: null, how: `unmatched: no registry facility of this name in ${state} (the registry holds ICE's facilities listed from FY2019 on, DDP's codes from 2022 on, and earlier facilities of ICE's 2017 list where a death is recorded)` };
}

/** Pure matching, for tests: deaths -> registry facility, place of death and state. */
export function linkDeaths(rows: DeathRow[], known: Known[], crosswalk: DeathCrosswalkRow[]): DeathLink[] {
  const ids = new Set(known.map((k) => k.facility_id));
  const stateOfId = new Map(known.filter((k) => k.state).map((k) => [k.facility_id, k.state!]));
  // A tied death is in its facility's state (Adams County Correctional Center is in Mississippi whatever the row's location says).
  return rows.map((r) => tied(link(r), stateOfId));

  function link(r: DeathRow): DeathLink {
    const at = { file: r.source_file, row: r.source_row, column: 'Facility_Location' };
    if (r.source_kind === 'ICE FOIA list') {
      // The list's facility column ("Joe Corley Detention Facility, TX") is the location cell; its place-of-death column is not in the CSV.
      const state = requireState(r.facility_location_published, at);
      const name = r.facility_location_published.replace(/,[^,]*$/, '').replace(/\s+/g, ' ').trim();
      const foia = { source_row: r.source_row, state, place_of_death: null, place_of_death_note: "not in the source file: ICE's FOIA list has a place-of-death column (mostly hospitals) that the CSV leaves out" };
      // ICE's type HOSPITAL: the list gives a hospital where the facility goes, so no detention facility is named.
      if (r.facility_type_published === 'HOSPITAL' || isHospital(name)) return { ...foia, facility_id: null, facility_match: "ICE's list gives a hospital (type HOSPITAL) as the facility, not a detention facility" };
      const t = tieFacility({ name, location: r.facility_location_published }, state, known, crosswalk, ids);
      return { ...foia, facility_id: t.id, facility_match: t.how };
    }
    const { facility, hospital } = splitPlaces(r.facility_published, r.facility_location_published);
    const state = requireState((facility ?? hospital)!.location, at);
    const place_of_death = hospital ? `${hospital.name}, ${hospital.location.replace(/\s*\((?![A-Z]{2}\))[^()]*\)\s*$/, '')}` : null;
    const place_of_death_note = hospital ? null : 'not given: the source names one place and does not say where the death occurred';
    const out = (facility_id: string | null, facility_match: string) => ({ source_row: r.source_row, state, facility_id, facility_match, place_of_death, place_of_death_note });
    if (facility) {
      const t = tieFacility(facility, state, known, crosswalk, ids);
      return out(t.id, t.how);
    }
    const from = transferredFrom(r.cause_published);
    if (from && !isHospital(from)) {
      const t = tieFacility({ name: from, location: hospital!.location }, state, known, crosswalk, ids);
      return out(t.id, t.id ? `named in the cause text ("transferred from ${from}"); ${t.how}` : `${t.how} (named in the cause text: "${from}")`);
    }
    return out(null, 'the source names a hospital only, not the detention facility the person was held in');
  }
}
const tied = (l: DeathLink, stateOfId: Map<string, string>): DeathLink => ({ ...l, state: (l.facility_id && stateOfId.get(l.facility_id)) || l.state });

const rowsOf = async <T>(ctx: StageContext, sql: string) => (await ctx.con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];

export async function matchDeaths(ctx: StageContext): Promise<void> {
  const rows = (await rowsOf<DeathRow>(ctx, `SELECT source_file, source_row, source_kind, facility_published, facility_location_published, facility_type_published, cause_published FROM stg_deaths ORDER BY source_row`)).map((r) => ({ ...r, source_row: Number(r.source_row) }));
  // Every name of every registry facility: its own, the other workbook/DDP/Marshall names, DDP's.
  const known = await rowsOf<Known>(ctx, `
    SELECT facility_id, name, state, city FROM ice_facilities
    UNION SELECT facility_id, trim(unnest(string_split(other_names, '; '))), state, city FROM ice_facilities WHERE other_names IS NOT NULL
    UNION SELECT facility_id, ddp_name, state, city FROM ice_facilities WHERE ddp_name IS NOT NULL
    ORDER BY ALL`);
  const links = linkDeaths(rows, known, readDeathCrosswalk());
  await ctx.stage('stg_death_links', { source_row: 'INTEGER', state: 'VARCHAR', facility_id: 'VARCHAR', facility_match: 'VARCHAR', place_of_death: 'VARCHAR', place_of_death_note: 'VARCHAR' }, links as unknown as Record<string, string | number | null>[]);
  const tied = links.filter((l) => l.facility_id).length;
  ctx.log(`match   ice deaths: ${tied} of ${links.length} deaths tied to a registry facility (${((100 * tied) / links.length).toFixed(1)} %)`);
}

/**
 * Facilities ICE stopped using before FY2019 where a death is recorded. ICE's facility list of 2017
 * (the Marshall Project's locations.csv, by DETLOC code) names them; no later source does, so the
 * registry would lack them. A death whose place is, by linkDeaths' rules over the registry's names
 * and that list together, one such location (and no registry facility) brings it into the registry
 * (ice_facilities), so the death is tied to a facility with its own page. Runs in ice_facilities'
 * prepare, after matchIceFacilities has given the registry's ids.
 */
/** How ice_facilities says a facility is one of these (its match_method begins so). */
export const DEATH_SITE_METHOD = "ICE's facility list of 2017 (Marshall Project)";

export async function stageDeathSites(ctx: StageContext): Promise<void> {
  const rows = (await rowsOf<DeathRow>(ctx, `SELECT source_file, source_row, source_kind, facility_published, facility_location_published, facility_type_published, cause_published FROM stg_deaths ORDER BY source_row`)).map((r) => ({ ...r, source_row: Number(r.source_row) }));
  const registry = new Set((await rowsOf<{ id: string }>(ctx, `
    SELECT facility_id AS id FROM stg_ice_facility_keys UNION SELECT facility_id FROM stg_ice_release_keys UNION SELECT lower(code) FROM stg_ddp_facilities`)).map((r) => r.id));
  // The registry's names (workbooks, DDP; a DDP code's state is its Marshall row's) and every location of the 2017 list.
  const known = await rowsOf<Known>(ctx, `
    SELECT k.facility_id, w.name, w.state, w.city FROM stg_ice_wb_facilities w JOIN stg_ice_facility_keys k USING (fiscal_year, source_file, source_row)
    UNION SELECT lower(d.code), d.name, m.state, m.city FROM stg_ddp_daily d LEFT JOIN stg_loc_marshall m ON m.detloc = d.code
    UNION SELECT lower(detloc), name, state, city FROM stg_loc_marshall WHERE detloc IS NOT NULL
    ORDER BY ALL`);
  const ids = new Set(known.map((k) => k.facility_id));
  const crosswalk = readDeathCrosswalk().filter((c) => c.facility_id === 'none' || ids.has(c.facility_id));
  const sites = new Map<string, number>();
  for (const l of linkDeaths(rows, known, crosswalk)) if (l.facility_id && !registry.has(l.facility_id) && !sites.has(l.facility_id)) sites.set(l.facility_id, l.source_row);
  const staged = [...sites].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, row]) => ({ detloc: id.toUpperCase(), source_file: rows[0]!.source_file, source_row: row }));
  await ctx.stage('stg_death_sites', { detloc: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' }, staged);
  ctx.log(`match   death sites: ${staged.length} facilities of ICE's 2017 list that only the deaths file names, added to the registry`);
}
