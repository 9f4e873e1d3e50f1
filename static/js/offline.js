// @ts-check
/**
 * Offline support for every page but embeds: registers the service worker (src/service-worker.ts)
 * once the page has loaded, so saving the shell never competes with the page itself; and when the
 * worker served the copy saved on this device (no signal, or too slow), says so and when it was saved.
 */
(() => {
  if (!('serviceWorker' in navigator)) return;
  // The site's base path ("" or "/dashboard"), which the layout writes on <html> (src/app.html): the worker's scope.
  const base = document.documentElement.dataset.base ?? '';
  const register = () => navigator.serviceWorker.register(`${base}/service-worker.js`).catch(() => {});
  // …or, on a page loading something large (<html data-busy>: the explorer's DuckDB), once it is done.
  const html = document.documentElement;
  addEventListener('load', () => {
    if (!html.hasAttribute('data-busy')) return void register();
    const done = new MutationObserver(() => {
      if (html.hasAttribute('data-busy')) return;
      done.disconnect();
      void register();
    });
    done.observe(html, { attributes: true, attributeFilter: ['data-busy'] });
  });

  const saved = document.documentElement.dataset.savedAt;
  if (saved === undefined) return;
  const when = Date.parse(saved);
  const p = document.createElement('p');
  p.id = 'offline-note';
  p.setAttribute('role', 'status');
  p.textContent = Number.isNaN(when)
    ? 'No connection: this is the copy of the page saved on this device. Figures may have been updated since.'
    : `No connection: this is the copy of the page saved on this device on ${new Date(when).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })}. Figures may have been updated since.`;
  // Before the framework's root, which hydration owns.
  const show = () => document.body.prepend(p);
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show);
})();
