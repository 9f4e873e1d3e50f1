/** The one way a chart's rows become CSV, in the browser and at build time alike (papaparse). */
import Papa from 'papaparse';
import { cell } from '../format';
import { FORMULA_START } from '../text/safe';
import { wideRows } from './data-table';
import type { ChartData, Column, Row } from './types';

/**
 * A number as the chart's table shows it, without thousands separators: a 'count' column's
 * 17908.060109000002 is 17908, a 'number' column's 12.345 is 12.3. The figure is the table's own
 * (the one format module), so the CSV of a chart never disagrees with what the chart shows; the
 * dataset downloads (/data/*.csv, Parquet) keep every digit.
 */
function shown(v: Row[string], format: Column['format']): Row[string] {
  if (typeof v !== 'number' || (format !== 'count' && format !== 'number')) return v;
  // d3's format writes a minus as U+2212, which Number() does not read.
  return Number(cell(v, format).replace(/,/g, '').replace('\u2212', '-'));
}

/**
 * Text cells a spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM, -2+3) get a leading
 * apostrophe (OWASP "CSV injection"): papaparse's escapeFormulae, with our rule rather than its
 * default /^[=+\-@\t\r].*$/, which misses a formula followed by a line break. Numbers and
 * booleans are never touched.
 */
export function toCsv(rows: Row[], columns: Column[]): string {
  return Papa.unparse(
    { fields: columns.map((c) => c.field), data: rows.map((r) => columns.map((c) => shown(r[c.field] ?? '', c.format))) },
    { newline: '\n', escapeFormulae: FORMULA_START },
  );
}

/** /charts/<key>.csv: every row the chart draws, read across as its table reads them (./data-table.ts). */
export function chartCsv(chart: ChartData): string {
  const { columns, rows } = wideRows(chart) ?? chart;
  return toCsv(rows, columns);
}
