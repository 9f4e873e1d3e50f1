/// <reference lib="webworker" />
/**
 * Downloads the wasm the build stores gzipped, inflates it as it arrives (./wasm-gzip.ts) and
 * compiles it meanwhile, then hands the compiled module to the worker that started it
 * (./wasm-stream.worker.ts, where DuckDB runs), which ends it once DuckDB has started. A thread of its
 * own, so that the download goes on while DuckDB's worker parses duckdb-wasm's script.
 *
 * What to load comes in this script's address, after the `#` (CompileConfig). Messages it sends:
 * `{ loaded: 0 }` once the download is asked for, `{ loaded }` as the bytes arrive, then
 * `{ loaded, module }` or `{ error }`.
 */
import { inflatedResponse, wasmResponse } from './wasm-gzip';

export interface CompileConfig {
  /** The stored file's address (absolute). */
  gzipped: string;
  /** The whole wasm's size. */
  bytes: number;
}
export type CompileMessage = { loaded: number; module?: WebAssembly.Module } | { error: string };

/** Progress at most every this many bytes: a few dozen messages, not one per chunk. */
const STEP = 1 << 20;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const { gzipped, bytes } = JSON.parse(decodeURIComponent(scope.location.hash.slice(1))) as CompileConfig;
const send = (m: CompileMessage) => scope.postMessage(m);

let loaded = 0;
let told = 0;
const counted = new TransformStream<Uint8Array, Uint8Array>({
  transform(chunk, out) {
    loaded += chunk.byteLength;
    if (loaded - told >= STEP) send({ loaded: (told = loaded) });
    out.enqueue(chunk);
  },
});

const stored = fetch(gzipped);
send({ loaded: 0 });
inflatedResponse(stored, bytes)
  .then((res) => WebAssembly.compileStreaming(wasmResponse(res.body!.pipeThrough(counted), bytes)))
  .then(
    (module) => send({ loaded, module }),
    (e: unknown) => send({ error: e instanceof Error ? e.message : String(e) }),
  );
