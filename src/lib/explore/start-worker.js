// @ts-check
/**
 * The explorer's head script, inlined in its HTML (src/hooks.server.ts; its hash is in the page's CSP,
 * svelte.config.js): starts DuckDB's worker, and with it the wasm's download, as the HTML is parsed.
 * `data-worker` is the worker's address (`streamWorkerAddress` in src/lib/data/duckdb-files.ts); the
 * explorer's code takes the same worker (`pageWorker` there). <html data-busy> holds off the offline
 * save (static/js/offline.js) until DuckDB is open: the explorer clears it.
 */
(() => {
  const w = /** @type {any} */ (window);
  const address = document.currentScript?.dataset.worker;
  if (!w.__explorerWorker && address) w.__explorerWorker = new Worker(address);
  document.documentElement.setAttribute('data-busy', 'duckdb');
})();
