/**
 * A journalist's journey: find a facility in the directory, read its figures with their source
 * cells, download a chart's rows, and read a prison ICE does not list. Expected values are read
 * from the committed data (and match the cells in ../shared/sources/SOURCES-ice.md).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';

const round = (v: unknown) => Math.round(Number(v)).toLocaleString('en-US');

describe('facility pages', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('shows Stewart’s ADP by fiscal year with its breakdowns and source cells, without JavaScript', async () => {
    const fy = await sql(`SELECT fiscal_year, adp_total, adp_male_crim, guaranteed_minimum, source_file, source_sheet, source_row FROM 'data/ice_facility_fy.parquet' WHERE facility_id = 'stwrtga' AND fiscal_year IN (2020, 2024) ORDER BY 1`);
    const [fy20, fy24] = fy;
    const { page, requests, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const td = (year: number, field: string) => page.locator(`td[data-fy="${year}"][data-field="${field}"]`).textContent().then((t) => t?.trim());
    // FY20 file, sheet "Facilities EOYFY20 ", row 8: Male Crim 746.81, Guaranteed Minimum 1600, total ≈ 1351.8.
    expect(await td(2020, 'adp_total')).toBe('1,352');
    expect(round(fy20!.adp_total)).toBe('1,352');
    expect(await td(2020, 'adp_male_crim')).toBe('747');
    expect(round(fy20!.adp_male_crim)).toBe('747');
    expect(await td(2020, 'guaranteed_minimum')).toBe('1,600');
    expect(fy20!.guaranteed_minimum).toBe(1600);
    expect(await td(2024, 'adp_total')).toBe('1,534');
    expect(round(fy24!.adp_total)).toBe('1,534');
    const source = await page.locator('#source-fy2020').textContent();
    expect(source).toContain(String(fy20!.source_file));
    expect(source).toContain(`sheet “${fy20!.source_sheet}”`);
    expect(source).toContain('row 8');
    // FY2026 is partial, and its blank inspection date says what ICE wrote.
    // The partial year's end, as the release's own workbook gives it (ice_national_annual.note), not typed in.
    const [partial] = await sql<{ note: string }>(`SELECT note FROM 'data/ice_national_annual.parquet' WHERE source_id = 'ice-workbooks' AND fiscal_year = 2026 AND partial`);
    expect(await page.locator('th[data-fy="2026"]').textContent()).toContain(`partial: ${partial!.note}`);
    expect(await td(2026, 'last_inspection_date')).toContain('not reported');
    expect(await td(2026, 'last_inspection_date')).toContain('Scheduled FY27');
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await close();
  });

  it('offers the field office under "Take action", from ICE’s list', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const actions = page.locator('#actions');
    expect(await actions.locator('h2').textContent()).toBe('Take action');
    const text = await actions.textContent();
    expect(text).toContain('The ICE field office responsible for this facility');
    expect(text).toContain('Atlanta Field Office');
    expect(text).toContain('(404) 893-1290');
    // ICE lists no phone for Dallas: the page says so rather than printing nothing.
    const [dal] = await sql(`SELECT facility_id FROM 'data/ice_facilities.parquet' WHERE aor = 'DAL' ORDER BY latest_adp DESC NULLS LAST, facility_id LIMIT 1`);
    await page.goto(`${site.origin}/facilities/${dal!.facility_id}/`);
    expect(await page.locator('#actions').textContent()).toContain('No phone listed by ICE');
    await close();
  });

  it('downloads every one of STWRTGA’s daily figures as the DDP chart’s CSV, a row per day', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const href = await page.locator('#chart-facility-daily a.download').getAttribute('href');
    expect(href).toBe('/charts/facility-daily--stwrtga.csv');
    const csv = await (await fetch(site.origin + href)).text();
    // One row per day, a column per count, as the chart's table reads them.
    const { data: got, meta } = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
    expect([...meta.fields!].sort()).toEqual(['date', 'n_detained', 'n_detained_at_midnight']);
    const want = await sql(`SELECT date::VARCHAR AS date, n_detained, n_detained_at_midnight FROM 'data/ice_facility_daily.parquet' WHERE detention_facility_code = 'STWRTGA' ORDER BY date`);
    expect(got.map((r) => r.date)).toEqual(want.map((w) => w.date));
    got.forEach((r, i) => {
      expect(Number(r.n_detained), r.date).toBe(Number(want[i]!.n_detained));
      expect(Number(r.n_detained_at_midnight), r.date).toBe(Number(want[i]!.n_detained_at_midnight));
    });
    // SOURCES-ice.md: STWRTGA on 2025-01-20, n_detained 1577, at midnight 1466.
    expect(got.find((r) => r.date === '2025-01-20')).toMatchObject({ n_detained: '1577', n_detained_at_midnight: '1466' });
    await close();
  });

  // ice_covid_facilities (the names on ICE's COVID page tied to facility ids) comes with the ingest that makes it.
  it.runIf(existsSync('data/ice_covid_facilities.parquet'))('shows ICE’s COVID-19 counts for Stewart, from the names tied to it', async () => {
    const [c] = await sql(`SELECT arg_max(c.total_confirmed, (c.date, c.total_confirmed)) FILTER (WHERE c.total_confirmed IS NOT NULL) AS confirmed,
                                  arg_max(c.deaths, (c.date, c.deaths)) FILTER (WHERE c.deaths IS NOT NULL) AS deaths
                           FROM 'data/ice_covid.parquet' c JOIN 'data/ice_covid_facilities.parquet' l USING (facility_name)
                           WHERE c.level = 'facility' AND l.facility_id = 'stwrtga'`);
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const text = await page.locator('section[aria-labelledby="covid"]').textContent();
    expect(text).toContain(`Confirmed cases since the pandemic began: ${round(c!.confirmed)}`);
    expect(text).toContain(`deaths attributed to COVID-19: ${round(c!.deaths)}`);
    expect(text).toContain('ice/ice-covid-daily/covid_by_facility.csv');
    await close();
  });

  it('opens a chart’s data table by keyboard', async () => {
    const { page, close } = await openPage(site);
    await page.goto(site.origin + '/facilities/stwrtga/');
    const details = page.locator('#chart-facility-daily details.table');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await details.locator('summary').evaluate((s) => s === document.activeElement)) break;
    }
    await page.keyboard.press('Enter');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await details.locator('tbody tr').count()).toBeGreaterThan(0);
    await close();
  });

  it('shows what UCLA gives for a prison ICE does not list, with its license', async () => {
    const { page, requests, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/ucla-100/');
    expect(await page.locator('h1').textContent()).toBe('CALIFORNIA STATE PRISON SAN QUENTIN');
    expect(await page.locator('#ucla-population dd').textContent()).toMatch(/^4,032\b/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('ucla-cbb/fac_data.csv row 75');
    expect(text).toContain('Creative Commons Attribution-NonCommercial-ShareAlike 4.0');
    expect(text).not.toContain('ICE detention here');
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await close();
  });

  it('has no axe violations, no other-origin request and no horizontal scroll at 320 px', async () => {
    for (const path of ['/facilities/', '/facilities/stwrtga/', '/facilities/ucla-100/']) {
      for (const width of [1200, 320]) {
        const { page, requests, errors, close } = await openPage(site, { width });
        await page.goto(site.origin + path, { waitUntil: 'networkidle' });
        if (width === 1200) expect(await axe(page), path).toEqual([]);
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll, `${path} at ${width}px`).toBeLessThanOrEqual(client);
        expect(offOrigin(requests, site.origin), path).toEqual([]);
        expect(errors, path).toEqual([]);
        await close();
      }
    }
  });
});

describe('facility directory', () => {
  let site: Site;
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => site?.close());

  it('narrows to Stewart as one types, and the link reaches its page', async () => {
    const { page, requests, close } = await openPage(site);
    await page.goto(site.origin + '/facilities/', { waitUntil: 'networkidle' });
    const search = page.getByLabel('Name or city');
    await search.click();
    await page.keyboard.type('stewart');
    const [{ n }] = (await sql(`SELECT count(*)::INT AS n FROM 'data/facilities.parquet'`)) as [{ n: number }];
    // A word of the name, of another name the sources give, or of the city, starting with "stewart".
    const [{ hits }] = (await sql(`SELECT count(*)::INT AS hits FROM 'data/facilities.parquet' f LEFT JOIN 'data/ice_facilities.parquet' i ON i.facility_id = f.ice_facility_id
      WHERE regexp_matches(' ' || regexp_replace(upper(f.name || ' ' || coalesce(i.other_names, '') || ' ' || coalesce(f.city, '')), '[^A-Z0-9]+', ' ', 'g'), ' STEWART')`)) as [{ hits: number }];
    await page.locator('.status').filter({ hasText: `${hits} of ${n.toLocaleString('en-US')} facilities match` }).waitFor();
    const link = page.getByRole('link', { name: 'STEWART DETENTION CENTER' });
    expect(await page.locator('main table tbody tr').count()).toBe(hits);
    expect(page.url()).toContain('?q=stewart');
    await link.click();
    await page.waitForURL('**/facilities/stwrtga/');
    expect(await page.locator('h1').textContent()).toBe('STEWART DETENTION CENTER');
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await close();
  });

  it('finds a facility by a name it had before (Fort Bliss), from the 404 page too, and says which name matched', async () => {
    const [hit] = await sql<{ facility_id: string; name: string; other: string }>(
      `SELECT i.facility_id, f.name, list_filter(string_split(i.other_names, '; '), n -> n ILIKE '%FORT BLISS%')[1] AS other FROM 'data/ice_facilities.parquet' i JOIN 'data/facilities.parquet' f USING (facility_id) WHERE i.other_names ILIKE '%FORT BLISS%'`,
    );
    expect(hit, 'a facility once named for Fort Bliss').toBeTruthy();
    const { page, close } = await openPage(site);
    // From the page a mistyped address gets, as a reader who lost a facility would.
    const missing = await page.goto(site.origin + '/facilities/no-such-facility/');
    expect(missing?.status()).toBe(404);
    await page.getByLabel('Find a facility by any name it has had, or its city').fill('fort bliss');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/facilities/?q=fort+bliss');
    await expect.poll(() => page.getByLabel('Name or city').inputValue()).toBe('fort bliss');
    const row = page.locator('main table tbody tr', { has: page.getByRole('link', { name: hit!.name, exact: true }) });
    await expect.poll(() => row.locator('.sub').first().textContent()).toBe(`also known as ${hit!.other}`);
    await row.getByRole('link').click();
    await page.waitForURL(`**/facilities/${hit!.facility_id}/`);
    await expect.poll(() => page.locator('.aka').textContent()).toContain(hit!.other);
    await close();
  });

  it('sends an earlier address of a merged facility on to its page', async () => {
    const moved = await sql<{ old: string; id: string }>(`SELECT unnest(string_split(former_ids, '; ')) AS old, facility_id AS id FROM 'data/ice_facilities.parquet' WHERE former_ids IS NOT NULL ORDER BY 1`);
    expect(moved.length).toBeGreaterThan(0);
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    for (const { old, id } of moved) {
      await page.goto(site.origin + `/facilities/${old}/`);
      await page.waitForURL(`**/facilities/${id}/`);
    }
    await close();
  });

  it('lists every facility on plain pages without JavaScript', async () => {
    const [{ n }] = (await sql(`SELECT count(*)::INT AS n FROM 'data/facilities.parquet'`)) as [{ n: number }];
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/');
    const pages = await page.locator('nav.pager a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    let rows = 0;
    for (const p of pages) {
      await page.goto(site.origin + p);
      rows += await page.locator('main table tbody tr').count();
    }
    expect(rows).toBe(n);
    await close();
  });
});
