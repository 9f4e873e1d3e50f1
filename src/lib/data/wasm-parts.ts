/**
 * duckdb-wasm's eh build is one 34 MB file, and static hosts refuse files over 25 MiB (Cloudflare
 * Pages; scripts/host/limits.ts). So the build cuts it into parts of equal size under that
 * (scripts/split-wasm.ts), named after the whole file's content-hashed name, and DuckDB's worker
 * fetches the parts and compiles them as one stream (./wasm-stream.worker.ts). Framework-free: the build reads it too.
 */

/** Well under 25 MiB, so a part never meets the limit. */
export const MAX_PART_BYTES = 24 * 1024 * 1024;

/** How many parts a file of `bytes` is cut into, and the size of each but the last. */
export function partLayout(bytes: number): { count: number; size: number } {
  const count = Math.max(1, Math.ceil(bytes / MAX_PART_BYTES));
  return { count, size: Math.ceil(bytes / count) };
}

/** The parts' names or addresses, in order: `duckdb-eh.<hash>.wasm` → `duckdb-eh.<hash>.part0.wasm`, … */
export function partNames(whole: string, bytes: number): string[] {
  return Array.from({ length: partLayout(bytes).count }, (_, i) => whole.replace(/\.wasm$/, `.part${i}.wasm`));
}
