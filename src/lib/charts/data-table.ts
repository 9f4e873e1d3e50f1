/**
 * A chart's data table (in ChartFrame): its rows as drawn, or, for a line chart of several series
 * whose columns are only the date, the series and the figure (a facility's people held each day,
 * at midnight and at any time), one row per date with a column per series: the same figures, read
 * across as the chart shows them, in half the rows. The CSV keeps exactly the rows drawn.
 * A long table shows its last rows and its caption says so. Framework-free.
 */
import { cell } from '../format';
import type { ChartData, Column, Row } from './types';

/** Rows a table shows at most (its newest); the CSV has all. */
export const TABLE_ROWS = 120;

export interface DataTable {
  head: string[];
  /** Which columns are figures (right-aligned). */
  numeric: boolean[];
  /** The cells, formatted ("not reported" for null, never 0). */
  body: string[][];
  /** What the caption adds to the title when the table is cut: "(last 60 of 1,257 days; the CSV has all)". */
  note: string;
}

const isNumeric = (c: Column) => c.format === 'count' || c.format === 'number';

/** The series of a chart whose columns are exactly its x, its series and its y, in that order; else null (it stays long). */
function wideSeries(chart: ChartData): string[] | null {
  const s = chart.series;
  if (chart.kind !== 'line' || !s || chart.columns.map((c) => c.field).join() !== [chart.x.field, s.field, chart.y.field].join()) return null;
  const names = [...new Set(chart.rows.map((r) => String(r[s.field])))];
  // One value per date and series, or the wide table would hide a row.
  const seen = new Set(chart.rows.map((r) => `${r[chart.x.field]}\u0000${r[s.field]}`));
  return names.length > 1 && seen.size === chart.rows.length ? names : null;
}

export function dataTable(chart: ChartData): DataTable {
  const [xCol, sCol, yCol] = chart.columns;
  const series = wideSeries(chart);
  if (!series || !xCol || !sCol || !yCol) {
    const shown = chart.rows.slice(-TABLE_ROWS);
    return {
      head: chart.columns.map((c) => c.label),
      numeric: chart.columns.map(isNumeric),
      body: shown.map((r) => chart.columns.map((c) => cell(r[c.field], c.format))),
      note: chart.rows.length > TABLE_ROWS ? ` (last ${TABLE_ROWS} of ${chart.rows.length} rows; the CSV has all)` : '',
    };
  }
  const labels = chart.series!.labels;
  const byX = new Map<Row[string], Map<string, Row[string]>>();
  for (const r of chart.rows) {
    const x = r[xCol.field] ?? null;
    if (!byX.has(x)) byX.set(x, new Map());
    byX.get(x)!.set(String(r[sCol.field]), r[yCol.field] ?? null);
  }
  const xs = [...byX.keys()];
  // The same number of figures as a long table shows: TABLE_ROWS of them, a row of each series per date.
  const keep = Math.max(1, Math.floor(TABLE_ROWS / series.length));
  const dates = `${xCol.label.toLowerCase()}${xCol.label.endsWith('s') ? '' : 's'}`;
  return {
    head: [xCol.label, ...series.map((s) => (labels[s] && labels[s] !== s ? `${labels[s]} (${s})` : s))],
    numeric: [isNumeric(xCol), ...series.map(() => isNumeric(yCol))],
    // A series without a figure on a date is "not reported" there.
    body: xs.slice(-keep).map((x) => [cell(x, xCol.format), ...series.map((s) => cell(byX.get(x)!.get(s) ?? null, yCol.format))]),
    note: xs.length > keep ? ` (last ${keep} of ${xs.length} ${dates}; the CSV has all)` : '',
  };
}
