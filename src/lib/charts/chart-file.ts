/**
 * /charts/<key>.json, the file of one chart variant (what an embed of a facility's or a state's
 * chart draws from), and the one way to read it. Its rows are stored by column, and a column whose
 * values repeat (a series name on every row, each day twice in a two-series chart) as its distinct
 * values and each row's index into them: the 1,547 variant files came to 80 MB as one object per
 * row and to 24 MB so (issue 20: a static host takes at most 250 MB). Everything else is the
 * ChartData the page draws. Framework-free: the build, the embeds and the tests import it.
 */
import type { ChartData, Row } from './types';

type Value = Row[string];
/** A column's values in row order, or its distinct values and, per row, the index of its value. */
export type PackedColumn = Value[] | { values: Value[]; index: number[] };

export interface ChartFile extends Omit<ChartData, 'rows'> {
  /** The rows, by column: `fields[i]`'s values are `columns[i]`; `length` rows in all. */
  table: { fields: string[]; length: number; columns: PackedColumn[] };
}

const jsonLength = (v: unknown) => JSON.stringify(v).length;

function packColumn(values: Value[]): PackedColumn {
  const distinct = [...new Set(values)];
  if (distinct.length === values.length) return values;
  const at = new Map(distinct.map((v, i) => [v, i]));
  const dictionary = { values: distinct, index: values.map((v) => at.get(v)!) };
  return jsonLength(dictionary) < jsonLength(values) ? dictionary : values;
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
  const columns = table.columns.map((c) => (Array.isArray(c) ? c : c.index.map((i) => c.values[i]!)));
  const rows = Array.from({ length: table.length }, (_, i) => Object.fromEntries(table.fields.map((f, j) => [f, columns[j]![i] as Value])) as Row);
  return { ...rest, rows };
}

/** The address of a variant's file under the site's base path ("" at the root of its host; an origin may lead it). */
export const chartFilePath = (base: string, key: string) => `${base}/charts/${key}.json`;

/**
 * The one way to load a chart variant in a browser (embeds, and any page drawing a chart it was not
 * built with): null when the site has no such variant (404); throws on any other failure.
 */
export async function fetchChart(base: string, key: string, get: typeof fetch = fetch): Promise<ChartData | null> {
  const r = await get(chartFilePath(base, key));
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`${chartFilePath(base, key)}: HTTP ${r.status}`);
  return unpackChart((await r.json()) as ChartFile);
}
