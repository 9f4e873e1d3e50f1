import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook, sheetGrid } from '../../scripts/ingest/lib/read-xlsx';
import { columnIndex } from '../../scripts/ingest/lib/grid';
import { date } from '../../src/lib/format';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';
import { chartRows, frameworkJs, lineTip, pressOn, shownChart, splitLineTip, times } from './chart-tips';

const SOURCES = resolve(process.env.SOURCES_DIR ?? '../shared/sources');

/** The figures as the committed data hold them: the page must show exactly these. */
async function figures() {
  const rows = await sql(`SELECT id, value, source_file, source_row FROM 'data/headline_figures.parquet'`);
  return Object.fromEntries(rows.map((r) => [String(r.id), r]));
}

describe('home page', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('shows both spring-2020 figures with their sources, with JavaScript off', async () => {
    const fig = await figures();
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/');
    const ppi = page.locator('#incarcerated_ppi_2020');
    await expect.poll(() => ppi.locator('.value').textContent()).toBe('almost 2.3 million');
    await expect(ppi.locator('.value').getAttribute('data-value')).resolves.toBe(String(fig.incarcerated_ppi_2020!.value));
    await expect(ppi.locator('a').getAttribute('href')).resolves.toBe('https://www.prisonpolicy.org/reports/pie2020.html');
    expect(await ppi.textContent()).toContain('ppi/whole-pie-headlines.csv');

    const ice = page.locator('#ice_adp_2020_03');
    // ICE FY2020 workbook, sheet "Detention EOFY2020", row 85, March = 37,687.97 (SOURCES-ice.md).
    await expect.poll(() => ice.locator('.value').textContent()).toBe('37,688');
    expect(await ice.textContent()).toContain('March 2020');
    expect(await ice.textContent()).toContain('FY20-detentionstats.xlsx');
    expect(await ice.textContent()).toContain('row 85');
    await expect(ice.locator('a').getAttribute('href')).resolves.toBe('https://www.ice.gov/detain/detention-management');
    await close();
  });

  it('shows the latest ICE figure from the newest workbook, as its raw cell holds it', async () => {
    // The cell the ingest cites (whichever release is newest), read here from the raw workbook.
    const [ref] = await sql<{ source_file: string; source_sheet: string; source_row: number; source_column: string; as_of: string }>(
      `SELECT source_file, source_sheet, source_row::INT AS source_row, source_column, as_of::VARCHAR AS as_of FROM 'data/headline_figures.parquet' WHERE id = 'ice_detained_latest'`,
    );
    const wb = await openWorkbook(join(SOURCES, ref!.source_file), ref!.source_file);
    // A formula cell holds ICE's cached result.
    const cell = Number(sheetGrid(wb, (s) => s === ref!.source_sheet, ref!.source_file).rows[ref!.source_row - 1]![columnIndex(ref!.source_column)]);
    expect(cell).toBeGreaterThan(0);
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/');
    const latest = page.locator('#ice_detained_latest');
    await expect.poll(() => latest.locator('.value').textContent()).toBe(Math.round(cell).toLocaleString('en-US'));
    expect(await latest.textContent()).toContain(date(ref!.as_of));
    expect(await latest.textContent()).toContain(basename(ref!.source_file));
    await close();
  });

  it('checks the 2.3 million against BJS and shows the latest prison count', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/');
    // bjs/cpus16/cpus16t01.csv, 2008 row, Incarcerated Total = 2,310,300 (SOURCES.md).
    const peak = page.locator('#bjs_incarcerated_peak');
    await expect.poll(() => peak.locator('.value').textContent()).toBe('2,310,300');
    expect(await peak.textContent()).toContain('cpus16t01.csv');
    // bjs/p22st/p22stt01.csv: 2022 Total = 1,230,143.
    const prisons = page.locator('#prisoners_latest');
    await expect.poll(() => prisons.locator('.value').textContent()).toBe('1,230,143');
    expect(await prisons.textContent()).toContain('December 31, 2022');
    await close();
  });

  it('loads none of the framework and no island at first; its chart answers the keyboard with its data’s values', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/', { waitUntil: 'networkidle' });
    expect(frameworkJs(requests)).toEqual([]);
    expect(requests.filter((u) => u.includes('/_app/immutable/islands/'))).toEqual([]);
    const id = 'ice-national-monthly';
    const rows = await chartRows(site.origin, id);
    const xs = times(id, rows);
    const chart = shownChart(page.locator(`#chart-${id}`));
    await pressOn(page, chart.svg, 'End', 'PageDown');
    await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip(id, rows, xs.at(-13)!));
    expect(errors).toEqual([]);
    await close();
  });

  it('makes no request to another origin and has no axe violations', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/', { waitUntil: 'networkidle' });
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
