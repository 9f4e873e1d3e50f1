/**
 * Stewart's page in Chromium: "Deaths recorded here" lists exactly the ice_deaths rows tied to
 * stwrtga, each with its source link, the action panel and its call script give the in-custody
 * count read from the parquet, and axe finds nothing; a state page gives its count, or says none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';

describe('deaths on a facility page', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('Stewart lists the deaths the file ties to it, with sources, and the scripts cite the count', async () => {
    const rows = await sql<{ source_row: number; source_url: string; in_custody: boolean }>(
      `SELECT source_row::INT AS source_row, source_url, in_custody FROM 'data/ice_deaths.parquet' WHERE facility_id = 'stwrtga' ORDER BY source_row`,
    );
    const custody = rows.filter((r) => r.in_custody).length;
    expect(custody).toBeGreaterThan(1);
    const { page, requests, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const items = page.locator('#deaths [data-death]');
    const shown = (await items.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-source-row'))))).sort((a, b) => a - b);
    expect(shown).toEqual(rows.map((r) => r.source_row));
    const links = await items.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-source-row'), e.querySelector('a[data-source-link]')?.getAttribute('href') ?? null])));
    expect(links).toEqual(Object.fromEntries(rows.map((r) => [String(r.source_row), r.source_url])));
    expect(await page.locator('#deaths [data-deaths-count]').getAttribute('data-deaths-count')).toBe(String(custody));
    expect(await page.locator('#actions [data-deaths-statement]').textContent()).toContain(`${custody} deaths in custody`);
    const script = await page.locator('#actions textarea').first().inputValue();
    expect(script).toContain(`${custody} deaths of people in its custody at this facility since`);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await close();
    // axe runs in the page: with JavaScript on.
    const js = await openPage(site, { width: 1200 });
    await js.page.goto(site.origin + '/facilities/stwrtga/#deaths');
    expect(await axe(js.page)).toEqual([]);
    await js.close();
  }, 120_000);

  it('a state page counts the deaths in custody the file records there, and one with none says so', async () => {
    const by = await sql<{ state: string; n: number; press: number }>(`SELECT state, count(*) FILTER (WHERE in_custody)::INT AS n, count(*) FILTER (WHERE in_custody AND source_kind = 'press report')::INT AS press
      FROM 'data/ice_deaths.parquet' GROUP BY 1 ORDER BY press > 0 DESC, n DESC, state`);
    const top = by[0]!;
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/states/${top.state.toLowerCase()}/`);
    expect(await page.locator('[data-deaths-count]').getAttribute('data-deaths-count')).toBe(String(top.n));
    // The press-report share, a sentence apart from the dates (a space was once lost before it).
    if (top.press) expect(await page.locator('[data-deaths-count]').textContent()).toMatch(new RegExp(`\\d{4} \\(${top.press} of them from press reports`));
    // A state the file never names (Vermont, if still so; else any such state with a page).
    const named = new Set(by.map((r) => r.state));
    const none = ['VT', 'WY', 'ND', 'SD', 'MT', 'NH', 'ME', 'DE'].find((s) => !named.has(s));
    if (none) {
      await page.goto(`${site.origin}/states/${none.toLowerCase()}/`);
      expect(await page.locator('[data-deaths-count]').getAttribute('data-deaths-count')).toBe('0');
      expect(await page.locator('[data-deaths-count]').textContent()).toContain('record no death in ICE custody');
    }
    await close();
  });
});
