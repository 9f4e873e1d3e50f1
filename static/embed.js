/*
 * Detention Data Dashboard embeds, for the page that hosts them. Load it once:
 *   <script src="https://<dashboard>/embed.js" async></script>
 * It sizes every iframe showing one of our /embed/ pages to its content (the embed posts its
 * height), and turns <div data-detention-chart="<chart id>" data-facility="…" data-state="…"
 * data-release="…"></div> into such an iframe. It reads nothing else of the page and sends
 * nothing anywhere; without it, an iframe keeps its own height attribute. The dashboard's address,
 * base path included (https://org.github.io/dashboard), is the folder this script is served from.
 */
(() => {
  const me = document.currentScript;
  const origin = me ? new URL(me.src).origin : location.origin;
  const site = me ? new URL('.', me.src).href.replace(/\/$/, '') : location.origin;
  const w = window;
  if (w.__detentionEmbeds) return;
  w.__detentionEmbeds = true;

  function frames() {
    for (const div of document.querySelectorAll('div[data-detention-chart]:not([data-embedded])')) {
      const q = new URLSearchParams();
      for (const k of ['facility', 'state', 'release']) if (div.dataset[k]) q.set(k, div.dataset[k]);
      const f = document.createElement('iframe');
      f.src = `${site}/embed/${encodeURIComponent(div.dataset.detentionChart)}/${q.size ? `?${q}` : ''}`;
      f.title = div.dataset.title || 'Chart from the Detention Data Dashboard';
      f.loading = 'lazy';
      f.style.cssText = 'width:100%;height:480px;border:0;display:block';
      div.replaceChildren(f);
      div.dataset.embedded = '';
    }
  }

  w.addEventListener('message', (e) => {
    // HEIGHT_MESSAGE in src/lib/embed/params.ts
    if (e.origin !== origin || !e.data || e.data.type !== 'detention-dashboard:embed-height') return;
    const h = Number(e.data.height);
    if (!(h > 0 && h < 10000)) return;
    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = `${Math.ceil(h)}px`;
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', frames);
  else frames();
})();
