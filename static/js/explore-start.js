// @ts-check
/**
 * Starts DuckDB's worker, and with it the wasm's download, from the explorer's HTML: this script is
 * in the page's head, so it runs before the framework's code has loaded, and only for a reader with
 * JavaScript (no <link rel=preload>, which would fetch 34 MB for one without). `data-worker` is the
 * worker's address, what it loads included (`streamWorkerAddress` in src/lib/data/duckdb-files.ts).
 * The explorer's code takes the same worker (`pageWorker` there): whichever runs first starts it,
 * once per page. While DuckDB opens, <html data-busy> holds off the offline save; the explorer clears it.
 */
(() => {
  const w = /** @type {any} */ (window);
  const address = document.currentScript?.dataset.worker;
  if (!w.__explorerWorker && address) w.__explorerWorker = new Worker(address);
  // Saving the site for offline use waits until DuckDB is open (static/js/offline.js): its dozens of
  // requests would otherwise take the connections the wasm and the database's first blocks need.
  document.documentElement.setAttribute('data-busy', 'duckdb');
})();
