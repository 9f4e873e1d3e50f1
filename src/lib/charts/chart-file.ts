/**
 * /charts/<key>.json, the file of one chart variant (what an embed of a facility's or a state's
 * chart draws from), and the one way to read it. Its rows are stored by column, and a column whose
 * values repeat (a series name on every row, each day twice in a two-series chart) as its distinct
 * values and each row's index into them: the 1,547 variant files came to 80 MB as one object per
 * row and to 24 MB so (issue 20: a static host takes at most 250 MB). Everything else is the
 * ChartData the page draws. ISO days are stored as the gaps between them, and an index that follows
 * a rule (each day twice, the series in turn) as the rule: a facility's daily chart came to a
 * quarter of its size. Framework-free: the build, the embeds and the tests import it.
 */
import { utcDay, utcFormat, utcParse } from 'd3';
import type { ChartData, Row } from './types';

type Value = Row[string];
/** ISO days ("2022-11-03") as the first and, for each next one, the days since the one before: a daily series' dates cost a digit or two each. */
export interface Days {
  days: { from: string; gaps: number[] };
}
/** Each row's index into its column's distinct values: listed, or a rule the rows follow (sorted by the column, each value `each` times; or the same `cycle` of values over and over, as series within each day). */
export type PackedIndex = number[] | { each: number } | { cycle: number[] };
/** A column's values in row order, or its distinct values and, per row, the index of its value. */
export type PackedColumn = Value[] | Days | { values: Value[] | Days; index: PackedIndex };

export interface ChartFile extends Omit<ChartData, 'rows'> {
  /** The rows, by column: `fields[i]`'s values are `columns[i]`; `length` rows in all. */
  table: { fields: string[]; length: number; columns: PackedColumn[] };
}

const jsonLength = (v: unknown) => JSON.stringify(v).length;
const shortest = <T>(options: T[]): T => options.reduce((a, b) => (jsonLength(b) < jsonLength(a) ? b : a));

const isoDay = utcFormat('%Y-%m-%d');
const parseDay = utcParse('%Y-%m-%d');

/** The values as Days, when every one is an ISO day that reads back as written; else undefined. */
function asDays(values: Value[]): Days | undefined {
  const dates = values.map((v) => (typeof v === 'string' ? parseDay(v) : null));
  if (!dates.length || dates.some((d, i) => !d || isoDay(d) !== values[i])) return undefined;
  return { days: { from: values[0] as string, gaps: dates.slice(1).map((d, i) => utcDay.count(dates[i]!, d!)) } };
}

function daysOf({ days }: Days): string[] {
  let at = parseDay(days.from)!;
  return [days.from, ...days.gaps.map((g) => isoDay((at = utcDay.offset(at, g))))];
}

/** Longest cycle looked for: more series than this in one chart is not a case we have. */
const MAX_CYCLE = 16;

function packIndex(index: number[]): PackedIndex {
  const options: PackedIndex[] = [index];
  const each = index.findIndex((v) => v !== 0);
  if (each > 0 && index.every((v, i) => v === Math.floor(i / each))) options.push({ each });
  const period = Array.from({ length: Math.min(MAX_CYCLE, index.length - 1) }, (_, i) => i + 1).find((p) => index.every((v, i) => v === index[i % p]));
  if (period) options.push({ cycle: index.slice(0, period) });
  return shortest(options);
}

const unpackIndex = (index: PackedIndex, length: number): number[] =>
  Array.isArray(index) ? index : 'each' in index ? Array.from({ length }, (_, i) => Math.floor(i / index.each)) : Array.from({ length }, (_, i) => index.cycle[i % index.cycle.length]!);

const valuesOf = (v: Value[] | Days): Value[] => (Array.isArray(v) ? v : daysOf(v));

function packColumn(values: Value[]): PackedColumn {
  const listed = (vs: Value[]) => asDays(vs) ?? vs;
  const distinct = [...new Set(values)];
  if (distinct.length === values.length) return shortest([values, listed(values)]);
  const at = new Map(distinct.map((v, i) => [v, i]));
  return shortest<PackedColumn>([values, listed(values), { values: listed(distinct), index: packIndex(values.map((v) => at.get(v)!)) }]);
}

function unpackColumn(c: PackedColumn, length: number): Value[] {
  if (Array.isArray(c)) return c;
  if ('days' in c) return daysOf(c);
  const values = valuesOf(c.values);
  return unpackIndex(c.index, length).map((i) => values[i]!);
}

/** The file of a chart. Every row must have the same fields (a query's rows do), or a row could not come back as it was. */
export function packChart(chart: ChartData): ChartFile {
  const { rows, ...rest } = chart;
  const fields = Object.keys(rows[0] ?? {});
  rows.forEach((r, i) => {
    const keys = Object.keys(r);
    if (keys.length !== fields.length || keys.some((k, j) => k !== fields[j])) throw new Error(`chart ${chart.key}: row ${i + 1} has the fields ${keys.join(', ')}, not ${fields.join(', ')} as the first row`);
  });
  return { ...rest, table: { fields, length: rows.length, columns: fields.map((f) => packColumn(rows.map((r) => r[f] as Value))) } };
}

/** The ChartData of a file, rows as the build's query returned them. */
export function unpackChart(file: ChartFile): ChartData {
  const { table, ...rest } = file;
  const columns = table.columns.map((c) => unpackColumn(c, table.length));
  const rows = Array.from({ length: table.length }, (_, i) => Object.fromEntries(table.fields.map((f, j) => [f, columns[j]![i] as Value])) as Row);
  return { ...rest, rows };
}

/** The address of a variant's file under the site's base path ("" at the root of its host; an origin may lead it). */
export const chartFilePath = (base: string, key: string) => `${base}/charts/${key}.json`;

/**
 * The one way to load a chart variant in a browser (embeds, any page drawing a chart it was not
 * built with, and the tooltips of prerendered line charts): the file at `address` (chartFilePath's),
 * null when the site has no such variant (404); throws on any other failure.
 */
export async function fetchChartAt(address: string, get: typeof fetch = fetch): Promise<ChartData | null> {
  const r = await get(address);
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`${address}: HTTP ${r.status}`);
  return unpackChart((await r.json()) as ChartFile);
}

/** The variant `key` of the site under `base` (fetchChartAt of its chartFilePath). */
export const fetchChart = (base: string, key: string, get: typeof fetch = fetch) => fetchChartAt(chartFilePath(base, key), get);
