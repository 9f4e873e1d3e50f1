/**
 * The floor page's script (bundled by ./floor.ts; never part of the site): duckdb-wasm's own
 * loading, as its README shows it, and nothing else. It attaches the same database as the explorer
 * and answers a query: the one in the address (`?sql=`, at once) or one typed in the textarea
 * (Ctrl+Enter). `data-db` and `data-runs` on <body> tell the bench when it is ready and answered.
 */
import * as duckdb from '@duckdb/duckdb-wasm';

const body = document.body;
const worker = new Worker(new URL('duckdb-browser-eh.worker.js', location.href));
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate(new URL('duckdb-eh.wasm', location.href).href, null);
// The explorer's options (src/lib/data/duckdb.ts): block reads of the same database over HTTP.
await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true }, filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false } });
await db.registerFileURL('detention.duckdb', new URL('/data/detention.duckdb', location.href).href, duckdb.DuckDBDataProtocol.HTTP, false);
const conn = await db.connect();
await conn.query(`ATTACH 'detention.duckdb' AS detention (READ_ONLY); USE detention`);
body.dataset.db = 'ready';

let runs = 0;
async function answer(sql: string) {
  const table = await conn.query(sql);
  document.querySelector('output')!.textContent = `${table.numRows} rows: ${JSON.stringify(table.toArray().slice(0, 3))}`;
  body.dataset.runs = String(++runs);
}

const linked = new URLSearchParams(location.search).get('sql');
if (linked) await answer(linked);
const input = document.querySelector('textarea')!;
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void answer(input.value);
});
