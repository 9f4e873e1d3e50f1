/**
 * The files of duckdb-wasm the explorer loads, as build assets of our origin (under the base path):
 * our worker (./wasm-stream.worker.ts), which loads duckdb-wasm's worker script and gives it the
 * wasm the build stores gzipped (./wasm-gzip.ts), inflated and compiled as it downloads by a worker
 * of its own (./wasm-compile.worker.ts). A light module: it also says what the explorer's HTML
 * needs to start that worker before any framework code (src/lib/explore/start-worker.js).
 * Only the "eh" build: the mvp one turns every SQL error into `_setThrew is not defined` (STACK pitfall 2).
 */
import { base } from '$app/paths';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import streamWorkerUrl from './wasm-stream.worker.ts?worker&url';
import compileWorkerUrl from './wasm-compile.worker.ts?worker&url';
import { gzippedName } from './wasm-gzip';

/** What the stream worker loads, in its address: the build's addresses (under the base path), which the worker resolves against its own. */
export interface StreamWorkerConfig {
  /** The whole wasm's address, which DuckDB asks for and no server has (the build stores it gzipped). */
  wasm: string;
  /** The address of the wasm as stored, gzipped. */
  gzipped: string;
  /** The worker that downloads, inflates and compiles it (./wasm-compile.worker.ts), started by the stream worker. */
  compiler: string;
  /** The size of the whole wasm. */
  bytes: number;
  /** duckdb-wasm's worker script. */
  duckdbWorker: string;
  /** The database the worker attaches (./duckdb-start.ts). */
  database: string;
}

/** Where the build puts the database (scripts/build-data.ts), under the base path. */
export const DB_URL = `${base}/data/detention.duckdb`;

/** The address DuckDB is told to instantiate from (the stream worker answers it). */
export const wasmAddress = (): string => new URL(wasmUrl, location.href).href;

/**
 * The stream worker's address for a wasm of `bytes` (the page's data: DuckDB's progress counts against it); what to
 * load follows the `#`. The same in the explorer's HTML, whose head script starts it before any
 * framework code (src/lib/explore/start-worker.js), and in the page's code.
 */
export function streamWorkerAddress(bytes: number): string {
  const config: StreamWorkerConfig = { wasm: wasmUrl, gzipped: gzippedName(wasmUrl), compiler: compileWorkerUrl, bytes, duckdbWorker: duckdbWorkerUrl, database: DB_URL };
  return `${streamWorkerUrl}#${encodeURIComponent(JSON.stringify(config))}`;
}

/** A new DuckDB worker, already downloading the wasm (DuckDB's start after a stop or a failure). */
export const startWorker = (bytes: number): Worker => new Worker(streamWorkerAddress(bytes));

/**
 * The page's one early worker: the one start-worker.js started from the HTML, or, where that
 * script has not run (yet), one started here and left where the script finds it, so no second starts.
 */
export function pageWorker(bytes: number): Worker {
  const w = window as unknown as { __explorerWorker?: Worker };
  return (w.__explorerWorker ??= startWorker(bytes));
}

/** A worker DuckDB failed to start in has been ended: the next pageWorker is a new one. */
export function forgetPageWorker(worker: Worker): void {
  const w = window as unknown as { __explorerWorker?: Worker; __explorerLoaded?: number };
  if (w.__explorerWorker !== worker) return;
  delete w.__explorerWorker;
  delete w.__explorerLoaded;
}

/**
 * Resolves once the head script has heard the wasm compiled (or its download or compile fail), or after `ms`; at
 * once where that script has not run. The explorer hydrates then (src/routes/explore/+page.ts): on
 * two cores, the page's work while the wasm compiles slowed the compile by about as much (issue 20).
 */
export function wasmCompiled(ms: number): Promise<void> {
  const compiled = (window as unknown as { __explorerCompiled?: Promise<void> }).__explorerCompiled;
  return compiled ? Promise.race([compiled, new Promise<void>((ok) => setTimeout(ok, ms))]) : Promise.resolve();
}

/** Bytes of the wasm the head script has heard DuckDB's worker count so far (0 where it has not run). */
export const heardLoaded = (): number => (window as unknown as { __explorerLoaded?: number }).__explorerLoaded ?? 0;
