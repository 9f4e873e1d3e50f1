/**
 * The UCLA side of the facilities registry: which rows of UCLA COVID Behind Bars' list are places
 * (match/ucla-places.ts), and which ICE facility each stands for, so that one place is one row.
 * An ICE facility is tied to a UCLA row by name within the state (UCLA writes ICE facilities as
 * "ICE STEWART DETENTION CENTER"), by street address + ZIP, or by a point within 1 km whose name
 * shares a distinctive word. UCLA often lists a jail twice, as the jail and as "ICE <jail>" (its
 * ICE detainees, from ICE's COVID-19 page): the ICE facility is then tied to the jail's own row,
 * and the ICE entry, like any UCLA row for a place already tied, is excluded with the reason.
 */
import { geoDistance } from 'd3';
import type { StageContext } from '../lib/types';
import { addressKey, nameKey, similarity } from './normalize';
import { repeats, ruleFor, type Exclusion, type UclaRow } from './ucla-places';

export interface IcePlace { id: string; name: string; type: string | null; state: string | null; address: string | null; zip: string | null; latitude: number | null; longitude: number | null }
export interface Link { facility_id: string; ucla_id: number; link_method: string }

/**
 * Ties no rule makes, reviewed 2026-12: UCLA's name and ICE's are the same place, but the address
 * or point UCLA gives is another building's. The ICE facility must exist; if it is already tied,
 * the UCLA row is excluded as the same place.
 */
export const SAME_PLACE: { ucla_id: number; ice: string; why: string }[] = [
  { ucla_id: 2325, ice: 'yorcopa', why: 'UCLA\'s "ICE YORK COUNTY JAIL" is York County Prison (ICE\'s YORK COUNTY PRISON, 3400 Concord Road); UCLA gives the county\'s office address, 45 North George Street' },
  { ucla_id: 2457, ice: 'fipcaga', why: 'UCLA\'s "ICE FOLKSTON ANNEX IHSC" is the Folkston Annex (ICE\'s FOLKSTON ANNEX IPC, 3424 Hwy 252 East); UCLA gives the Main building\'s address and point, 3026 Hwy 252 East' },
  { ucla_id: 1861, ice: 'sjs', why: 'UCLA\'s "ICE SAN JUAN STAGING FACILITY" is ICE\'s SAN JUAN STAGING (651 Federal Drive, Guaynabo); UCLA gives the address of MDC Guaynabo next to it and a point in San Juan' },
  { ucla_id: 1998, ice: 'chavenm', why: 'ICE\'s "CHAVEZ DETENTION CENTER" (code CHAVENM) is the Chaves County Detention Center in Roswell, New Mexico, 0.12 km from UCLA\'s point: ICE misspells the county' },
];

const EARTH_KM = 6371;
/** UCLA rows that may be ICE facilities (psychiatric hospitals are not). */
const LINKABLE = new Set(['immigration', 'county', 'federal', 'state']);
/** Two UCLA rows this close, sharing a distinctive name word, are one place (the nearest real pair of distinct places measured: 0.18 km, LA staging and the MDC). */
const TWIN_KM = 0.15;

/** The Bureau of Prisons' abbreviations, which ICE's list uses and UCLA spells out ("BROOKLYN MDC"). */
const BOP: [RegExp, string][] = [
  [/\bMDC\b/g, 'METROPOLITAN DETENTION CENTER'], [/\bMCC\b/g, 'METROPOLITAN CORRECTIONAL CENTER'], [/\bFMC\b/g, 'FEDERAL MEDICAL CENTER'],
  [/\bFDC\b/g, 'FEDERAL DETENTION CENTER'], [/\bFCI\b/g, 'FEDERAL CORRECTIONAL INSTITUTION'], [/\bFCC\b/g, 'FEDERAL CORRECTIONAL COMPLEX'],
  [/\bFPC\b/g, 'FEDERAL PRISON CAMP'], [/\b(USP|U\.?S\.? PENITENTIARY)\b/g, 'UNITED STATES PENITENTIARY'],
];
const keys = new Map<string, string>();
/** Name key without UCLA's "ICE " prefix, BOP abbreviations spelt out; memoized, as each name is compared with thousands. */
export const placeKey = (n: string) => keys.get(n) ?? (keys.set(n, nameKey(BOP.reduce((s, [re, to]) => s.replace(re, to), n.toUpperCase())).replace(/^ICE /, '')), keys.get(n)!);
type Point = { latitude: number | null; longitude: number | null };
/** Great-circle km; Infinity without both points or when they are plainly over 5 km apart (most pairs, skipped cheaply). */
const km = (a: Point, b: Point) =>
  a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null || Math.abs(a.latitude - b.latitude) > 0.05 || Math.abs(a.longitude - b.longitude) > 0.1
    ? Infinity
    : geoDistance([a.longitude, a.latitude], [b.longitude, b.latitude]) * EARTH_KM;
