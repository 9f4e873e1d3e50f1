/**
 * The files of duckdb-wasm the explorer loads, as build assets of our origin (under the base path):
 * our worker (./wasm-stream.worker.ts), which loads duckdb-wasm's worker script and streams it the
 * wasm's parts (./wasm-parts.ts) as one file. A light module: it also says what the explorer's HTML
 * needs to start that worker before any framework code (static/js/explore-start.js).
 * Only the "eh" build: the mvp one turns every SQL error into `_setThrew is not defined` (STACK pitfall 2).
 */
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import streamWorkerUrl from './wasm-stream.worker.ts?worker&url';
import { partNames } from './wasm-parts';

/** What the stream worker loads, in its address (absolute addresses: a worker resolves against its own). */
export interface StreamWorkerConfig {
  /** The whole wasm's address, which DuckDB asks for and no server has (the build cut it into parts). */
  wasm: string;
  /** The parts' addresses, in order. */
  parts: string[];
  /** The size of the whole wasm. */
  bytes: number;
  /** duckdb-wasm's worker script. */
  duckdbWorker: string;
}

const absolute = (url: string) => new URL(url, location.href).href;

/** The address DuckDB is told to instantiate from (the stream worker answers it). */
export const wasmAddress = (): string => absolute(wasmUrl);

/** What the stream worker loads for a wasm of `bytes` (the page's data: it names the parts), each address passed through `resolve`. */
export function workerConfig(bytes: number, resolve: (url: string) => string): StreamWorkerConfig {
  return { wasm: resolve(wasmUrl), parts: partNames(wasmUrl, bytes).map(resolve), bytes, duckdbWorker: resolve(duckdbWorkerUrl) };
}

/**
 * The explorer's HTML starts the worker (static/js/explore-start.js, in its head, before any
 * framework code): the worker's address and what it loads, as the build writes them (addresses
 * under the base path; the script makes them absolute).
 */
export const headStart = (bytes: number) => ({ worker: streamWorkerUrl, config: JSON.stringify(workerConfig(bytes, (u) => u)) });

/** The stream worker's address for a wasm of `bytes`; what to load follows the `#` (absolute addresses: a worker resolves against its own). */
export function streamWorkerAddress(bytes: number): string {
  return `${absolute(streamWorkerUrl)}#${encodeURIComponent(JSON.stringify(workerConfig(bytes, absolute)))}`;
}

/** A new DuckDB worker, already downloading the wasm (DuckDB's start after a stop). */
export const startWorker = (bytes: number): Worker => new Worker(streamWorkerAddress(bytes));

/**
 * The page's one early worker: the one explore-start.js started from the HTML, or, where that
 * script has not run (yet), one started here and left where the script finds it, so no second starts.
 */
export function pageWorker(bytes: number): Worker {
  const w = window as unknown as { __explorerWorker?: Worker };
  return (w.__explorerWorker ??= startWorker(bytes));
}
