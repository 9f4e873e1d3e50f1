/**
 * The layout check (issue 18): what a page at one viewport width must not do, measured in the
 * browser from the boxes it lays out, not from screenshots (fonts and anti-aliasing make golden
 * images flaky; geometry is what must hold).
 *
 * - scroll:     the document scrolls sideways.
 * - too-wide:   an element reaches past the viewport's right edge (or is wider than it), unless a
 *               scroll container (overflow-x other than visible) holds it.
 * - small-text: visible text under 11 CSS px as drawn: HTML text by its computed font-size, SVG
 *               text by its font-size times the vertical scale of its screen CTM (a 720-unit chart
 *               drawn 324 px wide shrinks 12-unit text to 5.4 px).
 * - overlap:    two visible text boxes (Range.getClientRects per text node; an SVG text by its box;
 *               a form control by its box, as it draws its own text)
 *               intersect by more than TOLERANCE px each way. A box is first cut to what its
 *               clipping ancestors (scroll containers, overflow hidden) show; text wholly clipped
 *               out of view, hidden or off-screen is not "visible".
 * - clipped:    SVG text cut by its own SVG's edge (a label drawn past the chart).
 */
import type { Page } from 'playwright-core';

export const MIN_TEXT_PX = 11;
/** Overlaps up to this many px (glyph boxes of adjacent lines touch) are not reported. */
export const TOLERANCE = 2;

export interface LayoutProblem {
  kind: 'scroll' | 'too-wide' | 'small-text' | 'overlap' | 'clipped';
  /** The selectors and texts involved, readable in a test failure. */
  detail: string;
}

/**
 * Every layout problem of the page as it is laid out now (the caller sets the viewport first).
 * `scripts: false` for a page opened with JavaScript off, where no animation frame ever runs.
 */
export async function checkLayout(page: Page, { scripts = true } = {}): Promise<LayoutProblem[]> {
  // With scripts, charts redraw for a new width (ResizeObserver, then a render): two frames settle it.
  if (scripts) await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  // tsx and esbuild keep function names by wrapping them in __name(), which the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(measure, { min: MIN_TEXT_PX, tolerance: TOLERANCE });
}

/** Runs in the page: it can use only what it defines itself. */
function measure({ min, tolerance }: { min: number; tolerance: number }): LayoutProblem[] {
  type Box = { left: number; top: number; right: number; bottom: number };
  const problems: LayoutProblem[] = [];
  const vw = document.documentElement.clientWidth;
  const ox = scrollX;
  const oy = scrollY;

  const selector = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const cls = [...e.classList].filter((c) => !c.startsWith('svelte-')).slice(0, 2);
      parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + cls.map((c) => `.${c}`).join(''));
      if (e.id) break;
    }
    return parts.join(' > ');
  };
  const snippet = (s: string) => JSON.stringify(s.replace(/\s+/g, ' ').trim().slice(0, 50));
  const clips = (el: Element) => {
    const s = getComputedStyle(el);
    return s.overflowX !== 'visible' || s.overflowY !== 'visible' || (s.clipPath !== 'none' && s.clipPath !== '');
  };
  const scrolls = (el: Element) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX);
  /** The part of a box (page coordinates) its clipping ancestors leave in view, or null. */
  const visiblePart = (box: Box, el: Element): Box | null => {
    let b = box;
    // From the text's own element up: a visually-hidden span clips its own text to 1 px.
    for (let a: Element | null = el; a; a = a.parentElement) {
      if (a === document.documentElement || a === document.body || !clips(a)) continue;
      const r = a.getBoundingClientRect();
      b = { left: Math.max(b.left, r.left + ox), top: Math.max(b.top, r.top + oy), right: Math.min(b.right, r.right + ox), bottom: Math.min(b.bottom, r.bottom + oy) };
      if (b.right - b.left <= 2 || b.bottom - b.top <= 2) return null;
    }
    // Off the left of the page (a skip link waiting for focus) is not in view.
    return b.right <= 0 ? null : b;
  };

  // 1. The document scrolls sideways.
  const sw = document.documentElement.scrollWidth;
  if (sw > vw + 1) problems.push({ kind: 'scroll', detail: `the document is ${sw} px wide in a ${vw} px viewport` });

  // 2. Elements past the right edge, outside any scroll container.
  const wide = new Set<Element>();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right + ox <= vw + 1 && r.width <= vw + 1) continue;
    let held = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a) || wide.has(a)) held = true;
    if (held || !el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
    wide.add(el);
    problems.push({ kind: 'too-wide', detail: `${selector(el)} spans ${Math.round(r.left + ox)}–${Math.round(r.right + ox)} px in a ${vw} px viewport` });
  }

  // 3. Visible text: size, and boxes to compare.
  const boxes: { box: Box; el: Element; node: Node; text: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    const el = n.parentElement;
    if (!el || !text.trim() || el.closest('script, style, title, desc, noscript, template')) continue;
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const svgText = el instanceof SVGElement ? (el.closest('text') as SVGTextElement | null) : null;
    const rects = svgText ? [el.getBoundingClientRect()] : [...(() => {
      const range = document.createRange();
      range.selectNodeContents(n);
      return range.getClientRects();
    })()];
    const shown = rects
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => visiblePart({ left: r.left + ox, top: r.top + oy, right: r.right + ox, bottom: r.bottom + oy }, el))
      .filter((b): b is Box => b !== null);
    if (!shown.length) continue;
    // Text can run out of a box that fits (a long unbroken word): past the viewport it widens the page.
    const past = shown.find((b) => b.right > vw + 1);
    if (past) problems.push({ kind: 'too-wide', detail: `${selector(el)} ${snippet(text)} runs to ${Math.round(past.right)} px in a ${vw} px viewport` });
    const size = parseFloat(getComputedStyle(el).fontSize) * (svgText ? Math.abs(svgText.getScreenCTM()?.d ?? 1) : 1);
    if (size < min - 0.05) problems.push({ kind: 'small-text', detail: `${selector(el)} ${snippet(text)} is ${size.toFixed(1)} px` });
    if (svgText) {
      const svg = svgText.ownerSVGElement!.getBoundingClientRect();
      const r = rects[0]!;
      if (r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1) problems.push({ kind: 'clipped', detail: `${selector(el)} ${snippet(text)} runs past its chart's edge` });
    }
    for (const box of shown) boxes.push({ box, el, node: n, text });
  }

  // Form controls draw their text themselves (a select's chosen option is no text node): their box is their text's.
  for (const el of document.body.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const r = el.getBoundingClientRect();
    const box = r.width && r.height ? visiblePart({ left: r.left + ox, top: r.top + oy, right: r.right + ox, bottom: r.bottom + oy }, el) : null;
    if (box) boxes.push({ box, el, node: el, text: `<${el.tagName.toLowerCase()}>` });
  }

  // 4. Overlapping text boxes: a sweep down the page, so each box meets only those beside it.
  boxes.sort((a, b) => a.box.top - b.box.top);
  const reported = new Set<string>();
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i]!;
    for (let j = i + 1; j < boxes.length && boxes[j]!.box.top < a.box.bottom - tolerance; j++) {
      const b = boxes[j]!;
      if (a.node === b.node) continue;
      const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (w <= tolerance || h <= tolerance) continue;
      const key = `${selector(a.el)}|${selector(b.el)}`;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push({ kind: 'overlap', detail: `${selector(a.el)} ${snippet(a.text)} and ${selector(b.el)} ${snippet(b.text)} overlap by ${Math.round(w)}×${Math.round(h)} px` });
    }
  }
  return problems;
}
