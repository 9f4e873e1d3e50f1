/**
 * duckdb-wasm's eh build is one 34 MB file: over the 25 MiB a static host takes per file
 * (Cloudflare Pages), and a seventh of the 250 MB a whole site may be (scripts/host/limits.ts). So
 * the build stores it gzipped (7.6 MB; scripts/gzip-wasm.ts), under the whole file's content-hashed
 * name plus `.gz`, and DuckDB's worker inflates it as it downloads (./wasm-stream.worker.ts): the
 * browser's own DecompressionStream, so no host need send it with a Content-Encoding. A host that
 * compresses itself would have sent 5.9 MB of brotli; the reader downloads 1.7 MB more for a site any
 * host takes. Framework-free: the build, the worker and the tests read it.
 */

/** Where the build keeps `whole` (a name or an address): `duckdb-eh.<hash>.wasm` → `duckdb-eh.<hash>.wasm.gz`. */
export const gzippedName = (whole: string): string => `${whole}.gz`;

/** The wasm's files the build stores gzipped (only DuckDB's: the one any page loads through ./wasm-stream.worker.ts). */
export const STORED_GZIPPED = /(^|\/)duckdb-eh\.[^/]+\.wasm$/;

/** A body as the whole wasm a server would send: typed application/wasm, as long as the whole file (`bytes`, which DuckDB's progress counts against). */
export const wasmResponse = (body: ReadableStream<Uint8Array> | null, bytes: number): Response =>
  new Response(body, { headers: { 'content-type': 'application/wasm', 'content-length': String(bytes) } });

/**
 * The stored file, fetched, as the whole wasm a server would send (wasmResponse): inflated as it arrives.
 */
export async function inflatedResponse(stored: Promise<Response>, bytes: number): Promise<Response> {
  const res = await stored;
  if (!res.ok || !res.body) throw new Error(`${res.url || 'the DuckDB wasm'}: HTTP ${res.status}`);
  return wasmResponse(res.body.pipeThrough(new DecompressionStream('gzip')) as ReadableStream<Uint8Array>, bytes);
}
