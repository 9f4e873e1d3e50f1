import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/lib/explore/examples';
import { exampleAnswers, exploreSchema } from '../../../src/lib/server/explore';
import { autoChart } from '../../../src/lib/explore/chart';
import { sql } from '../../browser/harness';

const schema = exploreSchema();
const answers = await exampleAnswers(schema);
const answer = (id: string) => answers.find((a) => a.example.id === id)!;

describe('example questions, answered at build time', () => {
  it('have unique ids and an answer each, naming the datasets they read (not their CTEs)', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    expect(answer('doubled').datasets).toEqual(['ice_facility_fy']);
    expect(answer('ice-by-state').datasets).toEqual(['ice_facility_fy']);
    expect(answer('largest-now').datasets.sort()).toEqual(['facilities', 'ice_facility_daily']);
    for (const a of answers) expect(a.result.rowCount, a.example.id).toBeGreaterThan(0);
  });

  it('the doubled facilities are the ones the fiscal-year data holds', async () => {
    const fy = "FROM 'data/ice_facility_fy.parquet'";
    const want = await sql<{ facility_id: string }>(
      `SELECT a.facility_id ${fy} a, (SELECT * ${fy}) b WHERE a.facility_id = b.facility_id AND a.fiscal_year = 2025 AND b.fiscal_year = 2026 AND a.adp_total >= 10 AND b.adp_total / a.adp_total > 2`,
    );
    const got = answer('doubled').result;
    const id = got.columns.findIndex((c) => c.name === 'facility_id');
    expect(got.rows.map((r) => r[id]).sort()).toEqual(want.map((w) => w.facility_id).sort());
    const times = got.columns.findIndex((c) => c.name === 'times');
    for (const r of got.rows) expect(Number(r[times])).toBeGreaterThan(2);
  });

  it('the national daily series ends on the last day of the daily file, with the sum the facilities give', async () => {
    const got = answer('national-daily').result;
    const last = got.rows.at(-1)!;
    const [want] = await sql<{ date: string; n: string }>(
      "SELECT date, sum(n_detained_at_midnight) AS n FROM 'data/ice_facility_daily.parquet' WHERE date = (SELECT max(date) FROM 'data/ice_facility_daily.parquet') GROUP BY 1",
    );
    expect(last).toEqual([want!.date, Number(want!.n)]);
    expect(autoChart(got).chart?.kind).toBe('line');
  });
});
