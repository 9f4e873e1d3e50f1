/**
 * A chart's data table (in ChartFrame): its rows as drawn, or, for a line chart of several series
 * whose columns are only the date, the series and the figure (a facility's people held each day,
 * at midnight and at any time), one row per date with a column per series: the same figures, read
 * across as the chart shows them, in half the rows; its CSV is read across the same way.
 * A long table shows its last rows and its caption says so. Framework-free.
 */
import { cell } from '../format';
import type { ChartData, Column, Row } from './types';

/**
 * Figures a table shows at most (its newest rows); the CSV has all. 60: a facility's last 30 days,
 * or its last 30 releases, is what a page needs to be read without the chart; 120 cost ~6 MB more
 * over the ~2,900 facility pages, of the 250 MB a static host takes (issue 20).
 */
export const TABLE_ROWS = 60;

export interface DataTable {
  head: string[];
  /** Which columns are figures (right-aligned). */
  numeric: boolean[];
  /** The cells, formatted ("not reported" for null, never 0). */
  body: string[][];
  /** What the caption adds to the title when the table is cut: "(last 30 of 1,257 days; the CSV has all)". */
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

/**
 * The chart's rows read across: one row per date, a column per series (named by the series key, its
 * label as the column label); null when the chart stays long. The table shows its last rows, the
 * CSV all of them.
 */
export function wideRows(chart: ChartData): { columns: Column[]; rows: Row[] } | null {
  const series = wideSeries(chart);
  const [xCol, sCol, yCol] = chart.columns;
  if (!series || !xCol || !sCol || !yCol) return null;
  const byX = new Map<Row[string], Row>();
  for (const r of chart.rows) {
    const x = r[xCol.field] ?? null;
    if (!byX.has(x)) byX.set(x, { [xCol.field]: x });
    byX.get(x)![String(r[sCol.field])] = r[yCol.field] ?? null;
  }
  const labels = chart.series!.labels;
  return {
    columns: [xCol, ...series.map((s): Column => ({ field: s, label: labels[s] && labels[s] !== s ? `${labels[s]} (${s})` : s, format: yCol.format }))],
    // A series without a figure on a date is "not reported" there (null).
    rows: [...byX.values()].map((r) => Object.fromEntries([[xCol.field, r[xCol.field]], ...series.map((s) => [s, r[s] ?? null])])),
  };
}

export function dataTable(chart: ChartData): DataTable {
  const wide = wideRows(chart);
  const { columns, rows } = wide ?? chart;
  // The same number of figures as a long table shows: TABLE_ROWS of them, a row of each series per date.
  const keep = wide ? Math.max(1, Math.floor(TABLE_ROWS / (columns.length - 1))) : TABLE_ROWS;
  const x = columns[0]!.label;
  const unit = wide ? `${x.toLowerCase()}${x.endsWith('s') ? '' : 's'}` : 'rows';
  return {
    head: columns.map((c) => c.label),
    numeric: columns.map(isNumeric),
    body: rows.slice(-keep).map((r) => columns.map((c) => cell(r[c.field] ?? null, c.format))),
    note: rows.length > keep ? ` (last ${keep} of ${rows.length} ${unit}; the CSV has all)` : '',
  };
}
