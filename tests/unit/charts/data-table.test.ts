/**
 * A chart's data table, from real rows (each chart's SQL over the committed Parquet): a line chart
 * of date, series and figure reads one row per date, each series in its column, with the very
 * figures of the newest dates; every other chart keeps its rows and columns; a cut table says so.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../../src/lib/charts/registry';
import { dataTable, TABLE_ROWS } from '../../../src/lib/charts/data-table';
import { cell } from '../../../src/lib/format';
import type { ChartData } from '../../../src/lib/charts/types';
import { committedCharts, sampleParams } from './committed-charts';

const { run } = committedCharts();

async function chart(id: string): Promise<ChartData> {
  const spec = CHARTS[id]!;
  const { rows } = await run(spec);
  return { ...spec, series: spec.series ?? null, params: sampleParams(spec), key: id, rows } as unknown as ChartData;
}

describe('chart data table', () => {
  it('reads a facility’s days across: one row per day, each count in its column, the figures of the newest days', async () => {
    const c = await chart('facility-daily');
    const t = dataTable(c);
    const series = [...new Set(c.rows.map((r) => String(r.measure)))];
    expect(series.length).toBeGreaterThan(1);
    expect(t.head).toEqual(['Day', ...series.map((s) => `${c.series!.labels[s]} (${s})`)]);
    const days = [...new Set(c.rows.map((r) => String(r.date)))];
    expect(t.body.length).toBe(Math.min(days.length, Math.floor(TABLE_ROWS / series.length)));
    // Every cell is the figure of the long row of its day and series.
    t.body.forEach((row, i) => {
      const day = days[days.length - t.body.length + i]!;
      expect(row[0]).toBe(cell(day, 'date'));
      series.forEach((s, j) => expect(row[j + 1], `${day} ${s}`).toBe(cell(c.rows.find((r) => r.date === day && r.measure === s)?.people ?? null, 'count')));
    });
    expect(t.numeric).toEqual([false, ...series.map(() => true)]);
    if (days.length > t.body.length) expect(t.note).toBe(` (last ${t.body.length} of ${days.length} days; the CSV has all)`);
  });

  it('keeps every other chart’s rows and columns, its newest rows when cut', async () => {
    for (const id of Object.keys(CHARTS).filter((k) => k !== 'facility-daily')) {
      const c = await chart(id);
      const t = dataTable(c);
      expect(t.head, id).toEqual(c.columns.map((col) => col.label));
      const shown = c.rows.slice(-TABLE_ROWS);
      expect(t.body, id).toEqual(shown.map((r) => c.columns.map((col) => cell(r[col.field], col.format))));
      expect(t.note, id).toBe(c.rows.length > TABLE_ROWS ? ` (last ${TABLE_ROWS} of ${c.rows.length} rows; the CSV has all)` : '');
    }
  });

  it('stays long when a date has two rows of one series (a wide table would hide one)', async () => {
    const c = await chart('facility-daily');
    const dup = { ...c, rows: [...c.rows, { ...c.rows.at(-1)!, people: 1 }] };
    expect(dataTable(dup).head).toEqual(c.columns.map((col) => col.label));
  });
});
