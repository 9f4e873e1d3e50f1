// @ts-check
/**
 * Islands: the few interactive parts of pages that ship no framework, each a small Svelte app
 * (src/lib/islands/, built by vite.islands.config.ts) imported only when the page needs it:
 *   <div data-island="<its address>" data-island-when="near" data-island-props='{"id":"…"}'>
 * `near`: when the element comes within 200 px of the viewport, or the reader presses a
 * `[data-island-start]` button inside it (hidden until this script runs); `query`: at once, when
 * the address has one of the parameters in `data-island-query` (an embed asked for a facility,
 * a state or a release). What is there without JavaScript (`[data-island-fallback]`) gives way
 * once the island is on its way; the island's module replaces the element's content. A failed
 * load says so in the element.
 */
(() => {
  const w = /** @type {any} */ (window);
  if (w.__islands) return;
  w.__islands = true;

  /** @param {HTMLElement} el */
  async function load(el) {
    if (el.dataset.islandState) return;
    el.dataset.islandState = 'loading';
    el.setAttribute('aria-busy', 'true');
    el.querySelectorAll('[data-island-start]').forEach((b) => b.setAttribute('disabled', ''));
    try {
      const island = await import(/* @vite-ignore */ el.dataset.island ?? '');
      island.default(el, JSON.parse(el.dataset.islandProps ?? '{}'));
      el.dataset.islandState = 'ready';
    } catch (e) {
      el.dataset.islandState = 'failed';
      const p = document.createElement('p');
      p.setAttribute('role', 'alert');
      p.className = 'island-error';
      p.textContent = `This part of the page could not be loaded (${e instanceof Error ? e.message : String(e)}). Reload the page to try again.`;
      el.querySelectorAll('[data-island-fallback]').forEach((f) => f.removeAttribute('hidden'));
      el.append(p);
    } finally {
      el.removeAttribute('aria-busy');
    }
  }

  function start() {
    const near = new IntersectionObserver(
      (entries) => {
        for (const e of entries)
          if (e.isIntersecting) {
            near.unobserve(e.target);
            void load(/** @type {HTMLElement} */ (e.target));
          }
      },
      { rootMargin: '200px 0px' },
    );
    const query = new URLSearchParams(location.search);
    document.querySelectorAll('[data-island]').forEach((node) => {
      const el = /** @type {HTMLElement} */ (node);
      const when = el.dataset.islandWhen;
      if (when === 'query' && !(el.dataset.islandQuery ?? '').split(' ').some((k) => k && query.has(k))) return;
      el.querySelectorAll('[data-island-fallback]').forEach((f) => f.setAttribute('hidden', ''));
      if (when === 'query') return void load(el);
      el.querySelectorAll('[data-island-start]').forEach((b) => {
        b.removeAttribute('hidden');
        b.addEventListener('click', () => load(el), { once: true });
      });
      near.observe(el);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
