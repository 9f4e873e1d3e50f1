/**
 * One ICE facility across the yearly workbooks (no ids, names respelled every year) and the
 * DDP daily data (ICE DETLOC codes, abbreviated names). Records are grouped by name, then by
 * street address + ZIP when two names never appear in the same year (a rename, not a second
 * facility at the same address such as Dilley's two FY26 units). Each group is then tied to a
 * DDP code by entity resolution (./resolve.ts: names, state, Marshall Project hints and
 * population agreement); a group with no DDP code keeps the Marshall Project code of its name or
 * address. The committed crosswalk settles what the rules cannot. A facility's id is its DDP
 * code where it has one (the code of the daily series on its page), and the ids an earlier rule
 * gave it are kept as former ids, so their pages redirect.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestError } from '../lib/errors';
import { readCsv } from '../lib/read-csv';
import { readTable } from '../lib/table';
import type { StageContext } from '../lib/types';
import { addressKey, nameKey, sharesWord, slug } from './normalize';
import { agreement, matchOneToOne, type Pair, type Rec } from './resolve';
import { USPS } from '../lib/us-places';

export const CROSSWALK = resolve(fileURLToPath(import.meta.url), '../../crosswalks/ice-facilities.csv');
export const FORMER_IDS = resolve(fileURLToPath(import.meta.url), '../../crosswalks/former-ids.csv');

interface WbRow { fiscal_year: number; adp: number | null; name: string; address: string | null; city: string | null; state: string | null; zip: string | null; source_row: number; source_file: string }
interface Loc { code: string | null; name: string; address: string | null; state: string | null; zip: string | null; latitude: number | null; longitude: number | null; source_file: string; source_row: number }
interface Ddp { code: string; name: string; names: string[] }

const rowsOf = async <T>(ctx: StageContext, sql: string) => (await ctx.con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];

class UnionFind {
  parent: number[];
  constructor(n: number) { this.parent = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number { while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!; return i; }
  union(a: number, b: number) { this.parent[this.find(a)] = this.find(b); }
}

export interface CrosswalkRow { source: string; name: string; state: string; facility_id: string; reason: string; row: number }

export function readCrosswalk(path = CROSSWALK): CrosswalkRow[] {
  const t = readTable(readCsv(path, 'scripts/ingest/crosswalks/ice-facilities.csv'), {
    header: ['source', 'name', 'state', 'facility_id', 'reason'],
    columns: {
      source: { kind: 'text', header: 'source', required: true },
      name: { kind: 'text', header: 'name', required: true },
      state: { kind: 'text', header: 'state', required: true },
      facility_id: { kind: 'text', header: 'facility_id', required: true },
      reason: { kind: 'text', header: 'reason', required: true },
    },
  });
  return t.records.map((r) => ({ ...(r.values as Omit<CrosswalkRow, 'row'>), row: r.row }));
}

export async function matchIceFacilities(ctx: StageContext): Promise<void> {
  const wb = await rowsOf<WbRow>(ctx, `SELECT fiscal_year::INT fiscal_year, (level_a + level_b + level_c + level_d)::DOUBLE AS adp, name, address, city, state, zip, source_row::INT source_row, source_file FROM stg_ice_wb_facilities ORDER BY fiscal_year, source_row`);
  const ddp = await rowsOf<Ddp>(ctx, `SELECT f.code, f.name, (SELECT list(DISTINCT d.name ORDER BY d.name) FROM stg_ddp_daily d WHERE d.code = f.code) AS names FROM stg_ddp_facilities f ORDER BY f.code`);
  // DDP's mean at midnight per fiscal year (October–September), to compare with ICE's ADP.
  const ddpSeries = new Map<string, Map<number, number>>();
  for (const r of await rowsOf<{ code: string; fy: number; mean: number }>(ctx, `SELECT code, year(date + INTERVAL 92 DAY)::INT AS fy, avg(n_detained_at_midnight)::DOUBLE AS mean FROM stg_ddp_daily GROUP BY ALL ORDER BY ALL`)) {
    if (!ddpSeries.has(r.code)) ddpSeries.set(r.code, new Map());
    ddpSeries.get(r.code)!.set(r.fy, r.mean);
  }
  const marshall = await rowsOf<Loc>(ctx, `SELECT detloc AS code, name, address, state, zip, latitude, longitude, source_file, source_row::INT source_row FROM stg_loc_marshall`);
  const crosswalk = readCrosswalk();

  // 1. Group workbook records: same name key + state, then same address + ZIP across disjoint years.
  const uf = new UnionFind(wb.length);
  const byName = new Map<string, number>();
  const stateOf = (r: WbRow) => r.state ?? '';
  wb.forEach((r, i) => {
    const key = `${nameKey(r.name)}|${stateOf(r)}`;
    const j = byName.get(key);
    if (j === undefined) byName.set(key, i);
    else uf.union(i, j);
  });
  const years = () => {
    const m = new Map<number, Set<number>>();
    wb.forEach((r, i) => {
      const g = uf.find(i);
      if (!m.has(g)) m.set(g, new Set());
      m.get(g)!.add(r.fiscal_year);
    });
    return m;
  };
  const byAddr = new Map<string, number[]>();
  wb.forEach((r, i) => {
    const a = addressKey(r.address);
    if (a && r.zip) byAddr.set(`${a}|${r.zip}`, [...(byAddr.get(`${a}|${r.zip}`) ?? []), i]);
  });
  for (const members of byAddr.values()) {
    for (const i of members) for (const j of members) {
      const y = years();
      const [a, b] = [uf.find(i), uf.find(j)];
      if (a === b) continue;
      const overlap = [...y.get(a)!].some((fy) => y.get(b)!.has(fy));
      if (!overlap) uf.union(a, b);
    }
  }

  // 1b. Names the crosswalk ties to one code are one place (ICE listed it under two names and addresses).
  const xwalkWb = crosswalk.filter((c) => c.source === 'ice-workbooks');
  const byCode = new Map<string, number>();
  wb.forEach((r, i) => {
    const c = xwalkWb.find((x) => nameKey(x.name) === nameKey(r.name) && x.state === stateOf(r));
    if (!c) return;
    const j = byCode.get(c.facility_id);
    if (j === undefined) byCode.set(c.facility_id, i);
    else uf.union(i, j);
  });

  // 2. A DETLOC code per group: the crosswalk's decision, else a DDP code by entity resolution
  //    (Marshall's code for the group's name or address is a hint), else that Marshall code.
  const mByName = new Map(marshall.map((m) => [`${nameKey(m.name)}|${m.state}`, m.code]));
  const mByAddr = new Map(marshall.filter((m) => addressKey(m.address) && m.zip).map((m) => [`${addressKey(m.address)}|${m.zip}`, m.code]));
  const ddpCodes = new Set(ddp.map((d) => d.code));
  const xwalk = new Map(xwalkWb.map((c) => [`${nameKey(c.name)}|${c.state}`, c]));

  const groups = new Map<number, number[]>();
  wb.forEach((_, i) => groups.set(uf.find(i), [...(groups.get(uf.find(i)) ?? []), i]));
  const list = [...groups.values()].map((members) => {
    const recs = members.map((i) => wb[i]!);
    const state = recs.map(stateOf).find(Boolean) ?? '';
    const latest = recs[recs.length - 1]!;
    const key = `wb-${slug(latest.name)}-${state.toLowerCase() || 'xx'}`;
    const marshallCode = (find: (r: WbRow) => string | null | undefined) => [...recs].reverse().map(find).find(Boolean) ?? null;
    const byName = marshallCode((r) => mByName.get(`${nameKey(r.name)}|${state}`));
    const byAddr = marshallCode((r) => mByAddr.get(`${addressKey(r.address)}|${r.zip}`));
    const crossed = [...recs].reverse().map((r) => xwalk.get(`${nameKey(r.name)}|${stateOf(r) || state}`)).find(Boolean);
    return { recs, state, latest, key, byName, byAddr, crossed };
  });
  const decided = new Map<string, { code: string; method: string }>();
  for (const g of list) if (g.crossed) decided.set(g.key, { code: g.crossed.facility_id.toUpperCase(), method: `crosswalk row ${g.crossed.row}: ${g.crossed.reason}` });
  const taken = new Set([...decided.values()].map((d) => d.code));

  const seriesOf = (recs: WbRow[]) => new Map(recs.filter((r) => r.adp !== null).map((r) => [r.fiscal_year, r.adp!]));
  const wbRecs: Rec[] = list.filter((g) => !decided.has(g.key)).map((g) => ({ id: g.key, names: [...new Set(g.recs.map((r) => r.name))], state: g.state || null, series: seriesOf(g.recs) }));
  // A DDP code's state is its last two letters when they are a USPS code (STWRTGA); many codes do not end so (LAWINCI).
  const ddpRecs: Rec[] = ddp.filter((d) => !taken.has(d.code)).map((d) => ({ id: d.code, names: d.names?.length ? d.names : [d.name], state: USPS.has(d.code.slice(-2)) ? d.code.slice(-2) : null, series: ddpSeries.get(d.code) ?? new Map() }));
  const hints = new Set(list.flatMap((g) => [g.byName, g.byAddr].filter((c): c is string => !!c && ddpCodes.has(c)).map((c) => `${g.key}|${c}`)));
  const { pairs, ambiguous } = matchOneToOne(wbRecs, ddpRecs, hints);
  const paired = new Map(pairs.map((p: Pair) => [p.a, p]));
  for (const p of pairs) taken.add(p.b);
  const ambiguousOf = new Map<string, Pair[]>();
  for (const p of ambiguous) ambiguousOf.set(p.a, [...(ambiguousOf.get(p.a) ?? []), p]);

  const assigned = new Map<string, { id: string; detloc: string | null; method: string }>();
  const used = new Set<string>();
  const out: Record<string, string | number | null>[] = [];
  let unmatched = 0;
  for (const g of list) {
    const { recs, latest } = g;
    let detloc: string | null = null;
    let method = '';
    const d = decided.get(g.key);
    const p = paired.get(g.key);
    if (d) [detloc, method] = [d.code, d.method];
    else if (p) [detloc, method] = [p.b, `DDP code ${p.b} by entity resolution (score ${p.score}: ${p.evidence})`];
    else {
      // No DDP code: Marshall's code for the name or address, unless DDP's series under that code is another place's.
      for (const [code, how] of [[g.byName, 'Marshall Project location, same name and state'], [g.byAddr, 'Marshall Project location, same street address and ZIP']] as const) {
        const otherPlace = () => {
          const [x, y] = [wbRecs.find((r) => r.id === g.key), ddpRecs.find((r) => r.id === code)];
          return !!x && !!y && agreement(x, y).verdict === 'conflict';
        };
        if (code && !used.has(code) && !taken.has(code) && !otherPlace()) {
          [detloc, method] = [code, how];
          break;
        }
      }
    }
    if (!detloc) {
      unmatched++;
      const rivals = ambiguousOf.get(g.key);
      method = rivals
        ? `unmatched: DDP codes ${rivals.map((r) => r.b).join(', ')} fit equally well (${rivals[0]!.evidence}); a crosswalk line decides`
        : 'unmatched: no DETLOC code found (no DDP code with this name or population, no Marshall Project location)';
    }
    if (detloc) used.add(detloc);
    const id = detloc ? detloc.toLowerCase() : g.key;
    if (assigned.has(id)) throw new IngestError({ file: latest.source_file, row: latest.source_row, column: 'Name', value: latest.name }, `expected one facility per id; ${id} is also given to another group (add a line to the crosswalk)`);
    assigned.set(id, { id, detloc, method });
    for (const r of recs) out.push({ fiscal_year: r.fiscal_year, source_file: r.source_file, source_row: r.source_row, facility_id: id, detloc, match_method: method });
  }
  await stageFormerIds(ctx, new Set([...assigned.keys(), ...[...ddpCodes].map((c) => c.toLowerCase())]));
  await stageCoordinates(ctx, list.map((g) => g.recs), (r) => out.find((o) => o.source_row === r.source_row && o.fiscal_year === r.fiscal_year)!.facility_id as string, marshall, ddp.filter((d) => !used.has(d.code)));
  await ctx.stage('stg_ice_facility_keys', { fiscal_year: 'INTEGER', source_file: 'VARCHAR', source_row: 'INTEGER', facility_id: 'VARCHAR', detloc: 'VARCHAR', match_method: 'VARCHAR' }, out);
  const ddpOnly = [...ddpCodes].filter((c) => !used.has(c)).length;
  ctx.log(`match   ice facilities: ${list.length} workbook facilities from ${wb.length} rows; ${list.length - unmatched} with a DETLOC code (${pairs.length} tied to DDP by entity resolution), ${unmatched} without (${ambiguousOf.size} ambiguous); ${ddpOnly} DDP codes seen only in DDP`);
}

/**
 * Coordinates for each facility, best source first: the Marshall Project location of its DETLOC
 * code (geocoded and hand-checked), Nathan Craig's FY21 geocoding, the ICE COVID page locations;
 * otherwise the ZIP's centroid, marked approximate. UCLA's list is not used here so this dataset
 * stays free of its non-commercial license.
 */
