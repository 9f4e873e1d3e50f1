// @ts-check
/**
 * Tooltips and keys for every chart (src/lib/charts/LineChart, BarChart, ChoroplethChart), on the
 * prerendered SVG: the pages that ship no framework (home, /charts/, states, facilities, embeds)
 * and the charts Svelte draws later (/explore, /near) alike, through listeners on the document.
 * Each `svg[data-plot]` is one tab stop. A line chart: ←/→ move along the time axis (PageUp/PageDown
 * a year of months), Home/End jump to the ends; bars and maps: arrows step through the rows in the
 * table's order. Esc, leaving the chart or moving focus away hides the tooltip. What a tooltip says
 * was written by the site's one format module ($lib/charts/tips): at build time into the chart's
 * first drawing (`data-tips`), or, for a prerendered line chart, on its first use from its chart file
 * (`data-tips-file`, /charts/<key>.json) by the tips island (src/lib/islands/tips.ts, whose address
 * the layout puts on this script's tag), fetched once per file; keys pressed meanwhile are kept and
 * applied when it arrives. Where its focus line and dots go comes from each drawing's own scales
 * (`data-x`: the x range; `data-y`: the y domain, then its range).
 */
(() => {
  const w = /** @type {any} */ (window);
  if (w.__charts) return;
  w.__charts = true;

  const SVG = 'http://www.w3.org/2000/svg';
  const script = document.currentScript;
  /** The tips island's address (src/routes/+layout.svelte). */
  const tipsModule = script instanceof HTMLScriptElement ? (script.dataset.tipsModule ?? '') : '';
  /** @typedef {{ d: number[]; x: string[]; s: string[]; v: (string | null)[][] }} LineTips */
  /** A chart file's tooltips on their way, or why they could not be read. @typedef {{ loading: true } | { failed: string }} NotYet */
  /** @type {WeakMap<Element, { src: string; tips: any }>} */
  const cache = new WeakMap();
  /** Per chart file: its tooltips once read, and the drawings waiting on them. @type {Map<string, { tips: LineTips | NotYet; waiting: Set<SVGSVGElement> }>} */
  const files = new Map();
  /** What a reader did while a drawing's tooltips were on their way: the keys pressed, in order, and where the pointer last was. @type {WeakMap<SVGSVGElement, { keys: string[]; clientX: number | null }>} */
  const pending = new WeakMap();
  /** @type {WeakMap<SVGSVGElement, number>} */
  const active = new WeakMap();

  /** @param {EventTarget | null} t @returns {SVGSVGElement | null} */
  const chartOf = (t) => (t instanceof Element ? /** @type {SVGSVGElement | null} */ (t.closest('svg[data-plot]')) : null);
  /** @param {any} tips @returns {tips is NotYet} */
  const notYet = (tips) => tips !== null && !Array.isArray(tips) && !('d' in tips);

  /**
   * The chart's tooltips: on this drawing, or on the first drawing in the chart's box; from its
   * chart file, NotYet until read (the first call starts reading it). @param {SVGSVGElement} svg
   */
  function tipsOf(svg) {
    const carries = (/** @type {Element} */ e) => e instanceof SVGSVGElement && Boolean(e.dataset.tips || e.dataset.tipsFile);
    const carrier = carries(svg) ? svg : (svg.closest('.plot') ?? svg.parentElement)?.querySelector('svg[data-tips], svg[data-tips-file]');
    if (!(carrier instanceof SVGSVGElement) || !carries(carrier)) return null;
    if (carrier.dataset.tipsFile) return fileTips(carrier.dataset.tipsFile, svg);
    const src = carrier.dataset.tips ?? '';
    const hit = cache.get(carrier);
    if (hit && hit.src === src) return hit.tips;
    const raw = JSON.parse(src);
    const tips = Array.isArray(raw) ? raw : lineTips(raw);
    cache.set(carrier, { src, tips });
    return tips;
  }

  /** The tooltips in the chart file at `address`, read once through the tips island; NotYet until then. @param {string} address @param {SVGSVGElement} svg @returns {LineTips | NotYet} */
  function fileTips(address, svg) {
    let file = files.get(address);
    if (!file) {
      const entry = { tips: /** @type {LineTips | NotYet} */ ({ loading: true }), waiting: new Set([svg]) };
      files.set(address, (file = entry));
      const read = tipsModule ? import(/* @vite-ignore */ tipsModule).then((m) => m.default(address)) : Promise.reject(new Error('the page names no tooltip module'));
      read
        .then(
          (raw) => (entry.tips = lineTips(raw)),
          (e) => (entry.tips = { failed: e instanceof Error ? e.message : String(e) }),
        )
        .then(() => entry.waiting.forEach(arrived));
    } else if (notYet(file.tips)) file.waiting.add(svg);
    return file.tips;
  }

  /** A drawing's tooltips have arrived (or failed): do what the reader asked for meanwhile. @param {SVGSVGElement} svg */
  function arrived(svg) {
    const asked = pending.get(svg);
    pending.delete(svg);
    if (!asked) return;
    const tips = tipsOf(svg);
    if (notYet(tips)) return say(svg, tips);
    let at = active.get(svg) ?? null;
    for (const key of asked.keys) {
      const next = step(svg, key, length(tips), at);
      if (next !== undefined) at = next;
    }
    if (asked.keys.length) show(svg, at);
    else if (asked.clientX !== null) point(svg, asked.clientX);
  }

  /** The chart's one live region, after its drawings ($lib/charts/ChartPlot). @param {SVGSVGElement} svg */
  const statusOf = (svg) => svg.closest('.plot')?.querySelector(':scope > [role=status]');

  /** While a drawing's tooltips are on their way, the tooltip says so; if they could not be read, why. @param {SVGSVGElement} svg @param {NotYet | null} tips */
  function say(svg, tips) {
    const status = statusOf(svg);
    if (status) status.textContent = !tips ? '' : 'loading' in tips ? 'Loading…' : `The tooltip could not be loaded (${tips.failed}). The chart's figures are in its data table.`;
  }

  /**
   * A line chart's tooltips as $lib/charts/tips writes them (lists joined with "|"; days as the gap
   * to the one before; each label's first letter says how many characters it shares with the one
   * before, A for none), unpacked.
   * @param {{ d: string; x: string; s: string[]; v: string[] }} raw
   * @returns {LineTips}
   */
  function lineTips(raw) {
    if (!raw.d) return { d: [], x: [], s: raw.s, v: [] };
    let day = 0;
    let prev = '';
    return {
      d: raw.d.split(' ').map((g) => (day += Number(g))),
      x: raw.x.split('|').map((l) => (prev = prev.slice(0, l.charCodeAt(0) - 65) + l.slice(1))),
      s: raw.s,
      v: raw.v.map((vs) => vs.split('|').map((v) => v || null)),
    };
  }

  /** @param {any} tips */
  const length = (tips) => (Array.isArray(tips) ? tips.length : tips.d.length);
  /** @param {SVGSVGElement} svg @param {string} name */
  const numbers = (svg, name) => (svg.getAttribute(name) ?? '').split(' ').map(Number);
  /** A value as the tooltip states it ("12,345", "−4.5"), as a number; NaN for "not reported". @param {string} text */
  const valueOf = (text) => Number(text.replace(/,/g, '').replace('−', '-'));

  /** The x of each time in this drawing (d3's scaleUtc with rangeRound, as LineChart draws it). @param {SVGSVGElement} svg @param {LineTips} tips */
  function xsOf(svg, tips) {
    const [r0 = 0, r1 = 0] = numbers(svg, 'data-x');
    const d0 = tips.d[0] ?? 0;
    const span = (tips.d.at(-1) ?? 0) - d0;
    return tips.d.map((d) => Math.round(span ? r0 + ((r1 - r0) * (d - d0)) / span : r0));
  }

  /** @param {SVGSVGElement} svg @param {number | null} i */
  function show(svg, i) {
    const tips = tipsOf(svg);
    if (!tips || notYet(tips)) return;
    if (i === null) active.delete(svg);
    else active.set(svg, i);
    const status = statusOf(svg);
    const kind = svg.dataset.plot;
    svg.querySelector(':scope > g.focus')?.remove();
    if (kind === 'bar') svg.querySelectorAll('g.bar').forEach((g, k) => g.classList.toggle('active', k === i));
    if (kind === 'map') svg.querySelectorAll('path[data-i]').forEach((p) => p.classList.toggle('focus', Number(p.getAttribute('data-i')) === i));
    if (kind !== 'line') {
      if (status) status.textContent = i === null ? '' : (tips[i] ?? '');
      return;
    }
    /** @type {LineTips} */
    const t = tips;
    const values = t.s.map((name, k) => ({ name, text: t.v[k]?.[i ?? -1] ?? null, k })).filter((s) => s.text !== null);
    if (status) status.textContent = i === null ? '' : `${t.x[i]}: ${values.map((s) => `${s.name} ${s.text}`).join('; ')}`;
    if (i === null) return;
    // The focus line and a dot on each series at that time (decoration: the status says it).
    const [y0 = 0, y1 = 1, p0 = 0, p1 = 0] = numbers(svg, 'data-y');
    const y = (/** @type {number} */ v) => Math.round(p0 + ((p1 - p0) * (v - y0)) / (y1 - y0 || 1));
    const x = xsOf(svg, t)[i] ?? 0;
    // A prerendered drawing <use>s the series paths its chart defines once (ChartPlot): their stroke is on the path.
    const strokes = [...svg.querySelectorAll('path.series, use')].map((p) => (p instanceof SVGUseElement ? document.getElementById(p.href.baseVal.slice(1)) : p)?.getAttribute('stroke') ?? '#111827');
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'focus');
    g.setAttribute('aria-hidden', 'true');
    const line = document.createElementNS(SVG, 'line');
    for (const [a, v] of Object.entries({ x1: x, x2: x, y1: Math.min(p0, p1), y2: Math.max(p0, p1), stroke: '#6b7280', 'stroke-dasharray': '3 3' })) line.setAttribute(a, String(v));
    g.append(line);
    for (const s of values) {
      const v = valueOf(s.text ?? '');
      if (Number.isNaN(v)) continue;
      const dot = document.createElementNS(SVG, 'circle');
      for (const [a, val] of Object.entries({ cx: x, cy: y(v), r: 5, fill: strokes[s.k] ?? '#111827' })) dot.setAttribute(a, String(val));
      g.append(dot);
    }
    svg.append(g);
  }

  /**
   * Where a key moves the tooltip of a chart with `n` tooltips, now at `now`: an index, null (hide
   * it), or undefined for a key the chart does not take.
   * @param {SVGSVGElement} svg @param {string} key @param {number} n @param {number | null} now
   * @returns {number | null | undefined}
   */
  function step(svg, key, n, now) {
    /** @type {Record<string, number>} */
    const moves = svg.dataset.plot === 'line' ? { ArrowRight: 1, ArrowLeft: -1, PageUp: 12, PageDown: -12 } : { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (key === 'Escape') return null;
    if (key === 'Home') return 0;
    if (key === 'End') return n - 1;
    if (key in moves) {
      const m = moves[key] ?? 0;
      return Math.min(n - 1, Math.max(0, (now ?? (m > 0 ? -1 : n)) + m));
    }
    return undefined;
  }

  /** Until its tooltips are read, what the reader does to a drawing is kept for when they are. @param {SVGSVGElement} svg */
  function waitFor(svg) {
    let asked = pending.get(svg);
    if (!asked) pending.set(svg, (asked = { keys: [], clientX: null }));
    return asked;
  }

  document.addEventListener('keydown', (e) => {
    const svg = e.target instanceof SVGSVGElement && e.target.dataset.plot ? e.target : null;
    const tips = svg && tipsOf(svg);
    if (!svg || !tips) return;
    if (notYet(tips)) {
      // Kept, in order, while the file is read (Esc forgets them); a failure is said again.
      if (step(svg, e.key, 1, null) === undefined) return;
      e.preventDefault();
      if (e.key === 'Escape') {
        pending.delete(svg);
        return say(svg, null);
      }
      if ('loading' in tips) waitFor(svg).keys.push(e.key);
      return say(svg, tips);
    }
    const n = length(tips);
    const next = step(svg, e.key, n, active.get(svg) ?? null);
    if (next === undefined || !n) return;
    e.preventDefault();
    show(svg, next);
  });

  /** The line chart's tooltip at the time nearest the pointer. @param {SVGSVGElement} svg @param {number} clientX */
  function point(svg, clientX) {
    const tips = tipsOf(svg);
    if (!tips || notYet(tips) || !tips.d.length) return;
    const box = svg.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * svg.viewBox.baseVal.width;
    const xs = xsOf(svg, tips);
    let best = 0;
    xs.forEach((x, i) => {
      if (Math.abs(x - px) < Math.abs((xs[best] ?? 0) - px)) best = i;
    });
    if (active.get(svg) !== best) show(svg, best);
  }

  document.addEventListener('pointermove', (e) => {
    const svg = chartOf(e.target);
    if (!svg || svg.dataset.plot !== 'line') return;
    const tips = tipsOf(svg);
    if (notYet(tips)) {
      if ('loading' in tips) waitFor(svg).clientX = e.clientX;
      return say(svg, tips);
    }
    point(svg, e.clientX);
  });

  // Focusing a chart starts reading its tooltips, so that they are there by the first key.
  document.addEventListener('focusin', (e) => {
    const svg = chartOf(e.target);
    if (svg) tipsOf(svg);
  });

  document.addEventListener('pointerover', (e) => {
    const svg = chartOf(e.target);
    const el = /** @type {Element} */ (e.target);
    if (!svg || svg.dataset.plot === 'line') return;
    if (svg.dataset.plot === 'bar') {
      const bar = el.closest('g.bar');
      if (bar) show(svg, [...svg.querySelectorAll('g.bar')].indexOf(bar));
    } else show(svg, el.hasAttribute('data-i') ? Number(el.getAttribute('data-i')) : null);
  });

  // Leaving the chart (pointer or focus) hides its tooltip.
  /** @param {Event & { relatedTarget: EventTarget | null }} e */
  const leave = (e) => {
    const svg = chartOf(e.target);
    if (!svg || chartOf(e.relatedTarget) === svg) return;
    if (pending.delete(svg)) say(svg, null);
    if (active.has(svg)) show(svg, null);
  };
  document.addEventListener('pointerout', leave);
  document.addEventListener('focusout', leave);
})();