const sameAddress = (a: { address: string | null; zip: string | null }, b: { address: string | null; zip: string | null }) => !!addressKey(a.address) && !!a.zip && addressKey(a.address) === addressKey(b.address) && a.zip === b.zip;

const YOUTH = /\b(JUVENILE|JUV|YOUTH|CHILDREN|BOYS|GIRLS)\b/;
/**
 * May a nearby UCLA row with a similar name be this ICE facility? Names share little more than
 * the county's ("HALL COUNTY JAIL", "HALL COUNTY CORRECTIONAL INSTITUTION"), and a county jail,
 * the state prison and the juvenile hall of a county often sit side by side: the two must be the
 * same kind of place. ICE's hold rooms are in its offices, never in a prison UCLA lists.
 */
function sameKind(f: IcePlace, u: UclaRow): boolean {
  if (/\bHOLD(ING)?\b|HOLDROOM/.test(f.name) && !/\bHOLD/.test(u.name)) return false;
  if ((u.age === 'Juvenile') !== (YOUTH.test(f.name) || f.type === 'JUVENILE')) return false;
  // BOP facilities' ICE codes start with BOP (BOPMIM, BOPRAE).
  if (u.jurisdiction === 'federal') return f.type === 'BOP' || /^bop/i.test(f.id) || /\b(FEDERAL|FCI|USP|PENITENTIARY)\b/.test(f.name);
  if (u.jurisdiction === 'state') return f.type === 'STATE' || /\bSTATE (PRISON|PENITENTIARY|CORRECTIONAL)\b/.test(f.name);
  return true;
}

/** Within 1 km, a similar name and the same kind of place: the km, else null. */
function near(f: IcePlace, u: UclaRow): number | null {
  const d = km(f, u);
  return d < 1 && similarity(placeKey(f.name), placeKey(u.name)) > 0 && sameKind(f, u) ? d : null;
}

/** How an ICE facility and a UCLA row are the same place, or null. */
function tie(f: IcePlace, u: UclaRow): string | null {
  if (placeKey(f.name) === placeKey(u.name) && f.state === u.location_state) return 'same name and state';
  if (sameAddress(f, u)) return 'same street address and ZIP';
  const d = near(f, u);
  return d === null ? null : `within ${d.toFixed(2)} km, similar name`;
}

