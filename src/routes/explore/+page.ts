import { browser } from '$app/environment';
import { wasmCompiled } from '$lib/data/duckdb-files';

/**
 * In the browser the explorer hydrates once DuckDB's wasm has downloaded and compiled, at most
 * HOLD_MS after its code has loaded: the page is on screen from its HTML meanwhile, and its work
 * would slow the compile (issue 20). On a slow network the wait ends at HOLD_MS. duckdb-wasm's
 * JavaScript starts loading meanwhile (parsed after the compile, it slowed DuckDB's start more); the
 * page does not wait for it, and a failure to load it is said when the explorer asks for it.
 */
const HOLD_MS = 1000;

export async function load({ data }) {
  if (browser) {
    import('$lib/data/duckdb').catch(() => {});
    await wasmCompiled(HOLD_MS);
  }
  return data;
}
