/**
 * Journeys of a journalist checking figures: a state page, the map of states, the data catalog and
 * the methodology. Expected values come from the raw BJS table (spot values in SOURCES-other.md) or
 * are computed here with DuckDB over data/*.parquet, never copied from the pages.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { csvFile, isBulkCsv } from '../../src/lib/data/bulk';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATES_AND_DC } from '../../src/lib/geo/states';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';
import { chartRows, frameworkJs, lineTip, pressOn, rowTip, shownChart, splitLineTip, times } from './chart-tips';

interface Resource {
  name: string;
  path: string;
  csv: { path: string; bytes: number; hash: string };
  schema: { fields: { name: string }[] };
}
const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { resources: Resource[] };


const fmt = (v: number, digits = 0) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const TEMPLATES = ['/states/', '/states/tx/', '/data/', '/methodology/'];

describe('states, data catalog and methodology', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('shows Texas prisoners in 2022 and 2021 with their source, with JavaScript off', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    const res = await page.goto(site.origin + '/states/tx/');
    expect(res?.status()).toBe(200);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Texas');
    const lead = page.locator('#prisoners-latest');
    // bjs/p22st/p22stt02.csv: Texas 2022 Total = 139,631 (2021: 133,772).
    await expect.poll(() => lead.locator('[data-year="2022"]').textContent()).toBe('139,631');
    await expect.poll(() => lead.locator('[data-year="2021"]').textContent()).toBe('133,772');
    expect(await lead.textContent()).toContain('December 31, 2022');
    expect(await page.locator('section[aria-labelledby="prisons"] .source').first().textContent()).toContain('p22stt02.csv');
    // The chart's table holds every year, and the revised year is flagged beside the figures.
    const table = page.locator('#chart-state-prisoners table');
    expect(await table.textContent()).toContain('139,631');
    await expect.poll(() => page.locator('.flag.revised').count()).toBeGreaterThan(0);
    // ICE facilities link to their pages.
    const links = await page.locator('#facilities ~ div table a[href^="/facilities/"]').count();
    expect(links).toBeGreaterThan(0);
    await close();
  });

  it('a state page loads none of the framework, and its prison chart answers keyboard and pointer with its data’s values', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/states/tx/', { waitUntil: 'networkidle' });
    expect(frameworkJs(requests)).toEqual([]);
    const id = 'state-prisoners';
    const rows = await chartRows(site.origin, `${id}--tx`);
    const xs = times(id, rows);
    const chart = shownChart(page.locator(`#chart-${id}`));
    await pressOn(page, chart.svg, 'End', 'ArrowLeft');
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(id, rows, xs.at(-2)!));
    await pressOn(page, chart.svg, 'Home');
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(id, rows, xs[0]!));
    const box = (await chart.svg.boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(id, rows, xs.at(-1)!));
    expect(errors).toEqual([]);
    await close();
  });

  it('the map of states names a state’s row by keyboard and pointer (the shared chart script on a page with the framework)', async () => {
    const { page, errors, close } = await openPage(site);
    await page.goto(site.origin + '/states/', { waitUntil: 'networkidle' });
    const id = 'prisoners-by-state';
    const rows = await chartRows(site.origin, id);
    const chart = shownChart(page.locator(`#chart-${id}`));
    await pressOn(page, chart.svg, 'ArrowRight');
    await expect.poll(() => chart.status.textContent()).toBe(rowTip(id, rows[0]!));
    await expect.poll(() => chart.svg.locator('path.focus').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => chart.status.textContent()).toBe('');
    // Texas, by the pointer: its path is the one whose row is Texas's.
    const tx = rows.findIndex((r) => r.state === 'TX');
    expect(tx).toBeGreaterThanOrEqual(0);
    await chart.svg.locator(`path[data-i="${tx}"]`).hover();
    await expect.poll(() => chart.status.textContent()).toBe(rowTip(id, rows[tx]!));
    expect(errors).toEqual([]);
    await close();
  });

  it('maps every state and lists every state and DC with a link to its page', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/states/');
    const titles = await page.locator('#chart-prisoners-by-state svg path title').allTextContents();
    for (const s of STATES_AND_DC) expect(titles.filter((t) => t.startsWith(`${s.name}:`)), s.name).toHaveLength(1);
    const rows = page.locator('#states-table tbody tr');
    await expect.poll(() => rows.count()).toBe(STATES_AND_DC.length);
    const hrefs = await page.locator('#states-table tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(STATES_AND_DC.map((s) => `/states/${s.code.toLowerCase()}/`).sort());
    for (const h of hrefs) expect((await fetch(site.origin + h!)).status, h!).toBe(200);
    // The map's own data table has the same rows, and DC says "not reported", never 0.
    const dc = page.locator('#states-table tbody tr', { hasText: 'District of Columbia' });
    expect(await dc.locator('td').first().textContent()).toContain('not reported');
    await close();
  });

  it('sorts /states/ by imprisonment rate, the rates and footnote marks being the data’s, DC last', async () => {
    const { page, close } = await openPage(site);
    await page.goto(site.origin + '/states/');
    await page.getByRole('button', { name: /^Imprisonment rate per 100,000/ }).click();
    const want = await sql<{ name: string; rate: number; footnotes: string | null }>(`
      SELECT jurisdiction_name AS name, rate, footnotes FROM 'data/imprisonment_rates.parquet'
      WHERE preferred AND jurisdiction NOT IN ('US', 'FED', 'STATE')
        AND year = (SELECT max(year) FROM 'data/imprisonment_rates.parquet' WHERE jurisdiction NOT IN ('US', 'FED', 'STATE'))
      ORDER BY rate DESC, name`);
    const shown = await page.locator('#states-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelectorAll('td')[2]!.textContent!.trim()]));
    expect(shown.slice(0, want.length)).toEqual(want.map((w) => [w.name, `${fmt(w.rate)}${w.footnotes ? '†' : ''}`]));
    expect(shown.at(-1)).toEqual(['District of Columbia', 'not reported']);
    expect(await page.locator('#states-table th[aria-sort="descending"]').textContent()).toMatch(/Imprisonment rate/);
    await close();
  });

  it('lists every dataset of datapackage.json with working CSV and Parquet links', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/data/');
    for (const r of pkg.resources) {
      const block = page.locator(`article#${r.name}`);
      await expect(block.count(), r.name).resolves.toBe(1);
      const csv = await block.locator(`a[href="/data/${csvFile(r.csv.path, r.csv.bytes)}"]`).count();
      const parquet = await block.locator(`a[href="/data/${r.path}"]`).count();
      expect(csv + parquet, r.name).toBe(2);
      // Every download answers; read only the first bytes of each (the daily file is large).
      for (const path of [csvFile(r.csv.path, r.csv.bytes), r.path]) {
        const res = await fetch(`${site.origin}/data/${path}`);
        expect(res.status, path).toBe(200);
        await res.body?.cancel();
      }
    }
    // The smallest bulk CSV, served gzipped only: it unzips to the bytes whose sha256 datapackage.json gives.
    const bulk = pkg.resources.filter((x) => isBulkCsv(x.csv.bytes)).sort((a, b) => a.csv.bytes - b.csv.bytes)[0]!;
    expect(bulk, 'a dataset whose CSV is over the bulk size').toBeDefined();
    const unzipped = gunzipSync(Buffer.from(await (await fetch(`${site.origin}/data/${bulk.csv.path}.gz`)).arrayBuffer()));
    expect(`sha256:${createHash('sha256').update(unzipped).digest('hex')}`).toBe(bulk.csv.hash);
    // One CSV in full: its header is the schema's column names, in order.
    const r = pkg.resources.find((x) => x.name === 'prison_population')!;
    const text = await (await fetch(`${site.origin}/data/${r.csv.path}`)).text();
    expect(text.split('\n')[0]!.split(',')).toEqual(r.schema.fields.map((f) => f.name));
    await expect.poll(() => page.locator('a[href="/data/datapackage.json"]').count()).toBeGreaterThan(0);
    expect((await fetch(`${site.origin}/data/datapackage.json`)).status).toBe(200);
    await close();
  });

  it('shows the FY2024 facility sum against the national ADP as the data hold them', async () => {
    const [e] = await sql(`
      SELECT (SELECT sum(adp_total) FROM 'data/ice_facility_fy.parquet' WHERE fiscal_year = 2024) AS facility_sum,
             (SELECT adp FROM 'data/ice_national_annual.parquet' WHERE source_id = 'ice-workbooks' AND fiscal_year = 2024) AS national,
             (SELECT count(*) FROM 'data/ice_facility_fy.parquet' WHERE fiscal_year = 2024) AS facilities`);
    const sum = Number(e!.facility_sum);
    const national = Number(e!.national);
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/methodology/');
    const row = page.locator('#facility-sums-table tr[data-fy="2024"]');
    const cell = (f: string) => row.locator(`[data-field="${f}"]`).textContent().then((t) => t?.trim());
    await expect(cell('facility_sum')).resolves.toBe(fmt(sum));
    await expect(cell('national')).resolves.toBe(fmt(national));
    await expect(cell('difference')).resolves.toBe(fmt(national - sum));
    await expect(cell('percent')).resolves.toBe(`${fmt((100 * sum) / national, 1)}%`);
    expect(Number(await row.locator('[data-field="facility_sum"]').getAttribute('data-value'))).toBeCloseTo(sum, 6);
    expect((await row.locator('td').first().textContent())?.trim()).toBe(fmt(Number(e!.facilities)));
    // The BJS revision count is the data's.
    const [rev] = await sql(`SELECT count(revised_from) AS n FROM 'data/prison_population.parquet'`);
    expect(await page.locator('#bjs-revisions + p').textContent()).toContain(`${fmt(Number(rev!.n))} of the`);
    await close();
  });

  // axe over the long catalog page takes a while on a busy machine: one test, with its own time, per page and width.
  it.each(TEMPLATES)('%s: no axe violations, no request to another origin, no error', { timeout: 180_000 }, async (path) => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + path, { waitUntil: 'networkidle' });
    expect(await axe(page)).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it.each(TEMPLATES)('%s: fits 320 px without horizontal scrolling, and stays axe-clean there', { timeout: 180_000 }, async (path) => {
    const { page, requests, close } = await openPage(site, { width: 320 });
    await page.goto(site.origin + path, { waitUntil: 'networkidle' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await close();
  });
});
