// @ts-check
/**
 * The embed pages' side of the frame (/embed/…, which ship no framework): tell the host page the
 * height of the content whenever it changes (static/embed.js sizes the iframe from it), whether
 * the chart was prerendered or drawn by the embed island; and on the page the server sends for an
 * /embed/ address naming no chart, say which id was not found. Reads nothing of the host page.
 */
(() => {
  const w = /** @type {any} */ (window);
  if (w.__embedFrame) return;
  w.__embedFrame = true;
  // HEIGHT_MESSAGE in src/lib/embed/params.ts (this file is not bundled).
  const HEIGHT_MESSAGE = 'detention-dashboard:embed-height';

  function unknownChart() {
    const slot = document.querySelector('[data-unknown-chart]');
    if (!slot) return;
    const base = document.documentElement.dataset.base ?? '';
    // The site path of this address ($lib/paths.js stripBase), then the id after /embed/.
    const path = base ? (location.pathname.startsWith(`${base}/`) ? location.pathname.slice(base.length) : null) : location.pathname;
    const id = path?.match(/^\/embed\/([^/]+)/)?.[1];
    if (!id) return;
    try {
      slot.textContent = decodeURIComponent(id);
    } catch {
      slot.textContent = id; // a malformed escape: show it as typed
    }
    slot.closest('[hidden]')?.removeAttribute('hidden');
  }

  function reportHeight() {
    const main = document.querySelector('main');
    if (window.parent === window || !main) return;
    // The content's own height (the document's scrollHeight never drops below the frame's height).
    const send = () =>
      window.parent.postMessage(
        { type: HEIGHT_MESSAGE, height: Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(document.body).marginBottom)), path: location.pathname + location.search },
        '*',
      );
    new ResizeObserver(send).observe(main);
    send();
  }

  const start = () => {
    unknownChart();
    reportHeight();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
