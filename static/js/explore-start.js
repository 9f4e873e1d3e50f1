// @ts-check
/**
 * Starts DuckDB's worker, and with it the wasm's download, from the explorer's HTML: this script is
 * in the page's head, so it runs before the framework's code has loaded, and only for a reader with
 * JavaScript (no <link rel=preload>, which would fetch 34 MB for one without). `data-worker` is the
 * worker's address, what it loads included (`streamWorkerAddress` in src/lib/data/duckdb-files.ts).
 * The explorer's code takes the same worker (`pageWorker` there): whichever runs first starts it,
 * once per page.
 */
(() => {
  const w = /** @type {any} */ (window);
  const address = document.currentScript?.dataset.worker;
  if (!w.__explorerWorker && address) w.__explorerWorker = new Worker(address);
})();
