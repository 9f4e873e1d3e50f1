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
  /**
   * Set when the query was stopped at the time limit while its rows were streaming: `rows` are the
   * first ones and `rowCount` counts only those that arrived before it was stopped.
   */
  stoppedAfterMs?: number;
}

/** What one answer may hold in the page, so no query can exhaust the tab's memory. */
export interface Caps {
  /** Rows kept (the first ones); the count stays exact. */
  maxRows: number;
  /** Estimated bytes of the kept cells (text is UTF-16 in the page); rows past it are counted, not kept. */
  maxBytes: number;
  /** Characters one cell may have (bytes for binary, items for a list): past it the query stops with a message. */
  maxCellChars: number;
}

/** A cell too large to show: `read_blob('detention.duckdb')` is 17 MB in one cell. */
export class CellTooLarge extends Error {}

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
      if (typeof v === 'string') return v;
      if (v instanceof Uint8Array) return blobText(v);
      return typeof v === 'object' ? JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)) : String(v);
  }
}

/** A BLOB as DuckDB prints it: printable ASCII as is, other bytes (and the backslash) as \xHH. */
export const blobText = (b: Uint8Array): string =>
  Array.from(b, (x) => (x >= 32 && x < 127 && x !== 92 ? String.fromCharCode(x) : `\\x${x.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

/** Size of a value before it becomes text: characters of a string, bytes of a blob, items of a list. */
function rawSize(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v !== null && typeof v === 'object' && typeof (v as { length?: unknown }).length === 'number') return (v as { length: number }).length;
  return 0;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** One cell, refused before it is turned into text when it is larger than a page can show. */
function cappedCell(v: unknown, column: Result['columns'][number], row: number, caps: Caps): Cell {
  const tooLarge = (size: number, unit: string) =>
    new CellTooLarge(
      `Row ${fmt(row)}, column “${column.name}” holds ${fmt(size)} ${unit}: the explorer shows at most ${fmt(caps.maxCellChars)} in a cell. ` +
        'Ask for less of it, for example substr(…), octet_length(…) or count(*).',
    );
  const raw = rawSize(v);
  if (raw > caps.maxCellChars) throw tooLarge(raw, v instanceof Uint8Array ? 'bytes' : typeof v === 'string' ? 'characters' : 'items');
  const c = toCell(v, column.kind);
  if (typeof c === 'string' && c.length > caps.maxCellChars) throw tooLarge(c.length, 'characters');
  return c;
}

/** Estimated bytes of a cell in the page: JavaScript strings are UTF-16, and every value has some overhead. */
const cellBytes = (c: Cell) => (typeof c === 'string' ? 2 * c.length : 8) + 16;

const STOPPED = Symbol('stopped');

/**
 * `p`, or STOPPED as soon as `signal` aborts (whatever `p` does later is ignored): a worker busy on
 * one long step never answers a cancel, so waiting for it is no way to stop.
 */
export function orStopped<T>(p: Promise<T>, signal?: AbortSignal): Promise<T | typeof STOPPED> {
  if (!signal) return p;
  p.catch(() => {}); // an answer after the stop is nobody's error
  if (signal.aborted) return Promise.resolve(STOPPED);
  return new Promise((ok, fail) => {
    const stop = () => ok(STOPPED);
    signal.addEventListener('abort', stop, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', stop), ok(v)),
      (e: unknown) => (signal.removeEventListener('abort', stop), fail(e)),
    );
  });
}
export { STOPPED };

/** The parts of an Arrow record batch the explorer reads (duckdb-wasm's apache-arrow). */
interface Batch {
  numRows: number;
  schema: { fields: { name: string; type: { toString(): string } }[] };
  getChildAt(i: number): { get(i: number): unknown } | null;
}

/**
 * Reads a streamed result, keeping the first rows up to the caps and counting all of them. When
 * `signal` aborts, it stops at once (not at the next batch) and returns what it has, with
 * `stoppedAfterMs` set; a cell over the cap throws CellTooLarge.
 */
export async function fromArrow(
  batches: AsyncIterable<Batch>,
  opts: { sql: string; caps: Caps; started: number; signal?: AbortSignal; onRows?: (rowCount: number) => void },
): Promise<Result> {
  const { caps } = opts;
  let columns: Result['columns'] = [];
  const rows: Cell[][] = [];
  let rowCount = 0;
  let bytes = 0;
  let full = false;
  const ms = () => Math.round(performance.now() - opts.started);
  const it = batches[Symbol.asyncIterator]();
  for (;;) {
    const next = await orStopped(it.next(), opts.signal);
    if (next === STOPPED) return { sql: opts.sql, columns, rows, rowCount, ms: ms(), stoppedAfterMs: ms() };
    if (next.done) break;
    const batch = next.value;
    if (!columns.length) columns = batch.schema.fields.map((f) => ({ name: f.name, kind: kindOf(String(f.type)) }));
    const first = rowCount;
    rowCount += batch.numRows;
    opts.onRows?.(rowCount);
    if (full) continue;
    const vectors = columns.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < batch.numRows; r++) {
      if (rows.length >= caps.maxRows) break;
      const row = columns.map((c, i) => cappedCell(vectors[i]?.get(r), c, first + r + 1, caps));
      const size = row.reduce((n: number, c) => n + cellBytes(c), 0);
      if (bytes + size > caps.maxBytes) break;
      bytes += size;
      rows.push(row);
    }
    full = rows.length < rowCount;
  }
  return { sql: opts.sql, columns, rows, rowCount, ms: ms() };
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
