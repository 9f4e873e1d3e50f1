/**
 * The files of duckdb-wasm the explorer loads, as build assets of our origin (under the base path):
 * the worker script and the parts of the wasm (./wasm-parts.ts). A light module, so the explorer can
 * start the worker and the wasm's download before duckdb-wasm's own code (and the page's hydration).
 * Only the "eh" build: the mvp one turns every SQL error into `_setThrew is not defined` (STACK pitfall 2).
 */
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { partNames } from './wasm-parts';

export { workerUrl };

/** The addresses of the wasm's parts, in order; `bytes` is the size of the whole wasm (the page's data). */
export const wasmPartUrls = (bytes: number): string[] => partNames(wasmUrl, bytes);

/**
 * The parts asked for at once, side by side (the explorer does so when its code is evaluated, before
 * the page hydrates or duckdb-wasm's code has loaded). Not from a <link rel=preload> in the HTML: that
 * would fetch 6 MB for a reader with JavaScript off, who gets the example answers only.
 */
export const fetchParts = (urls: string[]): Promise<Response>[] => urls.map((u) => fetch(u));
