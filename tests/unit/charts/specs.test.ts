/**
 * Every chart in the registry, run the way loadChart runs it (its SQL over one DuckDB view per
 * dataset in data/, read from the committed Parquet files): the rows carry every declared
 * column, missing values stay null, and describe() states numbers.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../../src/lib/charts/registry';
import type { Params } from '../../../src/lib/charts/types';
import { committedCharts, pkg, SAMPLE } from './committed-charts';

const { run, sql } = committedCharts();

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
    const [ucla] = await sql(`SELECT sum(value) FILTER (WHERE system = 'US') - sum(value) FILTER (WHERE system = 'ICE') AS v,
      count(*) FILTER (WHERE system = 'DC') AS dc FROM covid_prisons_ucla WHERE date = '2020-04-05' AND measure = 'Residents.Confirmed'`);
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
