/**
 * The deaths chart against the data: its rows equal a count of ice_deaths' in-custody rows by fiscal
 * year (queried here, not typed in), the years the 2017–18 gap touches are marked incomplete (never
 * shown as complete), the latest year is partial, and rows not in custody are not counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import deathsSpec from '../../../src/lib/charts/specs/ice-deaths-by-year';
import { GAP, GAP_YEARS } from '../../../src/lib/deaths/coverage';
import type { ChartSpec, Row } from '../../../src/lib/charts/types';

const spec: ChartSpec = deathsSpec;

let db: DuckDBInstance;
let con: DuckDBConnection;
const rowsOf = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Row[];

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
  await con.run(`CREATE VIEW ice_deaths AS SELECT * FROM read_parquet('data/ice_deaths.parquet')`);
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
});

describe('ice-deaths-by-year', () => {
  it('draws each fiscal year as the count of in-custody rows', async () => {
    const chart = await rowsOf(spec.query({}));
    const expected = await rowsOf(`SELECT CAST(fiscal_year AS VARCHAR) AS fy, count(*) AS n FROM ice_deaths WHERE in_custody GROUP BY 1`);
    const byFy = new Map(expected.map((r) => [String(r.fy), Number(r.n)]));
    expect(chart.length).toBeGreaterThan(0);
    for (const r of chart) expect(Number(r.deaths), `FY${r.fiscal_year}`).toBe(byFy.get(String(r.fiscal_year)) ?? 0);
    expect(chart.reduce((s, r) => s + Number(r.deaths), 0)).toBe([...byFy.values()].reduce((a, b) => a + b, 0));
  });

  it('does not count rows that are not in custody', async () => {
    const [{ n }] = (await rowsOf(`SELECT count(*) AS n FROM ice_deaths WHERE NOT in_custody`)) as [{ n: number }];
    const [{ all }] = (await rowsOf(`SELECT count(*) AS "all" FROM ice_deaths`)) as [{ all: number }];
    expect(Number(n)).toBeGreaterThan(0);
    const chart = await rowsOf(spec.query({}));
    expect(chart.reduce((s, r) => s + Number(r.deaths), 0)).toBe(Number(all) - Number(n));
  });

  it('marks the years the gap touches incomplete, and the latest year partial with its end date', async () => {
    const chart = await rowsOf(spec.query({}));
    expect(GAP_YEARS.length).toBeGreaterThan(0);
    // The gap really has no rows in the data (else the caveat is stale).
    const inGap = await rowsOf(`SELECT count(*) AS n FROM ice_deaths WHERE death_date > DATE '${GAP.after}' AND death_date < DATE '${GAP.before}'`);
    expect(Number(inGap[0]!.n)).toBe(0);
    for (const fy of GAP_YEARS) {
      const r = chart.find((c) => Number(c.fiscal_year) === fy);
      expect(r, `FY${fy}`).toBeDefined();
      expect(String(r!.coverage)).toMatch(/^incomplete/);
      expect(spec.annotate!(chart).some((a) => a.x === String(fy) && a.y === Number(r!.deaths) && /^FY\d{4}: at least \d+$/.test(a.label))).toBe(true);
      // Missing, not drawn: the line breaks there (its plotted value is null, never 0).
      expect(r!.deaths_drawn, `FY${fy}`).toBeNull();
      expect(spec.y.field).toBe('deaths_drawn');
    }
    const [{ last }] = (await rowsOf(`SELECT strftime(max(death_date), '%Y-%m-%d') AS last FROM ice_deaths`)) as [{ last: string }];
    expect(String(chart.at(-1)!.coverage)).toBe(`partial year: through ${last}`);
    expect(chart.filter((r) => r.coverage === 'full year').length).toBe(chart.length - GAP_YEARS.length - 1);
    for (const r of chart.filter((c) => !GAP_YEARS.includes(Number(c.fiscal_year)))) expect(Number(r.deaths_drawn)).toBe(Number(r.deaths));
    const text = spec.describe(chart, {});
    for (const fy of GAP_YEARS) expect(text).toContain(`FY${fy}`);
    expect(text).toMatch(/lower bounds/);
  });
});
