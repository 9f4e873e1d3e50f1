/**
 * /near in Chromium: ZIP, city and emulated geolocation searches, representatives for a ZIP
 * spanning two districts, the filled call script, and privacy: no request carries the ZIP, the
 * city or the coordinates (with JavaScript off and before the scripts load too), and none goes to
 * another origin; an address from the data that is not http(s) is shown as text, never a link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';

let site: Site;
let stewart: { facility_id: string; name: string; population: number; population_measure: string; population_source: string };
beforeAll(async () => {
  site = await startSite();
  stewart = (await sql<typeof stewart>(`SELECT facility_id, name, round(population)::INT AS population, population_measure, population_source FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`))[0]!;
});
afterAll(async () => site?.close());

const leaks = (requests: string[], needles: string[]) => requests.filter((u) => needles.some((n) => decodeURIComponent(u).includes(n)));

describe('/near', () => {
  it('sends no ZIP with JavaScript off or before its scripts have loaded: Enter submits nothing', async () => {
    // JavaScript off: the page says the search runs on the device and needs it, and where to look instead.
    const off = await openPage(site, { javaScriptEnabled: false });
    await off.page.goto(site.origin + '/near/');
    const note = off.page.locator('#near-noscript');
    await expect(note.textContent()).resolves.toMatch(/runs on this device[^]*needs\s+JavaScript/);
    await expect(note.locator('a[href="/facilities/"]').count()).resolves.toBe(1);
    await expect(note.locator('a[href="/states/"]').count()).resolves.toBe(1);
    await off.page.getByLabel('ZIP code, city or facility name').fill('31815');
    // Playwright waits for any navigation a key press or click starts: a submitted form would be fetched here.
    await off.page.getByLabel('ZIP code, city or facility name').press('Enter');
    await off.page.getByRole('button', { name: 'Find' }).click();
    expect(leaks(off.requests, ['31815'])).toEqual([]);
    expect(off.page.url()).toBe(site.origin + '/near/');
    await note.locator('a[href="/facilities/"]').click();
    await off.page.waitForURL(site.origin + '/facilities/');
    expect(leaks(off.requests, ['31815'])).toEqual([]);
    await off.close();

    // JavaScript on, the page's scripts held back: the prerendered form, typed into and submitted before hydration.
    const { page, requests, errors, close } = await openPage(site);
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => (await held, route.continue()));
    await page.goto(site.origin + '/near/', { waitUntil: 'domcontentloaded' });
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
    await page.getByLabel('ZIP code, city or facility name').press('Enter');
    await page.getByRole('button', { name: 'Find' }).click();
    expect(leaks(requests, ['31815'])).toEqual([]);
    expect(page.url()).toBe(site.origin + '/near/');
    expect(await page.locator('form[data-ready]').count()).toBe(0); // still not hydrated
    release();
    // Once the scripts run, the ZIP typed early is searched in the page.
    await page.locator('form[data-ready]').waitFor();
    await expect(page.getByLabel('ZIP code, city or facility name').inputValue()).resolves.toBe('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.locator('ol.results li a').first().textContent()).resolves.toBe(stewart.name);
    expect(page.url()).toBe(site.origin + '/near/');
    expect(leaks(requests, ['31815'])).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows a legislator’s address that is not http(s) (javascript:, data:) as text, not a link', async () => {
    const { page, close } = await openPage(site);
    // The members of Congress file as a source could publish it: every address replaced by a script URL.
    await page.route(/\/data\/legislators\.json$/, async (route) => {
      const file = (await (await route.fetch()).json()) as { members: { url: string | null; contact_form: string | null }[] };
      for (const [i, m] of file.members.entries()) [m.url, m.contact_form] = i % 2 ? ['data:text/html,<script>alert(1)</script>', null] : ['https://example.org/', ' javascript:alert(document.domain)'];
      await route.fulfill({ json: file });
    });
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    const members = page.locator('ul.members li');
    await members.first().waitFor();
    await expect(members.locator('a[href^="javascript:" i], a[href^=" javascript:" i], a[href^="data:" i]').count()).resolves.toBe(0);
    const text = await members.allTextContents();
    expect(text.every((t) => /contact form|website/.test(t))).toBe(true);
    await expect(page.locator('a[href*="javascript:" i], a[href^="data:" i]').count()).resolves.toBe(0);
    await close();
  });

  it('ranks Stewart Detention Center first for its ZIP (31815), with a call script carrying its figures', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    const first = page.locator('ol.results li').first();
    await expect(first.locator('a').textContent()).resolves.toBe(stewart.name);
    await expect(first.locator('a').getAttribute('href')).resolves.toBe(`/facilities/${stewart.facility_id}/`);
    // The same ranked facilities on the map, with the searched place marked (drawn in the page).
    const shown = await page.locator('ol.results li').count();
    await page.locator(`.near-map[data-map="idle"][data-features="${shown}"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator('.near-map .search-origin[aria-label="ZIP 31815"]').count()).resolves.toBe(1);
    // The call script to the ICE field office names the facility and its latest population.
    await page.getByText('Call the ICE field office: ask for release').click();
    const script = await page.locator('details[open] textarea').first().inputValue();
    expect(script).toContain(stewart.name);
    expect(script).toContain(stewart.population.toLocaleString('en-US'));
    // The same caveat and source cell as its facility page (one facilities.population_measure and _source).
    expect(script).toContain(stewart.population_measure);
    expect(script).toContain(stewart.population_source);
    expect(leaks(requests, ['31815'])).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows both districts of a ZIP that spans two (10001: NY-10 and NY-12) and asks which', async () => {
    const { page, requests, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('10001');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('#reps-h').waitFor();
    const reps = await page.locator('ul.members li[data-district]:not([data-district=""])').evaluateAll((els) => els.map((e) => e.getAttribute('data-district')));
    expect(reps.sort()).toEqual(['NY-10', 'NY-12']);
    await expect(page.locator('input[name="district"]').count()).resolves.toBe(2);
    await expect(page.locator('section[aria-labelledby="reps-h"] ul.members li', { hasText: 'Senator' }).count()).resolves.toBe(2);
    await page.getByLabel('NY-12').check();
    await expect(page.locator('ul.members li[data-district="NY-10"]').count()).resolves.toBe(0);
    expect(leaks(requests, ['10001'])).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('explains a ZIP that is no ZCTA (20500) and suggests nearby ones', async () => {
    const { page, requests, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('20500');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.locator('.msg').first().textContent()).resolves.toContain('20500 is not a ZIP code area');
    await expect(page.locator('.inline button').count()).resolves.toBeGreaterThan(0);
    expect(leaks(requests, ['20500'])).toEqual([]);
    await close();
  });

  it('finds a facility by a name it had in another source (a former name sharing no word with its own), and ranks from it', async () => {
    const [f] = await sql<{ facility_id: string; name: string; other: string }>(`
      SELECT facility_id, name, split_part(other_names, '; ', 1) AS other FROM 'data/facilities.parquet'
      WHERE other_names IS NOT NULL AND latitude IS NOT NULL AND kind = 'ice'
        AND NOT list_has_any(string_split(upper(name), ' '), string_split(upper(split_part(other_names, '; ', 1)), ' '))
      ORDER BY population DESC NULLS LAST, facility_id LIMIT 1`);
    expect(f, 'a facility with a former name in the committed data').toBeDefined();
    const { page, requests, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill(f!.other);
    await page.getByRole('button', { name: 'Find' }).click();
    // One match is searched at once; several (a city of that name too) are offered as choices.
    const choice = page.getByRole('button', { name: new RegExp(`^${f!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await Promise.race([page.locator('#results-h').waitFor(), choice.waitFor()]);
    if (await choice.count()) await choice.click();
    await expect(page.locator('#results-h').textContent()).resolves.toBe(`Nearest to ${f!.name}`);
    await expect(page.locator('ol.results li a').first().getAttribute('href')).resolves.toBe(`/facilities/${f!.facility_id}/`);
    expect(leaks(requests, [f!.other, encodeURIComponent(f!.other)])).toEqual([]);
    await close();
  });

  it('asks which state for an ambiguous city, then ranks from it', async () => {
    const { page, requests, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('Springfield');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Springfield, IL' }).click();
    await expect(page.locator('#results-h').textContent()).resolves.toBe('Nearest to Springfield, IL');
    expect(leaks(requests, ['Springfield', 'springfield'])).toEqual([]);
    await close();
  });

  it('uses the browser location (emulated at Adelanto, CA) without sending it', async () => {
    const context = await site.browser.newContext({ geolocation: { latitude: 34.5594, longitude: -117.4422 }, permissions: ['geolocation'], serviceWorkers: 'block' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(site.origin + '/near/');
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect(page.locator('ol.results li a').first().textContent()).resolves.toMatch(/ADELANTO/i);
    expect(leaks(requests, ['34.55', '117.44'])).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await context.close();
  });
});
