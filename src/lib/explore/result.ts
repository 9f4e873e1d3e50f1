/**
 * A query result as the explorer holds it: typed columns and rows of plain cells, the same shape
 * whether DuckDB ran in the browser (Arrow batches) or at build time in Node (the example answers).
 */

export type Cell = string | number | boolean | null;
/** How a column is shown, sorted, charted and written to Parquet. */
export type Kind = 'number' | 'date' | 'timestamp' | 'boolean' | 'text';

export interface Result {
  sql: string;
  columns: { name: string; kind: Kind }[];
  /** At most the cap the query was run with; `rowCount` is the query's full count. */
  rows: Cell[][];
  rowCount: number;
  /** Milliseconds DuckDB took, streaming included; null for answers computed at build. */
  ms: number | null;
}

/** Whole years in a number column named like one ("year", "fiscal_year", "fy"): shown as 2026, charted as time. */
export const YEAR_NAME = /(^|_)(year|fy)$/i;

/** A DuckDB type name (node-api) or an Arrow type (duckdb-wasm) → kind. */
export function kindOf(type: string): Kind {
  const t = type.toUpperCase();
  if (/^(DATE)/.test(t)) return 'date';
  if (/^TIMESTAMP/.test(t)) return 'timestamp';
  if (/^(BOOL)/.test(t)) return 'boolean';
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(8|16|32|64|128|EGER)?|FLOAT\d*|DOUBLE|REAL|DECIMAL\b.*)$/.test(t)) return 'number';
  return 'text';
}

// Arrow's DATE and TIMESTAMP cells arrive as epoch milliseconds (or Date objects).
const day = (v: unknown) => new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString().slice(0, 10);
const instant = (v: unknown) => new Date(v instanceof Date ? v.getTime() : Number(v)).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');

/** One cell to a plain value: dates as ISO text, large integers as numbers, anything else as text. */
export function toCell(v: unknown, kind: Kind): Cell {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'date':
      return typeof v === 'string' ? v : day(v);
    case 'timestamp':
      return typeof v === 'string' ? v : instant(v);
    case 'number':
      return typeof v === 'number' ? v : Number(v); // BIGINT, HUGEINT and DECIMAL arrive as bigint or text
    case 'boolean':
      return Boolean(v);
    default:
      return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) : String(v);
  }
}

/** The parts of an Arrow record batch the explorer reads (duckdb-wasm's apache-arrow). */
interface Batch {
  numRows: number;
  schema: { fields: { name: string; type: { toString(): string } }[] };
  getChildAt(i: number): { get(i: number): unknown } | null;
}

/** Reads a streamed result, keeping the first `maxRows` rows and counting all of them. */
export async function fromArrow(batches: AsyncIterable<Batch>, opts: { sql: string; maxRows: number; started: number }): Promise<Result> {
  let columns: Result['columns'] = [];
  const rows: Cell[][] = [];
  let rowCount = 0;
  for await (const batch of batches) {
    if (!columns.length) columns = batch.schema.fields.map((f) => ({ name: f.name, kind: kindOf(String(f.type)) }));
    rowCount += batch.numRows;
    const keep = Math.min(batch.numRows, opts.maxRows - rows.length);
    if (keep <= 0) continue;
    const vectors = columns.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < keep; r++) rows.push(columns.map((c, i) => toCell(vectors[i]?.get(r), c.kind)));
  }
  return { sql: opts.sql, columns, rows, rowCount, ms: Math.round(performance.now() - opts.started) };
}

/** Row order for a sort on one column: missing values last either way, ties kept in query order. */
export function sortedOrder(result: Result, column: number, direction: 'ascending' | 'descending'): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const order = result.rows.map((_, i) => i);
  return order.sort((a, b) => {
    const x = result.rows[a]![column] ?? null;
    const y = result.rows[b]![column] ?? null;
    if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
    const c = x < y ? -1 : x > y ? 1 : 0;
    return c === 0 ? a - b : sign * c;
  });
}
