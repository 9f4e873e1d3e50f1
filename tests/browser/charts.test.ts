/**
 * /charts/: every national chart in its frame, read as a journalist would: by eye, by keyboard,
 * by screen reader (aria-label, text alternative, table), and by downloading its CSV, which must
 * hold exactly what the committed data hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CHARTS } from '../../src/lib/charts/registry';
import { cell } from '../../src/lib/format';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';
import { chartRows, frameworkJs, lineTip, pressOn, rowTip, shownChart, splitLineTip, times } from './chart-tips';
import { fetchChart } from '../../src/lib/charts/chart-file';
import { dataTable } from '../../src/lib/charts/data-table';

const NATIONAL = ['ice-national-annual', 'ice-national-monthly', 'ice-national-daily', 'ice-by-facility-type', 'ice-by-state', 'ice-top-facilities', 'prisoners-national', 'covid-ice', 'covid-prisons'];

const parseCsv = (text: string) => Papa.parse<Record<string, string>>(text.trim(), { header: true, skipEmptyLines: true });

describe('charts page', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('shows every national chart with a title, a labelled SVG, a text alternative with numbers and a source link, with JavaScript off', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/charts/');
    const frames = page.locator('figure.chart');
    expect(await frames.evaluateAll((fs) => fs.map((f) => f.id))).toEqual(expect.arrayContaining(NATIONAL.map((id) => `chart-${id}`)));
    for (const id of NATIONAL) {
      const f = page.locator(`#chart-${id}`);
      expect((await f.locator('.title').textContent())?.trim(), id).toBeTruthy();
      // The drawing shown is named by the text alternative, which states numbers.
      const alt = (await f.locator('.alt').textContent())!;
      expect(alt, id).toMatch(/\d/);
      expect(await f.getByRole('img', { name: alt, exact: true }).count(), id).toBe(1);
      const sources = await f.locator('.source a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(sources.length, id).toBeGreaterThan(0);
      expect(await f.locator('a.download').getAttribute('href'), id).toBe(`/charts/${id}.csv`);
    }
    await close();
  });

  it('opens each data table by keyboard, and its first row is the matching row of the CSV', async () => {
    const { page, close } = await openPage(site);
    await page.goto(site.origin + '/charts/', { waitUntil: 'networkidle' });
    for (const id of NATIONAL) {
      const f = page.locator(`#chart-${id}`);
      const details = f.locator('details.table');
      await details.locator('summary').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open), { message: id }).toBe(true);
      const first = await details.locator('tbody tr').first().locator('td').allTextContents();
      const csv = parseCsv(await (await fetch(site.origin + `/charts/${id}.csv`)).text()).data;
      // A long table shows its last rows and says so in its caption ("last 60 of 3,187 rows").
      const shown = await details.locator('tbody tr').count();
      const expected = csv[csv.length - shown]!;
      const spec = CHARTS[id]!;
      expect(first, id).toEqual(spec.columns.map((c) => cell(expected[c.field] === '' ? null : expected[c.field], c.format)));
    }
    await close();
  });

  it('downloads ice-national-annual as CSV holding the committed values as its table shows them, "not reported" as empty', async () => {
    const csv = parseCsv(await (await fetch(site.origin + '/charts/ice-national-annual.csv')).text());
    const [{ n }] = (await sql(`SELECT count(*)::INTEGER AS n FROM 'data/ice_national_annual.parquet'`)) as [{ n: number }];
    expect(csv.data.length).toBe(n);
    expect(csv.meta.fields).toEqual(CHARTS['ice-national-annual']!.columns.map((c) => c.field));
    const want = await sql(`SELECT fiscal_year::VARCHAR AS fy, source_id, adp, partial FROM 'data/ice_national_annual.parquet' WHERE fiscal_year IN (1993, 2006, 2021) ORDER BY fiscal_year, source_id`);
    const names: Record<string, string> = { 'marshall-detention': 'The Marshall Project', 'ncraig-adp': 'Nathan Craig', 'ice-workbooks': 'ICE workbooks' };
    const got = csv.data.filter((r) => ['1993', '2006', '2021'].includes(r.fiscal_year!));
    expect(got.map((r) => [r.fiscal_year, r.source, r.adp === '' ? null : Number(r.adp), r.coverage!.startsWith('partial')])).toEqual(
      // Rounded as the table shows them (the chart's format); /data/ice_national_annual.csv keeps every digit.
      want.map((w) => [w.fy, names[String(w.source_id)], w.adp === null ? null : Number(cell(Number(w.adp), 'count').replace(/,/g, '')), w.partial]),
    );
    // Nathan Craig's FY1993 cell is blank in his file: empty in the CSV, never 0.
    expect(got.find((r) => r.fiscal_year === '1993' && r.source === 'Nathan Craig')?.adp).toBe('');
  });

  it('shows a value the source did not report as "not reported" in the table, not 0', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/charts/');
    // Every chart on the page whose table (its newest rows) holds a figure the source did not report:
    // found from the chart's own data, which hold it as null.
    const ids = await page.locator('figure.chart[id^="chart-"]').evaluateAll((fs) => fs.map((f) => f.id.slice('chart-'.length)));
    let checked = 0;
    for (const id of ids) {
      const chart = await fetchChart(site.origin, id);
      if (!chart) continue;
      const table = dataTable(chart);
      const row = table.body.findIndex((r) => r.includes('not reported'));
      if (row < 0) continue;
      const cells = await page.locator(`#chart-${id} details.table tbody tr`).nth(row).locator('td').allTextContents();
      expect(cells.map((c) => c.trim()), id).toEqual(table.body[row]);
      expect(cells[table.body[row]!.indexOf('not reported')], id).not.toBe('0');
      checked++;
    }
    expect(checked).toBeGreaterThan(0); // else the page shows no unreported figure and this checks nothing
    await close();
  });

  it('loads none of the framework: the prerendered charts answer keyboard and pointer with their data’s values', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/charts/', { waitUntil: 'networkidle' });
    expect(frameworkJs(requests)).toEqual([]);

    // A line chart of several series: Home is the first time, End the last, arrows step, Esc clears.
    const annual = 'ice-national-annual';
    const rows = await chartRows(site.origin, annual);
    const xs = times(annual, rows);
    const line = shownChart(page.locator(`#chart-${annual}`));
    await pressOn(page, line.svg, 'Home');
    await expect.poll(async () => splitLineTip(await line.status.textContent())).toEqual(lineTip(annual, rows, xs[0]!));
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => splitLineTip(await line.status.textContent())).toEqual(lineTip(annual, rows, xs[1]!));
    await page.keyboard.press('End');
    await expect.poll(async () => splitLineTip(await line.status.textContent())).toEqual(lineTip(annual, rows, xs.at(-1)!));
    // The focus line and a dot per reported series are drawn at that time.
    await expect.poll(() => line.svg.locator('g.focus circle').count()).toBe(lineTip(annual, rows, xs.at(-1)!).parts.filter((p) => !p.endsWith('not reported')).length);
    await page.keyboard.press('Escape');
    await expect.poll(() => line.status.textContent()).toBe('');
    await expect.poll(() => line.svg.locator('g.focus').count()).toBe(0);

    // The pointer at the right edge of the plot is on the last time; leaving the chart clears it.
    const box = (await line.svg.boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await expect.poll(async () => splitLineTip(await line.status.textContent())).toEqual(lineTip(annual, rows, xs.at(-1)!));
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await expect.poll(() => line.status.textContent()).toBe('');

    // Bars: the arrow keys step through the rows in the table's order, and the pointer names the bar under it.
    const bars = 'ice-top-facilities';
    const barRows = await chartRows(site.origin, bars);
    const bar = shownChart(page.locator(`#chart-${bars}`));
    await pressOn(page, bar.svg, 'ArrowDown', 'ArrowDown');
    await expect.poll(() => bar.status.textContent()).toBe(rowTip(bars, barRows[1]!));
    await expect.poll(() => bar.svg.locator('g.bar.active').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => bar.status.textContent()).toBe('');
    await bar.svg.locator('g.bar rect').nth(2).hover();
    await expect.poll(() => bar.status.textContent()).toBe(rowTip(bars, barRows[2]!));
    expect(errors).toEqual([]);
    await close();
  });

  it('has no axe violations, makes no request to another origin, and fits 320 px without horizontal scroll', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/charts/', { waitUntil: 'networkidle' });
    expect(await axe(page)).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await close();

    const narrow = await openPage(site, { width: 320 });
    await narrow.page.goto(site.origin + '/charts/', { waitUntil: 'networkidle' });
    const { scroll, client } = await narrow.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    expect(offOrigin(narrow.requests, site.origin)).toEqual([]);
    await narrow.close();
  });

  it('is linked from the site navigation', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/');
    await expect.poll(() => page.locator('nav[aria-label="Site"] a[href="/charts/"]').count()).toBe(1);
    await close();
  });
});
