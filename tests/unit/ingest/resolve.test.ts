/**
 * Entity resolution of ICE workbook facilities and DDP codes (scripts/ingest/match/resolve.ts):
 * the hard cases of issue 16 as small made-up records (the names are real, the figures are not),
 * and properties: the result does not depend on which side is which or on input order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, matchOneToOne, type Rec } from '../../../scripts/ingest/match/resolve';

const rec = (id: string, names: string[], state: string | null, series: Record<number, number> = {}): Rec => ({
  id,
  names,
  state,
  series: new Map(Object.entries(series).map(([fy, n]) => [Number(fy), n])),
});
const pairsOf = (a: Rec[], b: Rec[], hints?: Set<string>) => matchOneToOne(a, b, hints).pairs.map((p) => [p.a, p.b]);

describe('hard cases', () => {
  it('ties Winn to its DDP code, which does not end in a state, by name and population', () => {
    const wb = [rec('wb-winn', ['WINN CORRECTIONAL CENTER'], 'LA', { 2024: 1400, 2025: 1500 })];
    const ddp = [rec('LAWINCI', ['WINN CORRECTIONAL CENTER'], null, { 2024: 1390, 2025: 1510 })];
    const { pairs } = matchOneToOne(wb, ddp);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['wb-winn', 'LAWINCI']]);
    expect(pairs[0]!.evidence).toMatch(/same name; populations agree: FY2025 1,500 vs 1,510/);
  });

  it('gives Joe Corley its current code, not the old one whose series is another place (zeros)', () => {
    const wb = [rec('corley', ['JOE CORLEY PROCESSING CTR', 'JOE CORLEY DETENTION FACILITY'], 'TX', { 2023: 580, 2024: 850, 2025: 860 })];
    const ddp = [rec('MONTGTX', ['MONTGOMERY COUNTY JAIL'], 'TX', { 2023: 0, 2024: 0, 2025: 0 }), rec('JCRLYTX', ['JOE CORLEY PROCESSING CTR'], 'TX', { 2023: 576, 2024: 849, 2025: 859 })];
    // The Marshall Project's location names MONTGTX for Joe Corley's address: a hint, outweighed by the populations.
    expect(pairsOf(wb, ddp, new Set(['corley|MONTGTX']))).toEqual([['corley', 'JCRLYTX']]);
    expect(agreement(wb[0]!, ddp[0]!).verdict).toBe('conflict');
    // With no other candidate, the zeros still rule MONTGTX out.
    expect(pairsOf(wb, [ddp[0]!], new Set(['corley|MONTGTX']))).toEqual([]);
  });

  it('ties the Florida soft-sided facility to "-SOUTH" by population, not to a twin of the same name', () => {
    const wb = [rec('fl', ['FLORIDA SOFT-SIDED FACILITY'], 'FL', { 2026: 1380 })];
    const ddp = [rec('FLDSSFS', ['FLORIDA SOFT-SIDED FACILITY -SOUTH'], null, { 2026: 1336 }), rec('FLDSSFN', ['FLORIDA SOFT-SIDED FACILITY -NORTH'], null, { 2026: 400 })];
    expect(pairsOf(wb, ddp)).toEqual([['fl', 'FLDSSFS']]);
  });

  it('does not tie on one shared place word: Denver CDF II is not Denver County Jail', () => {
    const wb = [rec('cdf2', ['DENVER CONTRACT DETENTION FACILITY (CDF) II'], 'CO', { 2021: 69 })];
    const ddp = [rec('DENVECO', ['DENVER COUNTY JAIL'], 'CO', { 2023: 0, 2024: 0 })];
    expect(pairsOf(wb, ddp)).toEqual([]);
  });

  it('tells namesakes apart by state, and leaves a tie it cannot break unmatched', () => {
    const wb = [rec('wa-tx', ['WASHINGTON COUNTY JAIL'], 'TX'), rec('wa-or', ['WASHINGTON COUNTY JAIL'], 'OR')];
    const ddp = [rec('WASHCTX', ['WASHINGTON COUNTY JAIL'], 'TX'), rec('WASHCOR', ['WASHINGTON COUNTY JAIL'], 'OR')];
    expect(pairsOf(wb, ddp)).toEqual([['wa-or', 'WASHCOR'], ['wa-tx', 'WASHCTX']]);
    // Two workbook facilities, one code, the same evidence: neither gets it.
    const tie = matchOneToOne([rec('x1', ['OLDHAM COUNTY JAIL'], 'KY'), rec('x2', ['OLDHAM CO JAIL'], 'KY')], [rec('OLDHAKY', ['OLDHAM COUNTY JAIL'], 'KY')]);
    expect(tie.pairs).toEqual([]);
    expect(tie.ambiguous.map((p) => p.a)).toEqual(['x1', 'x2']);
  });

  it('needs more than a similar name alone', () => {
    expect(pairsOf([rec('a', ['MCCOOK DETENTION CENTER'], 'NE', { 2026: 105 })], [rec('NEMCCOI', ['MCCOOK ICE IGSA'], null, { 2026: 300 })])).toEqual([]);
    expect(pairsOf([rec('a', ['MCCOOK DETENTION CENTER'], 'NE', { 2026: 105 })], [rec('NEMCCOI', ['MCCOOK ICE IGSA'], null, { 2026: 100 })])).toEqual([['a', 'NEMCCOI']]);
  });
});

describe('properties', () => {
  const NAMES = ['WINN CORRECTIONAL CENTER', 'WINN CORR CTR', 'STEWART DETENTION CENTER', 'EDEN DETENTION CTR', 'EDEN DET CTR HOLD ROOM', 'OLDHAM COUNTY JAIL', 'DENVER COUNTY JAIL', 'DENVER CONTRACT DETENTION FACILITY', 'JOE CORLEY PROCESSING CTR', 'MONTGOMERY COUNTY JAIL'];
  const arbRec = () =>
    fc.record({
      names: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 2 }),
      state: fc.constantFrom('TX', 'LA', 'KY', 'CO', null),
      series: fc.dictionary(fc.constantFrom('2023', '2024', '2025'), fc.constantFrom(0, 15, 140, 150, 850, 1400)),
    });
  const side = (prefix: string) => fc.array(arbRec(), { maxLength: 6 }).map((rs) => rs.map((r, i) => rec(`${prefix}${i}`, r.names, r.state, Object.fromEntries(Object.entries(r.series).map(([k, v]) => [Number(k), v])))));
  const sorted = (ps: string[][]) => ps.map((p) => p.join('|')).sort();

  it('is symmetric: swapping the sides gives the same pairs', () => {
    fc.assert(
      fc.property(side('a'), side('b'), (a, b) => {
        const ab = sorted(pairsOf(a, b));
        const ba = sorted(pairsOf(b, a).map(([x, y]) => [y!, x!]));
        expect(ba).toEqual(ab);
      }),
      { numRuns: 300 },
    );
  });

  it('is stable under input order, and one-to-one', () => {
    fc.assert(
      fc.property(side('a'), side('b'), fc.nat(), (a, b, seed) => {
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: (i * 7919 + seed) % 104729 })).sort((p, q) => p.k - q.k).map((p) => p.x);
        const ps = pairsOf(a, b);
        expect(sorted(pairsOf(shuffle(a), shuffle(b)))).toEqual(sorted(ps));
        expect(new Set(ps.map((p) => p[0])).size).toBe(ps.length);
        expect(new Set(ps.map((p) => p[1])).size).toBe(ps.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the committed registry (data/)', () => {
  const query = async <T>(q: string) => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    return (await con.runAndReadAll(q)).getRowObjectsJson() as unknown as T[];
  };

  it('has one page per named example, with the workbook years and the DDP series of the same place', async () => {
    for (const [name, ddp] of [['WINN CORRECTIONAL CENTER', 'WINN'], ['JOE CORLEY PROCESSING CTR', 'CORLEY'], ['FLORIDA SOFT-SIDED FACILITY', 'FLORIDA SOFT'], ['ERO EL PASO CAMP EAST MONTANA', 'CAMP EAST MONTANA']]) {
      const rows = await query<{ facility_id: string; first_fiscal_year: number | null; ddp_name: string | null }>(
        `SELECT facility_id, first_fiscal_year, ddp_name FROM 'data/ice_facilities.parquet' WHERE name = '${name}' OR ddp_name = '${name}'`,
      );
      expect(rows, name).toHaveLength(1);
      expect(rows[0]!.first_fiscal_year, name).not.toBeNull();
      expect(rows[0]!.ddp_name, name).toContain(ddp);
    }
  });

  it('ties no workbook facility to a DDP series whose population says it is another place', async () => {
    const wb = await query<{ id: string; fy: number; v: number }>(`SELECT facility_id AS id, fiscal_year AS fy, adp_total AS v FROM 'data/ice_facility_fy.parquet' WHERE adp_total IS NOT NULL`);
    const ddp = await query<{ id: string; fy: number; v: number }>(
      `SELECT lower(detention_facility_code) AS id, year(date + INTERVAL 92 DAY)::INT AS fy, avg(n_detained_at_midnight)::DOUBLE AS v FROM 'data/ice_facility_daily.parquet' GROUP BY ALL`,
    );
    const series = (rows: { id: string; fy: number; v: number }[]) => {
      const m = new Map<string, Map<number, number>>();
      for (const r of rows) m.set(r.id, (m.get(r.id) ?? new Map()).set(Number(r.fy), Number(r.v)));
      return m;
    };
    const [a, b] = [series(wb), series(ddp)];
    const both = [...a.keys()].filter((id) => b.has(id));
    expect(both.length).toBeGreaterThan(100);
    const conflicts = both.filter((id) => agreement(rec(id, [], null, Object.fromEntries(a.get(id)!)), rec(id, [], null, Object.fromEntries(b.get(id)!))).verdict === 'conflict');
    expect(conflicts).toEqual([]);
  });
});