async function stageCoordinates(ctx: StageContext, groups: WbRow[][], idOf: (r: WbRow) => string, marshall: Loc[], ddpOnly: Ddp[]) {
  const ncraig = await rowsOf<Loc>(ctx, `SELECT NULL AS code, name, address, state, zip, latitude, longitude, source_file, source_row::INT source_row FROM stg_loc_ncraig WHERE latitude IS NOT NULL`);
  const icecovid = await rowsOf<Loc>(ctx, `SELECT NULL AS code, name, address, state, zip, latitude, longitude, source_file, source_row::INT source_row FROM stg_loc_icecovid WHERE latitude IS NOT NULL`);
  const zips = new Map((await rowsOf<{ zip: string; latitude: number; longitude: number; source_file: string; source_row: number }>(ctx, `SELECT zip, latitude, longitude, source_file, source_row::INT source_row FROM zip_centroids`)).map((z) => [z.zip, z]));
  const byCode = new Map(marshall.filter((m) => m.code && m.latitude !== null).map((m) => [m.code!, m]));
  const index = (locs: Loc[]) => {
    const m = new Map<string, Loc>();
    for (const l of locs) {
      m.set(`n|${nameKey(l.name)}|${l.state}`, l);
      if (addressKey(l.address) && l.zip) m.set(`a|${addressKey(l.address)}|${l.zip}`, l);
    }
    return m;
  };
  const [nc, ic] = [index(ncraig), index(icecovid)];
  const rows: Record<string, string | number | boolean | null>[] = [];
  const put = (id: string, l: Loc | undefined, how: string, approximate = false) =>
    l && rows.push({ facility_id: id, latitude: l.latitude, longitude: l.longitude, coord_source: `${how}: ${l.source_file} row ${l.source_row}`, coord_approximate: approximate });
  for (const recs of groups) {
    const id = idOf(recs[0]!);
    const code = id.toUpperCase();
    const find = (m: Map<string, Loc>) => {
      for (const r of [...recs].reverse()) {
        const hit = m.get(`n|${nameKey(r.name)}|${r.state}`) ?? m.get(`a|${addressKey(r.address)}|${r.zip}`);
        if (hit) return hit;
      }
    };
    const zip = [...recs].reverse().find((r) => r.zip && zips.has(r.zip))?.zip;
    const z = zip ? zips.get(zip) : undefined;
    const l = byCode.get(code);
    if (l) put(id, l, 'Marshall Project location of the DETLOC code');
    else if (find(nc)) put(id, find(nc), 'Nathan Craig FY21 geocoding');
    else if (find(ic)) put(id, find(ic), 'ICE COVID page location');
    else if (z) rows.push({ facility_id: id, latitude: z.latitude, longitude: z.longitude, coord_source: `ZIP ${zip} centroid (approximate): ${z.source_file} row ${z.source_row}`, coord_approximate: true });
  }
  // A code seen only in DDP takes the Marshall Project's location of the code, unless Marshall's
  // 2017 list names the code differently, with no distinctive word in common: it may be another place
  // (MONTGTX: Joe Corley then, Montgomery County Jail in DDP), so its address and point are not used.
  const elsewhere: { code: string; marshall_name: string }[] = [];
  for (const d of ddpOnly) {
    const m = marshall.find((x) => x.code === d.code);
    const names = d.names?.length ? d.names : [d.name];
    if (m && !names.some((n) => nameKey(n) === nameKey(m.name) || sharesWord(nameKey(n), nameKey(m.name)))) elsewhere.push({ code: d.code, marshall_name: m.name });
    else put(d.code.toLowerCase(), byCode.get(d.code), 'Marshall Project location of the DETLOC code');
  }
  await ctx.stage('stg_marshall_elsewhere', { code: 'VARCHAR', marshall_name: 'VARCHAR' }, elsewhere);
  await ctx.stage('stg_ice_facility_coords', { facility_id: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', coord_source: 'VARCHAR', coord_approximate: 'BOOLEAN' }, rows);
}

/**
 * Ids earlier releases published for a facility that now has another (a workbook facility tied to
 * its DDP code: wb-winn-correctional-center-la is lawinci). People have linked to those pages, so
 * each one redirects; the list is committed, each line checked against the ids of this run.
 */
async function stageFormerIds(ctx: StageContext, ids: ReadonlySet<string>) {
  const label = 'scripts/ingest/crosswalks/former-ids.csv';
  const t = readTable(readCsv(FORMER_IDS, label), {
    header: ['old_id', 'facility_id', 'reason'],
    columns: {
      old_id: { kind: 'text', header: 'old_id', required: true },
      facility_id: { kind: 'text', header: 'facility_id', required: true },
      reason: { kind: 'text', header: 'reason', required: true },
    },
  });
  const byId = new Map<string, string[]>();
  for (const r of t.records) {
    const { old_id, facility_id } = r.values as { old_id: string; facility_id: string };
    if (ids.has(old_id)) throw new IngestError({ file: label, row: r.row, column: 'old_id', value: old_id }, 'expected an id no facility has now (this one is a facility of its own: remove the line)');
    if (!ids.has(facility_id)) throw new IngestError({ file: label, row: r.row, column: 'facility_id', value: facility_id }, 'expected the id of a facility of this run');
    byId.set(facility_id, [...(byId.get(facility_id) ?? []), old_id]);
  }
  const rows = [...byId].sort(([x], [y]) => (x < y ? -1 : 1)).map(([facility_id, olds]) => ({ facility_id, former_ids: olds.sort().join('; ') }));
  await ctx.stage('stg_ice_facility_former_ids', { facility_id: 'VARCHAR', former_ids: 'VARCHAR' }, rows);
}
