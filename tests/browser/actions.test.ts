/**
 * Actions beside facilities and charts, in Chromium: a facility page's panel (its ICE field
 * office, the members of Congress for its ZIP, call scripts and letters filled with its figures),
 * copy and mail with and without JavaScript, and the "Act on this" panel under charts. Expected
 * contacts and figures are read from the committed data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => (site = await startSite()));
afterAll(async () => site?.close());

describe('facility page actions', () => {
  it('addresses Stewart’s field office and its members of Congress, with its figures, and copies the script', async () => {
    const [f] = await sql<{ name: string; population: number; zip: string; population_source: string }>(`SELECT name, round(population)::INT AS population, zip, population_source FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`);
    const [office] = await sql<{ office_name: string; phone: string }>(`SELECT office_name, phone FROM 'data/ice_field_offices.parquet' WHERE aor_code = (SELECT aor FROM 'data/ice_facilities.parquet' WHERE facility_id = 'stwrtga')`);
    const members = await sql<{ name: string }>(`SELECT name FROM 'data/legislators.parquet' l WHERE (type = 'sen' AND state = 'GA')
                                                 OR (type = 'rep' AND (state, district) IN (SELECT (state, district) FROM 'data/zcta_districts.parquet' WHERE zcta = '${f!.zip}'))`);
    expect(members).toHaveLength(3);

    const { page, requests, errors, close } = await openPage(site);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const panel = page.locator('#actions');
    await expect.poll(() => panel.getByText(office!.office_name).count()).toBeGreaterThan(0);
    await expect.poll(() => panel.locator(`a[href^="tel:"]`, { hasText: office!.phone }).count()).toBe(1);
    const listed = await panel.locator('ul.members li strong').allTextContents();
    expect(listed).toHaveLength(3);
    for (const m of members) expect(listed.some((t) => t.includes(m.name))).toBe(true);

    // The call script: the facility, its latest population and the workbook cell it comes from.
    await panel.getByText('Call the ICE field office: ask for release').click();
    const box = panel.locator('details[open][data-letter]').first();
    const script = await box.locator('textarea').inputValue();
    // Read aloud: the name in normal case, the figure in words; the workbook cell on its own line under the script.
    expect(script.toLowerCase()).toContain(f!.name.toLowerCase());
    expect(script).toContain(f!.population.toLocaleString('en-US'));
    expect(f!.population_source).toMatch(/^ICE Detention Statistics: .*detentionstats.*row \d+$/i);
    expect(script).not.toContain(f!.population_source);
    await expect.poll(() => box.locator('[data-source]').textContent()).toContain(f!.population_source);
    await box.getByRole('button', { name: 'Copy' }).click();
    // The status follows the clipboard's promise: poll, don't read once.
    await expect.poll(() => box.getByRole('status').textContent()).toBe('Copied.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(script);

    // A letter: edited text goes into the mail link.
    await panel.getByText('Write to the ICE field office: release and free calls').click();
    const letter = panel.locator('details[open][data-letter]').nth(1);
    await letter.locator('textarea').fill('My own words about Stewart.');
    const href = await letter.locator('a[data-mail]').getAttribute('href');
    expect(href).toMatch(/^mailto:Atlanta\.Outreach@ice\.dhs\.gov\?subject=/i);
    expect(decodeURIComponent(href!.split('body=')[1]!)).toBe('My own words about Stewart.');

    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('without JavaScript: the scripts are there to edit and the mail link carries the letter; copy and print stay hidden', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    const panel = page.locator('#actions');
    await expect.poll(() => panel.locator('textarea').count()).toBeGreaterThanOrEqual(4);
    await expect.poll(() => panel.getByRole('button', { name: 'Copy' }).count()).toBe(0);
    const href = await panel.locator('a[data-mail]').first().getAttribute('href');
    expect(decodeURIComponent(href!)).toContain('Stewart Detention Center');
    await close();
  });

  it('lists every district of a facility ZIP that spans two, and says so', async () => {
    const [f] = await sql<{ facility_id: string; zip: string }>(`SELECT facility_id, zip FROM 'data/facilities.parquet' WHERE facility_id = 'ccasdca'`);
    const districts = await sql<{ d: string }>(`SELECT state || '-' || district AS d FROM 'data/zcta_districts.parquet' WHERE zcta = '${f!.zip}' ORDER BY 1`);
    expect(districts.length).toBe(2);
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/facilities/${f!.facility_id}/`);
    const reps = await page.locator('#actions ul.members li[data-district]:not([data-district=""])').evaluateAll((els) => els.map((e) => e.getAttribute('data-district')));
    expect(reps.sort()).toEqual(districts.map((d) => d.d));
    await expect.poll(() => page.locator('#actions .note').textContent()).toContain('spans 2 congressional districts');
    await close();
  });
});

describe('an office ICE lists without a phone', () => {
  it('gets no call script on the facility page: the letter, and a note that the source has no number', async () => {
    const [f] = await sql<{ facility_id: string; office_name: string; email: string }>(`
      SELECT f.facility_id, o.office_name, o.outreach_email AS email FROM 'data/facilities.parquet' f
      JOIN 'data/ice_facilities.parquet' i ON i.facility_id = f.ice_facility_id JOIN 'data/ice_field_offices.parquet' o ON o.aor_code = i.aor
      WHERE o.phone IS NULL AND f.status = 'holding people' ORDER BY f.population DESC, f.facility_id LIMIT 1`);
    expect(f, 'a facility that held people, under an office ICE lists without a phone').toBeDefined();
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/facilities/${f!.facility_id}/`);
    const panel = page.locator('#actions');
    await expect.poll(() => panel.locator('summary', { hasText: 'Call the ICE field office' }).count()).toBe(0);
    await expect.poll(() => panel.locator('summary', { hasText: 'Write to the ICE field office' }).count()).toBe(1);
    await expect.poll(() => panel.locator('[data-no-phone]').textContent()).toMatch(new RegExp(`No call script for the ${f!.office_name}: .*lists no phone number`));
    await close();
  });
});

describe('Act on this', () => {
  it('sits under every chart on /charts/, pointing to /near/ and the groups', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/charts/');
    const charts = await page.locator('figure.chart').count();
    expect(charts).toBeGreaterThan(5);
    await expect.poll(() => page.locator('figure.chart div.act a[href="/near/"]').count()).toBe(charts);
    await expect.poll(() => page.locator('figure.chart div.act a[href="https://www.detentionwatchnetwork.org/"]').count()).toBe(charts);
    await close();
  });

  it('points a facility chart to that facility’s actions', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/facilities/stwrtga/');
    await expect.poll(() => page.locator('#chart-facility-adp div.act a[href="/facilities/stwrtga/#actions"]').count()).toBe(1);
    await close();
  });
});
