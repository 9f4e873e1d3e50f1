// @ts-check
/**
 * The explorer's head script, inlined in its HTML (src/hooks.server.ts; its hash is in the page's CSP,
 * svelte.config.js): starts DuckDB's worker, and with it the wasm's download, as the HTML is parsed.
 * `data-worker` is the worker's address (`streamWorkerAddress` in src/lib/data/duckdb-files.ts); the
 * explorer's code takes the same worker (`pageWorker` there). What this script hears the worker say
 * is for the explorer's code, since the worker, busy starting DuckDB, answers that code only later:
 * - `__explorerLoaded`: the bytes of the wasm counted so far (`heardLoaded` there);
 * - `__explorerCompiled`: settles once the whole wasm is in (the worker says so once it has compiled
 *   it) or anything else is heard (a failed download's LOG, the worker's error); the explorer
 *   hydrates then (`wasmCompiled` there).
 * Until it has hydrated, the explorer's buttons pressed are kept in `__explorerClicks`, for it to press
 * again (./early-clicks.ts). <html data-busy> holds off the offline save (static/js/offline.js) until
 * DuckDB is open: the explorer clears it.
 */
(() => {
  const w = /** @type {any} */ (window);
  const address = document.currentScript?.dataset.worker;
  if (!w.__explorerWorker && address) {
    const worker = (w.__explorerWorker = new Worker(address));
    w.__explorerLoaded = 0;
    w.__explorerCompiled = new Promise((done) => {
      /** @param {MessageEvent} e */
      const heard = ({ data }) => {
        const p = data?.type === 'INSTANTIATE_PROGRESS' ? data.data : null;
        if (p) w.__explorerLoaded = p.bytesLoaded;
        if (p && !(p.bytesTotal > 0 && p.bytesLoaded >= p.bytesTotal)) return;
        worker.removeEventListener('message', heard);
        done(undefined);
      };
      worker.addEventListener('message', heard);
      worker.addEventListener('error', () => done(undefined));
    });
  }
  w.__explorerClicks = [];
  document.addEventListener(
    'click',
    (e) => {
      const button = w.__explorerClicks && e.target instanceof Element ? e.target.closest('.explorer button') : null;
      if (button) w.__explorerClicks.push(button);
    },
    true,
  );
  document.documentElement.setAttribute('data-busy', 'duckdb');
})();
