/**
 * The chart variant file (/charts/<key>.json): every chart's real rows (its SQL over the committed
 * Parquet, as loadChart runs it) come back from the file exactly, and the file is smaller than one
 * object per row; fetchChart reads it, says null for a variant the site does not have, and throws on other failures.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../../src/lib/charts/registry';
import { chartFilePath, fetchChart, packChart, unpackChart } from '../../../src/lib/charts/chart-file';
import type { ChartData, Row } from '../../../src/lib/charts/types';
import { committedCharts } from './committed-charts';

const { run } = committedCharts();


/** A ChartData around real rows: only the rows matter to the file's encoding, the rest is carried as it is. */
const chartOf = (key: string, rows: Row[]) => ({ key, title: `chart ${key}`, rows, sources: [{ title: 't', publisher: 'p', path: null }] }) as unknown as ChartData;

describe('chart variant file', () => {
  it('gives back every chart’s rows exactly, in a smaller file when values repeat', async () => {
    for (const spec of Object.values(CHARTS)) {
      const { rows } = await run(spec);
      const chart = chartOf(spec.id, rows);
      // Through JSON, as a browser gets it.
      const file = JSON.parse(JSON.stringify(packChart(chart)));
      expect(unpackChart(file), spec.id).toEqual(chart);
      expect(JSON.stringify(file).length, spec.id).toBeLessThanOrEqual(JSON.stringify(chart).length);
      if (spec.series && rows.length > 10) expect(JSON.stringify(file).length, spec.id).toBeLessThan(JSON.stringify(chart).length * 0.6);
    }
  });

  it('keeps null apart from a value, and a chart without rows', () => {
    const rows: Row[] = [
      { x: '2020', y: null, s: 'a', ok: true },
      { x: '2020', y: 0, s: 'a', ok: false },
      { x: '2021', y: null, s: 'a', ok: true },
    ];
    expect(unpackChart(JSON.parse(JSON.stringify(packChart(chartOf('t', rows)))))).toEqual(chartOf('t', rows));
    expect(unpackChart(packChart(chartOf('t', []))).rows).toEqual([]);
  });

  it('stores a daily series as gaps between days and its index as the rule it follows, and gives it back exactly', () => {
    // Two series per day, each day twice, in a long run of days across a month's and a year's end and a leap day.
    const days = Array.from({ length: 800 }, (_, i) => new Date(Date.UTC(2023, 11, 20 + i)).toISOString().slice(0, 10));
    const rows: Row[] = days.flatMap((d, i) => [
      { date: d, measure: 'midnight', people: i % 7 },
      { date: d, measure: 'any time', people: i % 5 },
    ]);
    const chart = chartOf('facility-daily--x', rows);
    const file = JSON.parse(JSON.stringify(packChart(chart)));
    expect(unpackChart(file)).toEqual(chart);
    const [date, measure] = file.table.columns;
    expect(date).toMatchObject({ values: { days: { from: days[0] } }, index: { each: 2 } });
    expect(measure).toEqual({ values: ['midnight', 'any time'], index: { cycle: [0, 1] } });
    expect(JSON.stringify(file).length).toBeLessThan(JSON.stringify(chart).length * 0.2);
  });

  it('keeps as written what only looks like a day, and an index that follows no rule', () => {
    const rows: Row[] = [{ d: '2021-02-29' }, { d: '2021-02-28' }, { d: '2021-2-28' }, { d: '2021-02-28' }, { d: '2021-02-29' }, { d: '2021-02-28' }];
    const file = JSON.parse(JSON.stringify(packChart(chartOf('t', rows))));
    expect(unpackChart(file).rows).toEqual(rows);
    expect(JSON.stringify(file)).not.toContain('"days"');
    const real: Row[] = ['2021-03-01', '2021-02-28', '2021-03-01', '2021-03-01', '2021-02-28', '2021-03-05'].map((d) => ({ d }));
    expect(unpackChart(JSON.parse(JSON.stringify(packChart(chartOf('t', real))))).rows).toEqual(real);
  });

  it('refuses rows whose fields differ (they could not come back as they were)', () => {
    expect(() => packChart(chartOf('t', [{ x: 1, y: 2 }, { x: 1 }]))).toThrow(/row 2 has the fields x, not x, y/);
  });

  it('is read by fetchChart: the chart, null for a variant the site lacks, an error otherwise', async () => {
    const chart = chartOf('facility-adp--x', [{ x: '2020', y: 1 }, { x: '2021', y: 1 }]);
    const asked: string[] = [];
    const site = (status: number) => (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(packChart(chart)), { status });
    }) as typeof fetch;
    await expect(fetchChart('/dashboard', 'facility-adp--x', site(200))).resolves.toEqual(chart);
    expect(asked).toEqual([chartFilePath('/dashboard', 'facility-adp--x')]);
    expect(asked[0]).toBe('/dashboard/charts/facility-adp--x.json');
    await expect(fetchChart('', 'facility-adp--y', site(404))).resolves.toBeNull();
    await expect(fetchChart('', 'facility-adp--y', site(500))).rejects.toThrow(/HTTP 500/);
  });
});
