/**
 * A reader's tooltip on a facility's daily chart, a page that ships no framework: the page carries
 * no tooltip text, only where to read it (the chart file, /charts/<key>.json, through the tips
 * island); nothing is fetched until the reader first uses the chart; the keyboard then gives what
 * the chart file holds, formatted as the chart's table formats it (expected text built from the
 * file's rows and the spec, never typed in). Keys pressed while the file loads are applied when it
 * arrives; a file that cannot be read is said in the tooltip, never a wrong value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartFilePath } from '../../src/lib/charts/chart-file';
import { axe, offOrigin, openPage, startSite, type Site } from './harness';
import { chartRows, frameworkJs, lineTip, pressOn, shownChart, splitLineTip, times } from './chart-tips';

const ID = 'facility-daily';
const FACILITY = 'stwrtga';
const KEY = `${ID}--${FACILITY}`;
const PAGE = `/facilities/${FACILITY}/`;
const FILE = chartFilePath('', KEY);

/** Requests for the chart file or the tips island. */
const tipRequests = (requests: string[]) => requests.map((u) => new URL(u).pathname).filter((p) => p === FILE || p.includes('/islands/tips-'));

describe('a line chart’s tooltip read from its chart file', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('carries no tooltip text, fetches the file only on first use, and gives the file’s figures by keyboard', async () => {
    const rows = await chartRows(site.origin, KEY);
    const xs = times(ID, rows);
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + PAGE, { waitUntil: 'networkidle' });
    const frame = page.locator(`#chart-${ID}`);
    // The page names the file on the chart's first drawing, and carries no tooltip text for it.
    expect(await frame.locator('svg[data-tips]').count()).toBe(0);
    expect(await frame.locator('svg[data-tips-file]').evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-tips-file')))).toEqual([FILE]);
    expect(tipRequests(requests)).toEqual([]);
    expect(frameworkJs(requests)).toEqual([]);

    const chart = shownChart(frame);
    await pressOn(page, chart.svg, 'End');
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(ID, rows, xs.at(-1)!));
    await pressOn(page, chart.svg, 'ArrowLeft', 'ArrowLeft');
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(ID, rows, xs.at(-3)!));
    await page.keyboard.press('Home');
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(ID, rows, xs[0]!));
    // The focus line and a dot on each series drawn at that time.
    expect(await chart.svg.locator('g.focus line').count()).toBe(1);
    // Read once, however often it is used.
    expect(tipRequests(requests).filter((p) => p === FILE)).toEqual([FILE]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the keys pressed while the file loads, saying it is loading, and applies them when it arrives', async () => {
    const rows = await chartRows(site.origin, KEY);
    const xs = times(ID, rows);
    const { page, errors, close } = await openPage(site, { width: 390 });
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route((u) => u.pathname === FILE, async (route) => (await held, route.continue()));
    await page.goto(site.origin + PAGE);
    const chart = shownChart(page.locator(`#chart-${ID}`));
    await pressOn(page, chart.svg, 'End', 'ArrowLeft', 'PageDown', 'ArrowRight');
    await expect.poll(() => chart.status.textContent()).toBe('Loading…');
    release();
    // End, one day back, twelve back, one forward: the 13th time from the end.
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(ID, rows, xs.at(-13)!));
    expect(errors).toEqual([]);
    await close();
  });

  it('says so when the file cannot be read, and shows no figure', async () => {
    const { page, close } = await openPage(site);
    await page.route((u) => u.pathname === FILE, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(site.origin + PAGE);
    const chart = shownChart(page.locator(`#chart-${ID}`));
    await pressOn(page, chart.svg, 'End');
    await expect.poll(() => chart.status.textContent()).toMatch(/^The tooltip could not be loaded \(.*HTTP 503\)\. The chart's figures are in its data table\.$/);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => chart.status.textContent()).toMatch(/could not be loaded/);
    expect(await chart.svg.locator('g.focus').count()).toBe(0);
    await close();
  });
});
