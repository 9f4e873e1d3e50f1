/**
 * The browser's one DuckDB (duckdb-wasm), for the explorer only: imported dynamically, so no other
 * page downloads it. Wasm and worker are build assets from our origin; the database built from the
 * committed Parquet (static/data/detention.duckdb) is attached read-only over HTTP, fetched in the
 * blocks a query needs. Then the configuration is locked so a pasted query cannot reach another
 * origin: no extension downloads (../shared/STACK.md pitfall 1), no external files, no ATTACH.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
// Only the "eh" bundle: the mvp one turns every SQL error into `_setThrew is not defined` (STACK pitfall 2).
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { fromArrow, type Result } from '$lib/explore/result';

/** Where the build puts the database (scripts/build-data.ts), and the name DuckDB knows it by. */
export const DB_URL = '/data/detention.duckdb';
const DB_NAME = 'detention.duckdb';

export interface OpenOptions {
  /** A worker already started on duckdb-browser-eh.worker.js (the explorer starts it before this module has loaded). */
  worker?: Worker;
  /** Bytes of the wasm received so far (uncompressed); a listener that comes late hears the latest figure at once. */
  onProgress?: (loaded: number) => void;
}

export interface RunOptions {
  /** Rows kept in the browser; the count of rows the query returns is still exact. */
  maxRows: number;
}

export interface Database {
  run(sql: string, opts: RunOptions): Promise<Result>;
  /** Stops the query `run` is waiting on; it then rejects with DuckDB's interruption error. */
  cancel(): Promise<void>;
  /** Tables a query names (from DuckDB's parser), to cite the datasets it read. */
  tables(sql: string): Promise<string[]>;
}

const LOCKDOWN = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `ATTACH '${DB_NAME}' AS detention (READ_ONLY)`,
  'USE detention',
  // Blocks read_csv('https://…'), ATTACH and COPY to files; lock_configuration stops a query undoing it.
  'SET enable_external_access = false',
  'SET lock_configuration = true',
];

let opened: Promise<Database> | null = null;
let loaded = 0;
let listener: ((loaded: number) => void) | undefined;

/** Starts DuckDB once (the first call's worker is used); every call gets the same database. */
export function openDatabase({ worker, onProgress }: OpenOptions = {}): Promise<Database> {
  if (onProgress) (listener = onProgress)(loaded);
  return (opened ??= open(worker).catch((e: unknown) => {
    opened = null;
    throw e;
  }));
}

async function open(worker = new Worker(workerUrl)): Promise<Database> {
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(new URL(wasmUrl, location.href).href, null, (p) => listener?.((loaded = p.bytesLoaded)));
  // A HEAD with a Range header first: a server that answers 206 (ours) gets block reads; another gets one full read.
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false } });
  await db.registerFileURL(DB_NAME, new URL(DB_URL, location.href).href, duckdb.DuckDBDataProtocol.HTTP, false);
  const conn = await db.connect();
  for (const statement of LOCKDOWN) await conn.query(statement);
  // One query at a time: the page disables Run while one is going.
  return {
    async run(sql, { maxRows }) {
      const started = performance.now();
      const reader = await conn.send(sql, true);
      return fromArrow(reader, { sql, maxRows, started });
    },
    async cancel() {
      await conn.cancelSent();
    },
    tables: (sql) => conn.getTableNames(sql),
  };
}
