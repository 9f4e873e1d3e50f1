/**
 * One ICE facility across the yearly workbooks (no ids, names respelled every year) and the
 * DDP daily data (ICE DETLOC codes, abbreviated names). Records are grouped by name, then by
 * street address + ZIP when two names never appear in the same year (a rename, not a second
 * facility at the same address such as Dilley's two FY26 units). Groups get the DETLOC code found
 * through Marshall Project locations (codes + full names + addresses) or DDP names; the committed
 * crosswalk settles what the rules cannot. Everything else is reported as unmatched.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestError } from '../lib/errors';
import { readCsv } from '../lib/read-csv';
import { readTable } from '../lib/table';
import type { StageContext } from '../lib/types';
import { addressKey, nameKey, similarity, slug } from './normalize';

export const CROSSWALK = resolve(fileURLToPath(import.meta.url), '../../crosswalks/ice-facilities.csv');

interface WbRow { fiscal_year: number; name: string; address: string | null; city: string | null; state: string | null; zip: string | null; source_row: number; source_file: string }
interface Loc { code: string | null; name: string; address: string | null; state: string | null; zip: string | null; latitude: number | null; longitude: number | null; source_file: string; source_row: number }
interface Ddp { code: string; name: string }

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
  const wb = await rowsOf<WbRow>(ctx, `SELECT fiscal_year::INT fiscal_year, name, address, city, state, zip, source_row::INT source_row, source_file FROM stg_ice_wb_facilities ORDER BY fiscal_year, source_row`);
  const ddp = await rowsOf<Ddp>(ctx, `SELECT code, name FROM stg_ddp_facilities ORDER BY code`);
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

  // 2. A DETLOC code per group: Marshall by name or address, then DDP by name, then fuzzy within the state.
  const mByName = new Map(marshall.map((m) => [`${nameKey(m.name)}|${m.state}`, m.code]));
  const mByAddr = new Map(marshall.filter((m) => addressKey(m.address) && m.zip).map((m) => [`${addressKey(m.address)}|${m.zip}`, m.code]));
  const ddpByName = new Map<string, string>();
  for (const d of ddp) ddpByName.set(`${nameKey(d.name)}|${d.code.slice(-2)}`, d.code);
  const ddpCodes = new Set(ddp.map((d) => d.code));
  const xwalk = new Map(crosswalk.filter((c) => c.source === 'ice-workbooks').map((c) => [`${nameKey(c.name)}|${c.state}`, c]));

  const groups = new Map<number, number[]>();
  wb.forEach((_, i) => groups.set(uf.find(i), [...(groups.get(uf.find(i)) ?? []), i]));
  const assigned = new Map<string, { id: string; detloc: string | null; method: string }>();
  const used = new Set<string>();
  const out: Record<string, string | number | null>[] = [];
  let unmatched = 0;
  for (const members of groups.values()) {
    const recs = members.map((i) => wb[i]!);
    const latest = recs[recs.length - 1]!;
    const state = recs.map(stateOf).find(Boolean) ?? '';
    let detloc: string | null = null;
    let method = '';
    for (const r of recs) {
      const x = xwalk.get(`${nameKey(r.name)}|${stateOf(r) || state}`);
      if (x) { detloc = x.facility_id.toUpperCase(); method = `crosswalk row ${x.row}: ${x.reason}`; break; }
    }
    const tries: [string, (r: WbRow) => string | undefined][] = [
      ['Marshall Project location, same name and state', (r) => mByName.get(`${nameKey(r.name)}|${state}`) ?? undefined],
      ['Marshall Project location, same street address and ZIP', (r) => mByAddr.get(`${addressKey(r.address)}|${r.zip}`) ?? undefined],
      ['DDP facility, same name and state', (r) => ddpByName.get(`${nameKey(r.name)}|${state}`)],
    ];
    for (const [how, find] of tries) {
      if (detloc) break;
      for (const r of [...recs].reverse()) {
        const c = find(r);
        if (c && !used.has(c)) { detloc = c; method = how; break; }
      }
    }
    if (!detloc) {
      // Fuzzy: the DDP code in the same state whose name shares the most words, if clearly best.
      const key = nameKey(latest.name);
      const scored = ddp.filter((d) => d.code.endsWith(state) && !used.has(d.code)).map((d) => ({ d, s: similarity(key, nameKey(d.name)) })).sort((a, b) => b.s - a.s);
      if (scored[0] && scored[0].s >= 0.67 && (scored[1]?.s ?? 0) < scored[0].s) {
        detloc = scored[0].d.code;
        method = `DDP facility, similar name (${scored[0].d.name}, ${scored[0].s.toFixed(2)})`;
      }
    }
    if (detloc) used.add(detloc);
    else unmatched++;
    const id = detloc ? detloc.toLowerCase() : `wb-${slug(latest.name)}-${state.toLowerCase() || 'xx'}`;
    if (assigned.has(id)) throw new IngestError({ file: latest.source_file, row: latest.source_row, column: 'Name', value: latest.name }, `expected one facility per id; ${id} is also given to another group (add a line to the crosswalk)`);
    assigned.set(id, { id, detloc, method: method || 'unmatched: no DETLOC code found' });
    for (const r of recs) out.push({ fiscal_year: r.fiscal_year, source_file: r.source_file, source_row: r.source_row, facility_id: id, detloc, match_method: method || 'unmatched: no DETLOC code found' });
  }
  await stageCoordinates(ctx, [...groups.values()].map((m) => m.map((i) => wb[i]!)), (r) => out.find((o) => o.source_row === r.source_row && o.fiscal_year === r.fiscal_year)!.facility_id as string, marshall, ddp.filter((d) => !used.has(d.code)));
  await ctx.stage('stg_ice_facility_keys', { fiscal_year: 'INTEGER', source_file: 'VARCHAR', source_row: 'INTEGER', facility_id: 'VARCHAR', detloc: 'VARCHAR', match_method: 'VARCHAR' }, out);
  const ddpOnly = [...ddpCodes].filter((c) => !used.has(c)).length;
  ctx.log(`match   ice facilities: ${groups.size} workbook facilities from ${wb.length} rows; ${groups.size - unmatched} with a DETLOC code, ${unmatched} without; ${ddpOnly} DDP codes seen only in DDP`);
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
  for (const d of ddpOnly) put(d.code.toLowerCase(), byCode.get(d.code), 'Marshall Project location of the DETLOC code');
  await ctx.stage('stg_ice_facility_coords', { facility_id: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', coord_source: 'VARCHAR', coord_approximate: 'BOOLEAN' }, rows);
}
