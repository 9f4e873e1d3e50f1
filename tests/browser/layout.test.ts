/**
 * Every template at 320, 390, 768, 1024 and 1280 px (issue 18): no sideways scroll, no text under
 * 11 px, no text over text, nothing wider than the viewport outside a scroll container
 * (./layout-check.ts says how each is measured). One browser; each page is loaded once and its
 * widths are had by resizing the viewport, which the pages redraw for (charts measure their box).
 * Pages that hydrate are also checked with JavaScript off: what a reader sees before it runs.
 * And the check is shown able to fail: faults planted in a clean page are each reported.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, sql, startSite, type Site } from './harness';
import { checkLayout, type LayoutProblem } from './layout-check';

const WIDTHS = [320, 390, 768, 1024, 1280];

let site: Site;
/** Stewart Detention Center: long fiscal-year tables, daily, release and yearly charts. */
let stewart: { id: string; zip: string; state: string };
beforeAll(async () => {
  site = await startSite();
  const rows = await sql<typeof stewart>("SELECT facility_id AS id, zip, lower(state) AS state FROM 'data/facilities.parquet' WHERE name = 'STEWART DETENTION CENTER'");
  if (rows.length !== 1) throw new Error(`expected one Stewart Detention Center in data/facilities.parquet, found ${rows.length}`);
  stewart = rows[0]!;
});
afterAll(() => site?.close());

/** A page and what to do once it has loaded (search, run) before its layout is checked. */
interface Template {
  path: () => string;
  prepare?: (page: Page) => Promise<void>;
}

const TEMPLATES: Record<string, Template> = {
  home: { path: () => '/' },
  charts: { path: () => '/charts/' },
  // The tallest chart, with the longest labels: ICE by state.
  embed: { path: () => '/embed/ice-by-state/' },
  facility: { path: () => `/facilities/${stewart.id}/` },
  state: { path: () => `/states/${stewart.state}/` },
  states: { path: () => '/states/' },
  facilities: { path: () => '/facilities/' },
  near: {
    path: () => '/near/',
    prepare: async (page) => {
      await page.locator('form[role=search][data-ready]').waitFor();
      await page.locator('form[role=search] input').first().fill(stewart.zip);
      await page.locator('form[role=search] button[type=submit]').click();
      await page.locator('ol.results li').first().waitFor();
    },
  },
  explore: {
    path: () => '/explore/',
    // The example's answer and chart are in the page; the guided form is where a long select once widened it.
    prepare: async (page) => {
      await page.locator('[data-testid=result-meta]').waitFor();
      // Hydrated (the query becomes a textbox) before the click: the HTML preloads no module, so the
      // button is on screen a moment before it answers.
      await page.locator('.editor [role=textbox]').waitFor();
      await page.getByRole('button', { name: 'Guided', exact: true }).click();
      await page.locator('#guided-dataset').waitFor();
    },
  },
  changes: { path: () => '/changes/' },
  deaths: { path: () => '/deaths/' },
  data: { path: () => '/data/' },
  methodology: { path: () => '/methodology/' },
  offline: { path: () => '/offline/' },
  'not found': { path: () => '/no-such-page/' },
};

/** The problems of one page at every width, each line naming the page and the width. */
async function problemsAt(path: string, opts: { javaScriptEnabled?: boolean; prepare?: Template['prepare'] } = {}): Promise<string[]> {
  const { page, close } = await openPage(site, { width: WIDTHS[0], javaScriptEnabled: opts.javaScriptEnabled });
  try {
    await page.goto(site.origin + path);
    await opts.prepare?.(page);
    const found: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const p of await checkLayout(page, { scripts: opts.javaScriptEnabled !== false })) found.push(`${path} at ${width} px: ${p.kind}: ${p.detail}`);
    }
    return found;
  } finally {
    await close();
  }
}

describe('layout of every template at 320–1280 px', () => {
  for (const [name, t] of Object.entries(TEMPLATES)) {
    it(name, async () => {
      expect(await problemsAt(t.path(), { prepare: t.prepare })).toEqual([]);
    });
  }

  // Hydrating pages before (or without) their script: charts drawn at prerendered widths.
  for (const name of ['home', 'charts', 'state', 'embed'] as const) {
    it(`${name}, JavaScript off`, async () => {
      expect(await problemsAt(TEMPLATES[name]!.path(), { javaScriptEnabled: false })).toEqual([]);
    });
  }
});

describe('the layout check', () => {
  it('reports a planted overlap, small HTML text, a shrunken chart and a too-wide element', async () => {
    const { page, close } = await openPage(site, { width: 390 });
    await page.goto(site.origin + '/methodology/');
    expect(await checkLayout(page)).toEqual([]);

    await page.evaluate(() => {
      const h1 = document.querySelector('h1')!.getBoundingClientRect();
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML(
        'beforeend',
        `<p id="planted-over" style="position:absolute;margin:0;left:${h1.left + scrollX}px;top:${h1.top + scrollY}px">Planted over the heading</p>` +
          '<p id="planted-small" style="font-size:9px">Planted small text</p>' +
          // A chart drawn 720 units wide and shown 300 px wide: its 12-unit text is 5 px.
          '<svg id="planted-chart" viewBox="0 0 720 60" style="width:300px;display:block"><text x="10" y="30" font-size="12">Planted chart label</text></svg>' +
          '<div id="planted-wide" style="width:1000px;height:4px"></div>',
      );
    });
    const found = await checkLayout(page);
    const of = (kind: LayoutProblem['kind'], id: string) => found.filter((p) => p.kind === kind && p.detail.includes(id));
    expect(of('overlap', '#planted-over')).toHaveLength(1);
    expect(of('small-text', '#planted-small')[0]?.detail).toContain('9.0 px');
    expect(of('small-text', 'Planted chart label')[0]?.detail).toMatch(/ 5\.\d px$/);
    expect(of('too-wide', '#planted-wide')).toHaveLength(1);
    expect(found.filter((p) => p.kind === 'scroll')).toHaveLength(1);

    // The same wide element inside a scroll container is allowed, and no longer widens the page.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.style.overflowX = 'auto';
      document.querySelector('#planted-wide')!.replaceWith(box);
      box.append(Object.assign(document.createElement('div'), { id: 'planted-wide' }));
      (box.firstChild as HTMLElement).style.cssText = 'width:1000px;height:4px';
    });
    const after = await checkLayout(page);
    expect(after.filter((p) => p.kind === 'too-wide' || p.kind === 'scroll')).toEqual([]);
    await close();
  });
});
