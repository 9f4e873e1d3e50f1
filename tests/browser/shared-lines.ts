/**
 * The check that a prerendered line chart's drawings show the series paths its box defines once
 * ($lib/charts/ChartPlot: each drawing <use>s them, mapped to its own scales), measured in the
 * browser from what it lays out and draws:
 * - duplicate-id: an id given twice on the page (a <use> could show another chart's line);
 * - unresolved:   a <use> whose href names no path of its own chart box;
 * - misplaced:    a shown line whose box is not the defined path's box carried from the widest
 *                 drawing's scales to this drawing's, as their data-x / data-y state them (the same
 *                 numbers static/js/charts.js places its focus line and dots by);
 * - undrawn:      (linePixels) a drawing whose pixels do not change when its lines are hidden.
 */
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';

export interface LineProblem {
  kind: 'duplicate-id' | 'unresolved' | 'misplaced';
  detail: string;
}

/** Box edges may differ by this many drawing units (rounding of the drawings' ranges). */
export const TOLERANCE = 1.5;

/** Every problem of the shown drawings' lines on the page as it is laid out now. */
export async function checkSharedLines(page: Page): Promise<LineProblem[]> {
  // tsx and esbuild keep function names by wrapping them in __name(), which the page lacks.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate((tolerance) => {
    const problems: { kind: 'duplicate-id' | 'unresolved' | 'misplaced'; detail: string }[] = [];
    const seen = new Set<string>();
    for (const el of document.querySelectorAll('[id]')) {
      if (seen.has(el.id)) problems.push({ kind: 'duplicate-id', detail: el.id });
      seen.add(el.id);
    }
    const numbers = (el: Element, name: string) => (el.getAttribute(name) ?? '').split(' ').map(Number);
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-plot="line"]')) {
      const box = svg.getBoundingClientRect();
      const plot = svg.closest('.plot');
      const widest = [...(plot?.querySelectorAll('.at') ?? [])].at(-1)?.querySelector<SVGSVGElement>('svg[data-plot]');
      const uses = [...svg.querySelectorAll('use')];
      if (!box.width || !uses.length || !plot || !widest) continue;
      const where = `${plot.closest('figure')?.id ?? 'chart'} at ${svg.viewBox.baseVal.width}`;
      // Widest drawing's units → data → this drawing's units, from the two drawings' data-x / data-y.
      const [X0 = 0, X1 = 0] = numbers(widest, 'data-x');
      const [x0 = 0, x1 = 0] = numbers(svg, 'data-x');
      const [, , Y0 = 0, Y1 = 0] = numbers(widest, 'data-y');
      const [, , y0 = 0, y1 = 0] = numbers(svg, 'data-y');
      const mapX = (v: number) => x0 + ((v - X0) * (x1 - x0)) / (X1 - X0 || 1);
      const mapY = (v: number) => y0 + ((v - Y0) * (y1 - y0)) / (Y1 - Y0 || 1);
      // Client pixels → this drawing's units.
      const k = svg.viewBox.baseVal.width / box.width;
      for (const use of uses) {
        const href = use.getAttribute('href') ?? '';
        const path = document.getElementById(href.slice(1));
        if (!(path instanceof SVGPathElement) || path.closest('.plot') !== plot) {
          problems.push({ kind: 'unresolved', detail: `${where}: ${href}` });
          continue;
        }
        const b = path.getBBox();
        if (!b.width && !b.height) continue;
        const want = [mapX(b.x), mapY(b.y + b.height), mapX(b.x + b.width), mapY(b.y)];
        const r = use.getBoundingClientRect();
        const got = [(r.left - box.left) * k, (r.bottom - box.top) * k, (r.right - box.left) * k, (r.top - box.top) * k];
        if (got.some((v, i) => Math.abs(v - want[i]!) > tolerance))
          problems.push({ kind: 'misplaced', detail: `${where}: ${href} drawn at ${got.map(Math.round).join(',')}, its data at ${want.map(Math.round).join(',')}` });
      }
    }
    return problems;
  }, TOLERANCE);
}

/** How many pixels of a drawing change when its <use>d lines are hidden: none when they draw nothing. */
export async function linePixels(svg: Locator): Promise<number> {
  const raw = async () => (await sharp(await svg.screenshot({ animations: 'disabled' })).removeAlpha().raw().toBuffer({ resolveWithObject: true })).data;
  const shown = await raw();
  await svg.evaluate((el) => el.querySelectorAll('use').forEach((u) => u.setAttribute('visibility', 'hidden')));
  const hidden = await raw();
  await svg.evaluate((el) => el.querySelectorAll('use').forEach((u) => u.removeAttribute('visibility')));
  let n = 0;
  for (let i = 0; i < shown.length; i += 3) if (shown[i] !== hidden[i] || shown[i + 1] !== hidden[i + 1] || shown[i + 2] !== hidden[i + 2]) n++;
  return n;
}
