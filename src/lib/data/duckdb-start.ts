/**
 * DuckDB's start in the browser: open, the database attached read-only over HTTP, the configuration
 * locked so a pasted query cannot reach another origin (no extension downloads, ../shared/STACK.md
 * pitfall 1; no external files; no ATTACH). The page's code asks for these steps (./duckdb.ts) and
 * DuckDB's worker takes them on its own, as soon as the wasm is compiled (./wasm-stream.worker.ts),
 * answering the page's same messages once they come. Framework-free: the worker imports it.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';

/** The name DuckDB knows the database by. */
export const DB_NAME = 'detention.duckdb';

/**
 * A cap on DuckDB's own memory, well under what a tab can give a wasm worker (its default is 80 %
 * of what it thinks the device has, 3.1 GiB here): a query that needs more fails with DuckDB's
 * "Out of Memory Error" instead of crashing the tab. The whole database is 17 MB.
 */
const MEMORY_LIMIT = '512MB';

/** A HEAD with a Range header first: a server that answers 206 (ours) gets block reads; another gets one full read. */
const OPEN_CONFIG = {
  query: { castBigIntToDouble: true, castDecimalToDouble: true },
  filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false },
};

/** duckdb-wasm's DuckDBDataProtocol.HTTP (tests/unit/data/duckdb-start.test.ts holds it to the library's). */
export const HTTP_PROTOCOL = 4;

/** One query, one round trip: DuckDB runs the statements in order and stops at the first that fails. */
export const LOCKDOWN_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
  `SET memory_limit = '${MEMORY_LIMIT}'`,
  `ATTACH '${DB_NAME}' AS detention (READ_ONLY)`,
  'USE detention',
  // Blocks read_csv('https://…'), ATTACH and COPY to files; lock_configuration stops a query undoing it.
  'SET enable_external_access = false',
  'SET lock_configuration = true',
].join(';\n');

/** The page's side of the start, after instantiate: `database` is the database's address. */
export async function askStart(db: AsyncDuckDB, database: string): Promise<AsyncDuckDBConnection> {
  await db.open(OPEN_CONFIG);
  await db.registerFileURL(DB_NAME, database, HTTP_PROTOCOL, false);
  const conn = await db.connect();
  await conn.query(LOCKDOWN_SQL);
  return conn;
}

/**
 * The messages askStart's calls send, as duckdb-wasm 1.32's AsyncDuckDB sends them (open,
 * registerFileURL, connect, then the lockdown on that connection): what DuckDB's worker sends on its
 * own and matches the page's against (tests/unit/data/duckdb-start.test.ts holds the two together).
 * `connection` is the id CONNECT answered.
 */
export function startSteps(database: string, connection: unknown): { type: string; data: unknown }[] {
  return [
    { type: 'OPEN', data: OPEN_CONFIG },
    { type: 'REGISTER_FILE_URL', data: [DB_NAME, database, HTTP_PROTOCOL, false] },
    { type: 'CONNECT', data: null },
    { type: 'RUN_QUERY', data: [connection, LOCKDOWN_SQL] },
  ];
}
