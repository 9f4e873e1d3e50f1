// @ts-check
/**
 * Tooltips and keys for every chart (src/lib/charts/LineChart, BarChart, ChoroplethChart), on the
 * prerendered SVG: the pages that ship no framework (home, /charts/, states, facilities, embeds)
 * and the charts Svelte draws later (/explore, /near) alike, through listeners on the document.
 * Each `svg[data-plot]` is one tab stop. A line chart: ←/→ move along the time axis (PageUp/PageDown
 * a year of months), Home/End jump to the ends; bars and maps: arrows step through the rows in the
 * table's order. Esc, leaving the chart or moving focus away hides the tooltip. What a tooltip says
 * was written at build time by the site's one format module ($lib/charts/tips: `data-tips`, carried
 * by a chart's first drawing); where its focus line and dots go comes from each drawing's own
 * scales (`data-x`: the x range; `data-y`: the y domain, then its range).
 */
(() => {
  const w = /** @type {any} */ (window);
  if (w.__charts) return;
  w.__charts = true;

  const SVG = 'http://www.w3.org/2000/svg';
  /** @typedef {{ d: number[]; x: string[]; s: string[]; v: (string | null)[][] }} LineTips */
  /** @type {WeakMap<Element, { src: string; tips: any }>} */
  const cache = new WeakMap();
  /** @type {WeakMap<SVGSVGElement, number>} */
  const active = new WeakMap();

  /** @param {EventTarget | null} t @returns {SVGSVGElement | null} */
  const chartOf = (t) => (t instanceof Element ? /** @type {SVGSVGElement | null} */ (t.closest('svg[data-plot]')) : null);

  /** The chart's tooltips: on this drawing, or on the first drawing in the chart's box. @param {SVGSVGElement} svg */
  function tipsOf(svg) {
    const carrier = svg.dataset.tips ? svg : (svg.closest('.plot') ?? svg.parentElement)?.querySelector('svg[data-tips]');
    const src = carrier instanceof SVGSVGElement ? (carrier.dataset.tips ?? '') : '';
    if (!carrier || !src) return null;
    const hit = cache.get(carrier);
    if (hit && hit.src === src) return hit.tips;
    const raw = JSON.parse(src);
    const tips = Array.isArray(raw) ? raw : lineTips(raw);
    cache.set(carrier, { src, tips });
    return tips;
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
    if (!tips) return;
    if (i === null) active.delete(svg);
    else active.set(svg, i);
    // One live region a chart, after its drawings ($lib/charts/ChartPlot).
    const status = svg.closest('.plot')?.querySelector(':scope > [role=status]');
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

  document.addEventListener('keydown', (e) => {
    const svg = e.target instanceof SVGSVGElement && e.target.dataset.plot ? e.target : null;
    const tips = svg && tipsOf(svg);
    if (!svg || !tips) return;
    const n = length(tips);
    const now = active.get(svg) ?? null;
    const line = svg.dataset.plot === 'line';
    /** @type {Record<string, number>} */
    const moves = line ? { ArrowRight: 1, ArrowLeft: -1, PageUp: 12, PageDown: -12 } : { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    /** @type {number | null} */
    let next;
    if (e.key === 'Escape') next = null;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key in moves) {
      const m = moves[e.key] ?? 0;
      next = Math.min(n - 1, Math.max(0, (now ?? (m > 0 ? -1 : n)) + m));
    } else return;
    if (!n) return;
    e.preventDefault();
    show(svg, next);
  });

  document.addEventListener('pointermove', (e) => {
    const svg = chartOf(e.target);
    if (!svg || svg.dataset.plot !== 'line') return;
    const tips = tipsOf(svg);
    if (!tips || !tips.d.length) return;
    const box = svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * svg.viewBox.baseVal.width;
    const xs = xsOf(svg, tips);
    let best = 0;
    xs.forEach((x, i) => {
      if (Math.abs(x - px) < Math.abs((xs[best] ?? 0) - px)) best = i;
    });
    if (active.get(svg) !== best) show(svg, best);
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
    if (svg && chartOf(e.relatedTarget) !== svg && active.has(svg)) show(svg, null);
  };
  document.addEventListener('pointerout', leave);
  document.addEventListener('focusout', leave);
})();
