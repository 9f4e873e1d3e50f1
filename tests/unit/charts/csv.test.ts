/**
 * Chart CSVs (/charts/<key>.csv) carry each number as the chart's table shows it: no float noise
 * (17908.060109000002), every count and one-decimal cell equal to the displayed table value; the
 * dataset downloads (/data/*.csv) keep full precision. Run on real chart data: every national
 * chart and the first variants of each chart drawn per facility or state.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartCsv, toCsv } from '$lib/charts/csv';
import { wideRows } from '$lib/charts/data-table';
import type { ChartData } from '$lib/charts/types';
import { cell } from '$lib/format';
import { chartVariants, loadChart } from '$lib/server/charts';
import { query } from '$lib/server/data';

/** Decimals a column's format shows (src/lib/format.ts: counts are whole, 'number' has one). */
const DECIMALS = { count: 0, number: 1 } as const;

/** Cells of a chart's CSV that disagree with its table or show more decimals than it does. */
function badCells(c: ChartData, csv: string): string[] {
  const { data } = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  const { columns, rows } = wideRows(c) ?? c;
  expect(data.length).toBe(rows.length);
  const bad: string[] = [];
  data.forEach((line, i) => {
    for (const col of columns) {
      const v = rows[i]![col.field];
      if (col.format !== 'count' && col.format !== 'number') continue;
      const got = line[col.field]!;
      const decimals = got.split('.')[1]?.length ?? 0;
      const table = v === null || v === undefined ? '' : cell(v, col.format).replace(/,/g, '').replace('\u2212', '-');
      if (decimals > DECIMALS[col.format] || (got !== '' && Number(got) !== Number(table)) || (got === '') !== (table === '')) bad.push(`${c.key} row ${i + 2} ${col.field}: CSV ${got}, table ${table}`);
    }
  });
  return bad;
}

let charts: ChartData[] = [];
beforeAll(async () => {
  const variants = await chartVariants();
  // Every chart without a parameter, and the first five variants of each chart with one.
  const seen = new Map<string, number>();
  const sample = variants.filter((v) => seen.set(v.id, (seen.get(v.id) ?? 0) + 1).get(v.id)! <= 5);
  charts = await Promise.all(sample.map((v) => loadChart(v.id, v.params)));
}, 60_000);

describe('chart CSVs', () => {
  it('every count and one-decimal cell is the table value, with no float noise', () => {
    expect(charts.length).toBeGreaterThan(20);
    const bad = charts.flatMap((c) => badCells(c, chartCsv(c)));
    expect(bad).toEqual([]);
  });

  it('the check catches the raw rows written as they come from DuckDB (the fault of issue 18)', () => {
    const c = charts.find((x) => x.id === 'ice-by-state')!;
    const raw = Papa.unparse({ fields: c.columns.map((x) => x.field), data: c.rows.map((r) => c.columns.map((x) => r[x.field] ?? '')) });
    expect(badCells(c, raw).length).toBeGreaterThan(0);
  });

  it('a chart of date, series and figure reads one row per date, every figure drawn in its series column', () => {
    const c = charts.find((x) => x.id === 'facility-daily' && x.rows.length > 0)!;
    const { data, meta } = Papa.parse<Record<string, string>>(chartCsv(c), { header: true, skipEmptyLines: true });
    const series = [...new Set(c.rows.map((r) => String(r[c.series!.field])))];
    expect(meta.fields).toEqual([c.x.field, ...series]);
    expect(data.length).toBe(new Set(c.rows.map((r) => r[c.x.field])).size);
    // Every long row's figure is in the CSV, at its date and in its series' column; no other figure is.
    const byDate = new Map(data.map((l) => [l[c.x.field], l]));
    for (const r of c.rows) expect(byDate.get(String(r[c.x.field]))?.[String(r[c.series!.field])], `${r[c.x.field]} ${r[c.series!.field]}`).toBe(r[c.y.field] === null ? '' : String(r[c.y.field]));
    expect(data.flatMap((l) => series.map((s) => l[s])).filter((v) => v !== '').length).toBe(c.rows.filter((r) => r[c.y.field] !== null).length);
  });

  it('text, year and date cells are written as they are', () => {
    const c = charts.find((x) => x.id === 'ice-top-facilities')!;
    const { data } = Papa.parse<Record<string, string>>(toCsv(c.rows, c.columns), { header: true });
    expect(data[0]!.name).toBe(String(c.rows[0]!.name));
    expect(data[0]!.fiscal_year).toBe(String(c.rows[0]!.fiscal_year));
  });
});

describe('dataset downloads keep full precision', () => {
  it('/data/ice_facility_fy.csv has every digit DuckDB holds for a fractional ADP', async () => {
    const [r] = await query<{ facility_id: string; fiscal_year: number; adp_total: number }>(
      `SELECT facility_id, fiscal_year, adp_total FROM ice_facility_fy WHERE adp_total <> round(adp_total, 3) ORDER BY facility_id, fiscal_year LIMIT 1`,
    );
    expect(r).toBeDefined();
    const { data } = Papa.parse<Record<string, string>>(readFileSync('static/data/ice_facility_fy.csv', 'utf8'), { header: true });
    const line = data.find((d) => d.facility_id === r!.facility_id && Number(d.fiscal_year) === Number(r!.fiscal_year))!;
    expect(Number(line.adp_total)).toBe(Number(r!.adp_total));
    expect(line.adp_total!.split('.')[1]!.length).toBeGreaterThan(3);
  });
});
