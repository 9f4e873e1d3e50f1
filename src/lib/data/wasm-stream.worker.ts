/// <reference lib="webworker" />
/**
 * The worker DuckDB runs in: duckdb-wasm's own worker script, loaded with importScripts (a classic
 * script, as Vite bundles this one), behind a `fetch` that answers the wasm's address with its parts
 * as one stream (./wasm-stream.ts). duckdb-wasm's worker (1.32, `instantiateWasm` in
 * duckdb-browser-eh.worker.js) fetches that address and passes the response, wrapped to count
 * bytes, to WebAssembly.instantiateStreaming: the browser compiles while the parts download, as it
 * would the whole file. No file of the build need be over the 25 MiB a static host takes
 * (./wasm-parts.ts), and no blob: is involved.
 *
 * What to load comes in this script's address, after the `#` (never sent to a server): see
 * `streamWorkerAddress` in ./duckdb-files.ts. The parts are asked for as soon as this runs, while
 * duckdb-wasm's script loads here and its module loads in the page.
 */
import { joinedResponse } from './wasm-stream';
import type { StreamWorkerConfig } from './duckdb-files';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const config = JSON.parse(decodeURIComponent(scope.location.hash.slice(1))) as StreamWorkerConfig;
const ownFetch = scope.fetch.bind(scope);
const ask = () => config.parts.map((p) => ownFetch(p));
/** The first answer uses the parts already on their way; a later one (none today) asks again, from the HTTP cache. */
let early: Promise<Response>[] | undefined = ask();

scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : input, scope.location.href).href;
  if (url !== config.wasm) return ownFetch(input, init);
  const parts = early ?? ask();
  early = undefined;
  return Promise.resolve(joinedResponse(parts, config.bytes));
};

scope.importScripts(config.duckdbWorker);
