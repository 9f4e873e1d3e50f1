/**
 * The automatic chart of a result, where one fits: a time column and a number make a line (one
 * line per category when there are at most five), a category and a number make bars. Otherwise
 * the reason there is none, so the reader knows it was not forgotten.
 */
import type { Column, PlotData, Row } from '$lib/charts/types';
import { COLORS } from '$lib/charts/line-scales';
import { cell } from '$lib/format';
import { YEAR_NAME, type Result } from './result';

export const MAX_BARS = 60;
export const MAX_SERIES = COLORS.length;
const MAX_POINTS = 10_000;

const TIME_TEXT = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export type AutoChart = { chart: PlotData; reason?: undefined } | { chart: null; reason: string };

/** Is column i time: a date, "YYYY(-MM(-DD))" text, or whole years in a column named …year? */
function isTime(result: Result, i: number): boolean {
  const { name, kind } = result.columns[i]!;
  const values = result.rows.map((r) => r[i]).filter((v) => v !== null);
  if (!values.length) return false;
  if (kind === 'date') return true;
  if (kind === 'text') return values.every((v) => TIME_TEXT.test(String(v)));
  return kind === 'number' && YEAR_NAME.test(name) && values.every((v) => Number.isInteger(v) && Number(v) > 1800 && Number(v) < 2200);
}

const format = (result: Result, i: number, time: boolean): Column['format'] => {
  if (time) return result.columns[i]!.kind === 'number' ? 'year' : 'date';
  if (result.columns[i]!.kind !== 'number') return 'text';
  return result.rows.every((r) => r[i] === null || Number.isInteger(r[i])) ? 'count' : 'number';
};

export function autoChart(result: Result): AutoChart {
  const cols = result.columns;
  if (!result.rows.length) return { chart: null, reason: 'No rows to chart.' };
  if (result.rows.length < result.rowCount) return { chart: null, reason: 'Only part of the result is in the browser; aggregate it to chart it.' };
  const time = cols.findIndex((_, i) => isTime(result, i));
  const value = cols.findLastIndex((c, i) => c.kind === 'number' && i !== time);
  const category = cols.findIndex((c, i) => (c.kind === 'text' || c.kind === 'boolean') && i !== time);
  if (value < 0) return { chart: null, reason: 'No number column to chart.' };

  const columns: Column[] = [time, category, value].filter((i) => i >= 0).map((i) => ({ field: cols[i]!.name, label: cols[i]!.name, format: format(result, i, i === time) }));
  const rows: Row[] = result.rows.map((r) => Object.fromEntries(columns.map((c) => [c.field, r[cols.findIndex((x) => x.name === c.field)] ?? null])));
  const y = { field: cols[value]!.name, label: cols[value]!.name, unit: '' };

  if (time >= 0) {
    const x = cols[time]!.name;
    for (const r of rows) if (r[x] !== null) r[x] = String(r[x]);
    const series = category >= 0 ? cols[category]!.name : null;
    const names = series ? [...new Set(rows.map((r) => String(r[series])))] : [''];
    if (names.length > MAX_SERIES) return { chart: null, reason: `${names.length} values of ${series} to draw as lines; a chart shows at most ${MAX_SERIES}. Filter to fewer.` };
    const keys = new Set(rows.map((r) => `${r[x]}|${series ? r[series] : ''}`));
    if (keys.size < rows.length) return { chart: null, reason: `Several rows share a ${x}${series ? ` and ${series}` : ''}; group or filter the result to one value per ${x} to chart it.` };
    if (rows.length > MAX_POINTS) return { chart: null, reason: `More than ${MAX_POINTS.toLocaleString('en-US')} points to draw.` };
    const first = rows[0]![x];
    const last = rows.at(-1)![x];
    const alt = `Line chart of ${y.field} by ${x}${series ? ` for ${names.length} values of ${series} (${names.join(', ')})` : ''}, ${first} to ${last}, ${rows.length} points; the table below gives every value.`;
    return {
      chart: {
        id: 'explore',
        kind: 'line',
        x: { field: x, label: x, type: 'time' },
        y,
        series: series ? { field: series, labels: Object.fromEntries(names.map((n) => [n, n])) } : null,
        columns,
        rows,
        alt,
        annotations: [],
      },
    };
  }
  if (category < 0) return { chart: null, reason: 'No time or category column to chart against.' };
  if (rows.length > MAX_BARS) return { chart: null, reason: `${rows.length} rows; a bar chart shows at most ${MAX_BARS}. Filter or limit the result.` };
  if (rows.some((r) => Number(r[y.field]) < 0)) return { chart: null, reason: `${y.field} has values below zero; the bars here start at zero.` };
  const x = cols[category]!.name;
  const top = rows.reduce((a, b) => (Number(b[y.field] ?? -Infinity) > Number(a[y.field] ?? -Infinity) ? b : a));
  const fmt = columns.at(-1)!.format;
  const alt = `Bar chart of ${y.field} for ${rows.length} values of ${x}; largest ${top[x]} (${cell(top[y.field] ?? null, fmt)}); the table below gives every value.`;
  return { chart: { id: 'explore', kind: 'bar', x: { field: x, label: x, type: 'category' }, y, series: null, columns, rows, alt, annotations: [] } };
}
