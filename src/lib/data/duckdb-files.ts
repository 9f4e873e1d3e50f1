/**
 * The files of duckdb-wasm the explorer loads, as build assets of our origin (under the base path):
 * our worker (./wasm-stream.worker.ts), which loads duckdb-wasm's worker script and streams it the
 * wasm's parts (./wasm-parts.ts) as one file. A light module, so the explorer can start the worker,
 * and with it the wasm's download, before duckdb-wasm's own code (and the page's hydration).
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

/** The stream worker's address for a wasm of `bytes` (the page's data: it names the parts); what to load follows the `#`. */
export function streamWorkerAddress(bytes: number): string {
  const config: StreamWorkerConfig = { wasm: wasmAddress(), parts: partNames(wasmUrl, bytes).map(absolute), bytes, duckdbWorker: absolute(duckdbWorkerUrl) };
  return `${absolute(streamWorkerUrl)}#${encodeURIComponent(JSON.stringify(config))}`;
}

/**
 * DuckDB's worker, already downloading the wasm (the explorer starts it when its code is evaluated).
 * Not from a <link rel=preload> in the HTML: that would fetch 34 MB for a reader with JavaScript
 * off, who gets the example answers only.
 */
export const startWorker = (bytes: number): Worker => new Worker(streamWorkerAddress(bytes));
