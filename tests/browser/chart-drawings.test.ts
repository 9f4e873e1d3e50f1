/**
 * A prerendered chart is drawn at several widths and shows the one that suits its box; what the
 * drawings share is written once ($lib/charts/ChartPlot): the series paths, which each line drawing <use>s
 * mapped to its own scales, and the text alternative each drawing is labelled by. Checked at
 * viewports that show each of them, on /charts/ (several series, gaps, bars) and a facility
 * page (two daily charts, a bar chart and a map), with JavaScript off: as prerendered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRERENDERED_WIDTHS } from '../../src/lib/charts/widths';
import { openPage, startSite, type Site } from './harness';
import { checkSharedLines, linePixels } from './shared-lines';

const PAGES = ['/charts/', '/facilities/stwrtga/'];

describe('prerendered line charts', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('each of the drawings shows its lines where its scales put them, from ids unique on the page', async () => {
    const shownDrawings = new Set<string>();
    for (const path of PAGES) {
      const { page, close } = await openPage(site, { javaScriptEnabled: false });
      await page.goto(site.origin + path);
      // A box as wide as a drawing shows that drawing ($lib/charts/widths): the viewports that make
      // the chart boxes each drawing's width, from the page's margins beside a box, and a phone's.
      await page.setViewportSize({ width: 600, height: 900 });
      const margin = 600 - (await page.locator('.plot').first().evaluate((b) => b.clientWidth));
      for (const width of [320, ...PRERENDERED_WIDTHS.map((w) => w + margin)]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await checkSharedLines(page), `${path} at ${width}`).toEqual([]);
        const shown = page.locator('svg[data-plot="line"]:visible');
        const n = await shown.count();
        expect(n, `${path} at ${width}`).toBeGreaterThan(0);
        for (let i = 0; i < n; i++) {
          const svg = shown.nth(i);
          expect(await svg.locator('use').count(), `${path} at ${width}, chart ${i}`).toBeGreaterThan(0);
          await svg.scrollIntoViewIfNeeded();
          expect(await linePixels(svg), `${path} at ${width}, chart ${i}`).toBeGreaterThan(0);
          shownDrawings.add(await svg.evaluate((el) => el.getAttribute('viewBox')!.split(' ')[2]!));
        }
      }
      await close();
    }
    expect(shownDrawings.size).toBe(PRERENDERED_WIDTHS.length);
  });

  it('names each chart by its one text alternative, the one in its caption', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false, width: 390 });
    await page.goto(site.origin + '/charts/');
    const frames = page.locator('figure.chart');
    for (let i = 0; i < (await frames.count()); i++) {
      const alt = (await frames.nth(i).locator('.alt').textContent())!;
      // Hidden drawings are out of the accessibility tree: exactly one image has the name.
      expect(await frames.nth(i).getByRole('img', { name: alt, exact: true }).count(), alt).toBe(1);
    }
    await close();
  });

  it('colours the focus dots as the lines they sit on', async () => {
    const { page, errors, close } = await openPage(site, { width: 1280 });
    await page.goto(site.origin + '/facilities/stwrtga/', { waitUntil: 'networkidle' });
    const svg = page.locator('svg[data-plot="line"]:visible').first();
    const strokes = await svg.evaluate((el) => [...el.querySelectorAll('use')].map((u) => document.getElementById(u.getAttribute('href')!.slice(1))!.getAttribute('stroke')));
    await svg.focus();
    await page.keyboard.press('End');
    await expect.poll(() => svg.locator('g.focus circle').count()).toBeGreaterThan(0);
    const fills = await svg.locator('g.focus circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
    expect(fills.every((f) => strokes.includes(f))).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('reports a line whose id names nothing, an id given twice, a line put at the wrong scale and one that draws nothing', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false, width: 390 });
    await page.goto(site.origin + '/charts/');
    expect(await checkSharedLines(page)).toEqual([]);
    const svg = page.locator('svg[data-plot="line"]:visible').first();
    const use = svg.locator('use').first();
    const href = (await use.getAttribute('href'))!;

    // Another element given the path's id.
    await page.evaluate((id) => document.querySelector('.alt')!.setAttribute('id', id), href.slice(1));
    expect((await checkSharedLines(page)).map((p) => p.kind)).toContain('duplicate-id');
    await page.evaluate(() => document.querySelector('.alt')!.removeAttribute('id'));

    // The drawing shown at its width, but with the widest drawing's placement (no map).
    await svg.evaluate((el) => el.querySelector('use')!.parentElement!.setAttribute('transform', 'matrix(1 0 0 1 0 0)'));
    expect((await checkSharedLines(page)).map((p) => p.kind)).toContain('misplaced');
    await page.reload();

    // A wrong id: the line draws nothing.
    await use.evaluate((u) => u.parentElement!.querySelectorAll('use').forEach((x) => x.setAttribute('href', '#no-such-path')));
    expect((await checkSharedLines(page)).map((p) => p.kind)).toContain('unresolved');
    await svg.scrollIntoViewIfNeeded();
    expect(await linePixels(svg)).toBe(0);
    await close();
  });
});