export function resolveRegistry(ice: IcePlace[], ucla: UclaRow[], reviewed = SAME_PLACE): { links: Link[]; excluded: Exclusion[] } {
  const excluded = new Map<number, Exclusion>();
  for (const u of ucla) {
    const r = ruleFor(u);
    if (r) excluded.set(u.ucla_id, { ...r, same_as: null });
  }
  for (const e of repeats(ucla.filter((u) => !excluded.has(u.ucla_id)))) excluded.set(e.ucla_id, e);
  const places = ucla.filter((u) => !excluded.has(u.ucla_id) && LINKABLE.has(u.jurisdiction));
  const byUcla = new Map<number, Link>();
  const byIce = new Map<string, Link>();
  const link = (facility_id: string, ucla_id: number, link_method: string) => {
    const l = { facility_id, ucla_id, link_method };
    byUcla.set(ucla_id, l);
    byIce.set(facility_id, l);
  };
  const unlink = (l: Link) => (byUcla.delete(l.ucla_id), byIce.delete(l.facility_id));
  const sameAs = (u: UclaRow, l: Link, how: string) =>
    excluded.set(u.ucla_id, { ucla_id: u.ucla_id, rule: 'same-place', reason: `the same place as ICE facility ${l.facility_id} (${how}), which UCLA's Facility.ID ${l.ucla_id} already stands for`, same_as: l.facility_id });

  // One pass in ICE order, each ICE facility taking the first free UCLA row it ties to (the rows
  // a reviewed tie is for wait for it).
  for (const f of ice) {
    const free = places.filter((u) => !byUcla.has(u.ucla_id) && !reviewed.some((r) => r.ucla_id === u.ucla_id));
    const named = free.filter((u) => placeKey(f.name) === placeKey(u.name) && f.state === u.location_state);
    const hit =
      (named.length === 1 ? named[0] : undefined) ??
      free.find((u) => sameAddress(f, u)) ??
      free.map((u) => ({ u, d: near(f, u) })).filter((x): x is { u: UclaRow; d: number } => x.d !== null).sort((a, b) => a.d - b.d)[0]?.u;
    if (hit) link(f.id, hit.ucla_id, tie(f, hit)!);
  }
  for (const r of reviewed) {
    const u = places.find((p) => p.ucla_id === r.ucla_id);
    if (!u || !ice.some((f) => f.id === r.ice)) throw new Error(`registry: SAME_PLACE names UCLA Facility.ID ${r.ucla_id} and ICE facility ${r.ice}, and one is not in the data: review scripts/ingest/match/registry.ts`);
    const l = byIce.get(r.ice);
    if (l) sameAs(u, l, `reviewed: ${r.why}`);
    else link(r.ice, r.ucla_id, `reviewed: ${r.why}`);
  }
  // UCLA's ICE entries left over: the ICE facility each names may be tied to another UCLA row.
  for (const u of places.filter((p) => p.jurisdiction === 'immigration' && !byUcla.has(p.ucla_id) && !excluded.has(p.ucla_id))) {
    for (const f of ice) {
      const how = tie(f, u);
      const l = how ? byIce.get(f.id) : undefined;
      if (how && l) { sameAs(u, l, how); break; }
    }
  }
  // An ICE entry and the jail (prison) it is in: the ICE facility is the jail's row.
  for (const i of places.filter((p) => p.jurisdiction === 'immigration' && !excluded.has(p.ucla_id))) {
    const twin = places
      .filter((o) => o.jurisdiction !== 'immigration' && !excluded.has(o.ucla_id) && o.location_state === i.location_state && similarity(placeKey(o.name), placeKey(i.name)) > 0)
      .map((o) => ({ o, d: km(o, i), addr: sameAddress(o, i) }))
      .filter((x) => x.addr || x.d < TWIN_KM)
      .sort((a, b) => a.d - b.d)[0];
    if (!twin) continue;
    const { o } = twin;
    const how = twin.addr ? 'same street address and ZIP' : `within ${twin.d.toFixed(2)} km, similar name`;
    const [li, lo] = [byUcla.get(i.ucla_id), byUcla.get(o.ucla_id)];
    if (li && lo) continue; // two ICE facilities: ICE counts them apart
    if (li) {
      unlink(li);
      link(li.facility_id, o.ucla_id, `tied to UCLA's ICE entry Facility.ID ${i.ucla_id} (${li.link_method}), which is the same place as Facility.ID ${o.ucla_id} (${how})`);
    }
    const facility = (li ?? lo)?.facility_id ?? `ucla-${o.ucla_id}`;
    excluded.set(i.ucla_id, { ucla_id: i.ucla_id, rule: 'same-place', reason: `UCLA's entry for the ICE detainees held at Facility.ID ${o.ucla_id} (${o.name}), the same place (${how})`, same_as: facility });
  }
  // A row excluded as another's place points at the registry row that place became.
  const final = (id: string | null) => (id?.startsWith('ucla-') ? (byUcla.get(Number(id.slice(5)))?.facility_id ?? id) : id);
  return {
    links: [...byIce.values()].sort((a, b) => a.facility_id.localeCompare(b.facility_id)),
    excluded: [...excluded.values()].map((e) => ({ ...e, same_as: final(e.same_as) })).sort((a, b) => a.ucla_id - b.ucla_id),
  };
}

const rowsOf = async <T>(ctx: StageContext, sql: string) => (await ctx.con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];

/** Stage the registry's ties (stg_registry_links) and the UCLA rows it leaves out (stg_ucla_excluded). */
export async function linkRegistry(ctx: StageContext): Promise<void> {
  const ice = await rowsOf<IcePlace>(ctx, `SELECT facility_id AS id, name, type_detailed AS type, state, address, zip, latitude, longitude FROM ice_facilities ORDER BY facility_id`);
  const ucla = (await rowsOf<UclaRow>(ctx, `SELECT ucla_id, name, state, location_state, jurisdiction, description, age, population_feb20, capacity, hifld_id, address, zip, latitude, longitude FROM ucla_facilities ORDER BY ucla_id`))
    .map((u) => ({ ...u, ucla_id: Number(u.ucla_id), population_feb20: u.population_feb20 === null ? null : Number(u.population_feb20), capacity: u.capacity === null ? null : Number(u.capacity), hifld_id: u.hifld_id === null ? null : Number(u.hifld_id) }));
  const { links, excluded } = resolveRegistry(ice, ucla);
  await ctx.stage('stg_registry_links', { facility_id: 'VARCHAR', ucla_id: 'BIGINT', link_method: 'VARCHAR' }, links.map((l) => ({ ...l })));
  await ctx.stage('stg_ucla_excluded', { ucla_id: 'BIGINT', rule: 'VARCHAR', reason: 'VARCHAR', same_as: 'VARCHAR' }, excluded.map((e) => ({ ...e })));
  const n = new Map<string, number>();
  for (const e of excluded) n.set(e.rule, (n.get(e.rule) ?? 0) + 1);
  const by = [...n].map(([k, v]) => `${k} ${v}`).join(', ');
  ctx.log(`match   registry: ${links.length} ICE facilities tied to a UCLA entry; ${excluded.length} of ${ucla.length} UCLA entries excluded (${by})`);
}
