// @ts-check
/**
 * Starts DuckDB's worker, and with it the wasm's download, from the explorer's HTML: this script is
 * in the page's head, so it runs before the framework's code has loaded (about half a second
 * earlier on this machine), and only for a reader with JavaScript (no <link rel=preload>, which
 * would fetch 34 MB for one without). The explorer's code takes the same worker
 * (`pageWorker` in src/lib/data/duckdb-files.ts): whichever runs first starts it, once per page.
 * `data-worker` is the worker's address and `data-config` what it loads (`StreamWorkerConfig`),
 * both as the build wrote them; the worker is given them absolute, as it resolves against its own address.
 */
(() => {
  const w = /** @type {any} */ (window);
  const el = /** @type {HTMLScriptElement} */ (document.currentScript);
  if (w.__explorerWorker || !el) return;
  const abs = (/** @type {string} */ u) => new URL(u, document.baseURI).href;
  const c = JSON.parse(el.dataset.config ?? '{}');
  const config = { wasm: abs(c.wasm), parts: c.parts.map(abs), bytes: c.bytes, duckdbWorker: abs(c.duckdbWorker) };
  w.__explorerWorker = new Worker(`${abs(el.dataset.worker ?? '')}#${encodeURIComponent(JSON.stringify(config))}`);
})();
