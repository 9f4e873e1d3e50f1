/**
 * /deaths/ in Chromium on the committed data: every row of ice_deaths listed (counted from the
 * Parquet file here), each with its source document, a filter that narrows the list to the rows
 * the data says, the whole list already there without JavaScript, the gap drawn as a break, axe
 * clean, and the layout check at 390 and 1280 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';
import { checkLayout } from './layout-check';

let site: Site;
let total: number;
/** The fiscal year with the most rows (any one would do; this one makes the narrowing visible). */
let year: { fy: string; n: number };
beforeAll(async () => {
  site = await startSite();
  total = Number((await sql<{ n: number }>("SELECT count(*) AS n FROM 'data/ice_deaths.parquet'"))[0]!.n);
  const rows = await sql<{ fy: string; n: number }>("SELECT CAST(fiscal_year AS VARCHAR) AS fy, count(*) AS n FROM 'data/ice_deaths.parquet' GROUP BY 1 ORDER BY n DESC, fy LIMIT 1");
  year = { fy: rows[0]!.fy, n: Number(rows[0]!.n) };
});
afterAll(() => site?.close());

describe('/deaths/', () => {
  it('lists every death with a source link, filters by fiscal year, and is axe-clean', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/deaths/');
    const rows = page.locator('#deaths [data-death]');
    await expect.poll(() => rows.count()).toBe(total);
    await expect.poll(() => page.locator('#deaths [data-death] a[data-source][href^="http"]').count()).toBe(total);
    await page.getByRole('combobox', { name: 'Fiscal year' }).selectOption(year.fy);
    await expect.poll(() => rows.count()).toBe(year.n);
    await page.getByRole('status').filter({ hasText: `${year.n} of ${total} rows` }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).searchParams.get('fy')).toBe(year.fy);
    expect(await axe(page)).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('draws the 2017–18 gap as a break in the line, with the incomplete years marked, not as a fall', async () => {
    const { GAP_YEARS } = await import('../../src/lib/deaths/coverage');
    // Prerendered (no JavaScript), the chart is drawn at several widths and a container query shows one: check each drawing.
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/deaths/');
    const drawings = page.locator('#chart-ice-deaths-by-year svg[data-plot=line]');
    const n = await drawings.count();
    expect(n).toBeGreaterThan(1);
    // The line is written once and every drawing shows it (<use>): one line before the gap, one after, two subpaths.
    const d = await page.locator('#chart-ice-deaths-by-year svg.defs path').first().getAttribute('d');
    expect(d!.match(/M/g)!.length).toBe(2);
    for (let i = 0; i < n; i++) {
      const chart = drawings.nth(i);
      expect(await chart.locator('use').count(), `drawing ${i}`).toBeGreaterThan(0);
      // Each incomplete year is a marked dot in every drawing; its label is where the drawing has room off the line.
      expect(await chart.locator('.annotation circle').count()).toBeGreaterThanOrEqual(GAP_YEARS.length);
    }
    // The widest drawing has room for every incomplete year's label.
    for (const fy of GAP_YEARS) await expect.poll(() => drawings.last().locator('.annotation text', { hasText: `FY${fy}: at least` }).count()).toBe(1);
    await close();
  });

  it('reads the filter from the address', async () => {
    const { page, close } = await openPage(site);
    await page.goto(`${site.origin}/deaths/?fy=${year.fy}`);
    await expect.poll(() => page.locator('#deaths [data-death]').count()).toBe(year.n);
    await close();
  });

  it('has the whole list without JavaScript', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/deaths/');
    await expect.poll(() => page.locator('#deaths [data-death]').count()).toBe(total);
    await close();
  });

  it('passes the layout check at 390 and 1280 px', async () => {
    const { page, close } = await openPage(site, { width: 390 });
    await page.goto(site.origin + '/deaths/');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await checkLayout(page), `${width} px`).toEqual([]);
    }
    await close();
  });
});
