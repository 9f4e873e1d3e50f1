/// <reference lib="webworker" />
/**
 * The worker DuckDB runs in: duckdb-wasm's own worker script, loaded with importScripts (a classic
 * script, as Vite bundles this one), behind a `fetch` that answers the wasm's address with the file
 * the build stores gzipped, inflated as it arrives (./wasm-gzip.ts: a static host takes the site
 * only so). No blob: is involved.
 *
 * The compile starts here, as soon as the first bytes arrive: the explorer's HTML starts this
 * worker (static/js/explore-start.js), while DuckDB's instantiate waits for the page's code
 * (duckdb-wasm's module, in the page) to load and ask. duckdb-wasm's worker (1.32,
 * `instantiateWasm` in duckdb-browser-eh.worker.js) then fetches the wasm's address and passes the
 * response, wrapped to count bytes for its progress, to WebAssembly.instantiateStreaming: that
 * call is answered with the module compiled here, once the response it was given has been read
 * through (so the progress still counts the download), and instantiated with DuckDB's imports.
 *
 * What to load comes in this script's address, after the `#` (never sent to a server): see
 * `streamWorkerAddress` in ./duckdb-files.ts.
 */
import { inflatedResponse, wasmResponse } from './wasm-gzip';
import type { StreamWorkerConfig } from './duckdb-files';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const given = JSON.parse(decodeURIComponent(scope.location.hash.slice(1))) as StreamWorkerConfig;
const own = (url: string) => new URL(url, scope.location.href).href;
const config: StreamWorkerConfig = { ...given, wasm: own(given.wasm), gzipped: own(given.gzipped), duckdbWorker: own(given.duckdbWorker) };
const ownFetch = scope.fetch.bind(scope);
const wasm = () => inflatedResponse(ownFetch(config.gzipped), config.bytes);
const asWasm = (body: ReadableStream<Uint8Array>) => wasmResponse(body, config.bytes);

// One download, in two branches: one compiles now, the other answers DuckDB's fetch.
const branches = wasm().then((res) => res.body!.tee());
/** The first instantiate (DuckDB's) takes it; a later one (none today: a new DuckDB gets a new worker) compiles its own. */
let early: { module: Promise<WebAssembly.Module>; body: Promise<ReadableStream<Uint8Array>> } | undefined = {
  module: WebAssembly.compileStreaming(branches.then(([compiling]) => asWasm(compiling))),
  body: branches.then(([, forDuckdb]) => forDuckdb),
};
// A failed download is reported by DuckDB's fetch and instantiate, which await these.
early.module.catch(() => {});
early.body.catch(() => {});

scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : input, scope.location.href).href;
  if (url !== config.wasm) return ownFetch(input, init);
  if (early) return early.body.then(asWasm);
  return wasm();
};

const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const compiled = early?.module;
  early = undefined;
  if (!compiled) return instantiateStreaming(source, imports);
  // Read through what DuckDB was given (its wrapper counts the bytes as they pass), then use the module compiled meanwhile.
  await (await source).body?.pipeTo(new WritableStream());
  const module = await compiled;
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};

scope.importScripts(config.duckdbWorker);
