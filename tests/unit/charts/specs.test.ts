/**
 * Every chart in the registry, run the way loadChart runs it (its SQL over one DuckDB view per
 * dataset in data/, read from the committed Parquet files): the rows carry every declared
 * column, missing values stay null, and describe() states numbers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CHARTS } from '../../../src/lib/charts/registry';
import type { ChartSpec, Params, Row } from '../../../src/lib/charts/types';

/** A parameter value each parameterised chart is drawn for on the site (the page's own id). */
const SAMPLE: Record<NonNullable<ChartSpec['param']>, string> = { facility: 'stwrtga', state: 'tx' };

interface Pkg {
  resources: { name: string; path: string }[];
}
const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as Pkg;

let db: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
  for (const r of pkg.resources) await con.run(`CREATE VIEW "${r.name}" AS SELECT * FROM read_parquet('data/${r.path}')`);
});
afterAll(() => {
  con?.closeSync();
  db?.closeSync();
});

async function run(spec: ChartSpec, params: Params) {
  const reader = await con.runAndReadAll(spec.query(params));
  return { names: reader.columnNames(), rows: reader.getRowObjectsJson() as Row[] };
}

describe('chart specs', () => {
  it('the registry holds the national charts', () => {
    for (const id of ['ice-national-monthly', 'ice-national-annual', 'ice-national-daily', 'ice-by-facility-type', 'ice-by-state', 'ice-top-facilities', 'prisoners-national', 'covid-ice', 'covid-prisons'])
      expect(Object.keys(CHARTS)).toContain(id);
  });

  for (const spec of Object.values(CHARTS)) {
    const params: Params = spec.param ? { [spec.param]: SAMPLE[spec.param] } : {};
    describe(spec.id, () => {
      it('reads only datasets in the data package', () => {
        for (const d of spec.datasets) expect(pkg.resources.map((r) => r.name)).toContain(d);
      });

      it('returns rows with every declared column, the x and y fields and the series field', async () => {
        const { names, rows } = await run(spec, params);
        expect(rows.length).toBeGreaterThan(0);
        const needed = [...spec.columns.map((c) => c.field), spec.x.field, spec.y.field, ...(spec.series ? [spec.series.field] : [])];
        for (const f of needed) expect(names, `${spec.id}: column ${f}`).toContain(f);
      });

      it('describes itself with numbers from its rows', async () => {
        const { rows } = await run(spec, params);
        const text = spec.describe(rows, params);
        expect(text).toMatch(/\d/);
        expect(spec.title(params)).not.toBe('');
        for (const a of spec.annotate?.(rows) ?? []) expect(Number.isFinite(a.y), `${spec.id}: annotation ${a.label}`).toBe(true);
      });
    });
  }
});

describe('missing values stay null, never 0', () => {
  it('Nathan Craig FY1993 is null in ice-national-annual', async () => {
    const { rows } = await run(CHARTS['ice-national-annual']!, {});
    const r = rows.find((x) => x.fiscal_year === '1993' && x.source_id === 'ncraig-adp');
    expect(r?.adp).toBeNull();
    expect(String(r?.coverage)).toMatch(/^not reported/);
  });

  it("ICE's COVID page 'NA' days are null in ice-national-daily", async () => {
    const { rows } = await run(CHARTS['ice-national-daily']!, {});
    expect(rows.find((x) => x.date === '2021-10-28' && x.series === 'ice_covid_page')?.value).toBeNull();
  });

  it('covid-prisons sums a week only when all 51 systems reported it', async () => {
    const { rows } = await run(CHARTS['covid-prisons']!, {});
    for (const r of rows) {
      if (Number(r.systems_reporting) < 51) expect(r.value, `${String(r.week)} ${String(r.series)}`).toBeNull();
      else expect(r.value).not.toBeNull();
    }
    // Week of 2020-04-05: every system reported; the sum equals UCLA's national total less ICE's own count (no DC row that week).
    const q = await con.runAndReadAll(`SELECT sum(value) FILTER (WHERE system = 'US') - sum(value) FILTER (WHERE system = 'ICE') AS v,
      count(*) FILTER (WHERE system = 'DC') AS dc FROM covid_prisons_ucla WHERE date = '2020-04-05' AND measure = 'Residents.Confirmed'`);
    const [ucla] = q.getRowObjectsJson();
    expect(Number(ucla!.dc)).toBe(0);
    expect(rows.find((r) => r.week === '2020-04-05' && r.series === 'cases')?.value).toBe(Number(ucla!.v));
  });
});

describe('registry', () => {
  it('lists every chart file in specs/ (the list is written by hand)', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync('src/lib/charts/specs').filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(CHARTS).sort()).toEqual(files.sort());
  });
});
