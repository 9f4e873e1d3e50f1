/**
 * /near in Chromium: ZIP, city and emulated geolocation searches, representatives for a ZIP
 * spanning two districts, the filled call script, and privacy: no request carries the ZIP, the
 * city or the coordinates (with JavaScript off and before the scripts load too), and none goes to
 * another origin; an address from the data that is not http(s) is shown as text, never a link.
 */
import { readFileSync } from 'node:fs';
import { geoDistance } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';
import { facilityRows, type FacilitiesFile } from '../../src/lib/map/facilities';
import { unpackCities, unpackZips, type PackedCities, type PackedZips } from '../../src/lib/geo/packed';
import { officeOf, type FacilityActionsFile } from '../../src/lib/facilities/field-office';
import { MEMBER_PLACEHOLDER } from '../../src/lib/actions/scripts';

let site: Site;
let stewart: { facility_id: string; name: string; population: number; population_measure: string; population_source: string };
beforeAll(async () => {
  site = await startSite();
  stewart = (await sql<typeof stewart>(`SELECT facility_id, name, round(population)::INT AS population, population_measure, population_source FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`))[0]!;
});
afterAll(async () => site?.close());

// What is sent: a request's address without its fragment (a browser never sends one; Playwright reports it on navigations).
const leaks = (requests: string[], needles: string[]) => requests.filter((u) => needles.some((n) => decodeURIComponent(u.replace(/#.*$/, '')).includes(n)));

describe('/near', () => {
  it('sends no ZIP with JavaScript off or before its scripts have loaded: Enter submits nothing', async () => {
    // JavaScript off: the page says the search runs on the device and needs it, and where to look instead.
    const off = await openPage(site, { javaScriptEnabled: false });
    await off.page.goto(site.origin + '/near/');
    const note = off.page.locator('#near-noscript');
    await expect.poll(() => note.textContent()).toMatch(/runs on this device[^]*needs\s+JavaScript/);
    await expect.poll(() => note.locator('a[href="/facilities/"]').count()).toBe(1);
    await expect.poll(() => note.locator('a[href="/states/"]').count()).toBe(1);
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
    await expect.poll(() => page.getByLabel('ZIP code, city or facility name').inputValue()).toBe('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.locator('ol.results li a').first().textContent()).toBe(stewart.name);
    // The search is kept in the fragment, which no request carries.
    expect(page.url()).toBe(site.origin + '/near/#zip=31815');
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
    await expect.poll(() => members.locator('a[href^="javascript:" i], a[href^=" javascript:" i], a[href^="data:" i]').count()).toBe(0);
    const text = await members.allTextContents();
    expect(text.every((t) => /contact form|website/.test(t))).toBe(true);
    await expect.poll(() => page.locator('a[href*="javascript:" i], a[href^="data:" i]').count()).toBe(0);
    await close();
  });

  it('ranks Stewart Detention Center first for its ZIP (31815), with a call script carrying its figures', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    const first = page.locator('ol.results li').first();
    await expect.poll(() => first.locator('a').textContent()).toBe(stewart.name);
    await expect(first.locator('a').getAttribute('href')).resolves.toBe(`/facilities/${stewart.facility_id}/`);
    // The same ranked facilities on the map, with the searched place marked (drawn in the page).
    const shown = await page.locator('ol.results li').count();
    await page.locator(`.near-map[data-map="idle"][data-features="${shown}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('.near-map .search-origin[aria-label="ZIP 31815"]').count()).toBe(1);
    // The call script to the ICE field office names the facility (in normal case) and its latest population.
    await page.getByText('Call the ICE field office: ask for release').click();
    const open = page.locator('details[open]').first();
    const script = await open.locator('textarea').inputValue();
    expect(script.toLowerCase()).toContain(stewart.name.toLowerCase());
    expect(script).not.toContain(stewart.name);
    expect(script).toContain(stewart.population.toLocaleString('en-US'));
    // The same caveat and source cell as its facility page (one facilities.population_measure and _source), under the script, not in it.
    expect(script).not.toContain(stewart.population_source);
    const source = await open.locator('[data-source]').textContent();
    expect(source).toContain(stewart.population_measure);
    expect(source).toContain(stewart.population_source);
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
    await expect.poll(() => page.locator('input[name="district"]').count()).toBe(2);
    await expect.poll(() => page.locator('section[aria-labelledby="reps-h"] ul.members li', { hasText: 'Senator' }).count()).toBe(2);
    // The members' letter: one, for each member listed; picking a district takes the other's representative out of the choice and the text.
    const letter = page.locator('[data-actions] details[data-letter]', { has: page.locator('summary', { hasText: 'Write to your members of Congress' }) });
    const options = () => letter.locator('select option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const listed = () => page.locator('section[aria-labelledby="reps-h"] ul.members li strong').allTextContents();
    await expect.poll(async () => (await options()).sort()).toEqual((await listed()).sort());
    await letter.locator('summary').click();
    const ny10 = (await page.locator('ul.members li[data-district="NY-10"] strong').textContent())!;
    await letter.locator('select').selectOption(ny10);
    await expect.poll(async () => (await letter.locator('textarea').inputValue()).startsWith(`Dear ${ny10},`)).toBe(true);
    await page.getByLabel('NY-12').check();
    await expect.poll(() => page.locator('ul.members li[data-district="NY-10"]').count()).toBe(0);
    await expect.poll(async () => (await options()).sort()).toEqual((await listed()).sort());
    const now = await letter.locator('select').inputValue();
    await expect.poll(async () => (await letter.locator('textarea').inputValue()).startsWith(`Dear ${now},`)).toBe(true);
    expect(await letter.locator('textarea').inputValue()).not.toContain(ny10);
    expect(leaks(requests, ['10001'])).toEqual([]);
    expect(await axe(page)).toEqual([]);
    await close();
  });

  it('explains a ZIP that is no ZCTA (20500) and suggests nearby ones', async () => {
    const { page, requests, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('20500');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.locator('.msg').first().textContent()).toContain('20500 is not a ZIP code area');
    await expect.poll(() => page.locator('.inline button').count()).toBeGreaterThan(0);
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
    await expect.poll(() => page.locator('#results-h').textContent()).toBe(`Nearest to ${f!.name}`);
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
    await expect.poll(() => page.locator('#results-h').textContent()).toBe('Nearest to Springfield, IL');
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
    await expect.poll(() => page.locator('ol.results li a').first().textContent()).toMatch(/ADELANTO/i);
    expect(leaks(requests, ['34.55', '117.44'])).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await context.close();
  });
});

/**
 * Issue 18: the actions are about places that hold people. The ZIP, the city and the expected
 * facilities come from the built site's own look-up files and the committed data, not from one
 * release: a ZIP whose nearest ICE record held no one at the latest count.
 */
describe('/near actions: the nearest facility that held people, any result by choice', () => {
  const built = (file: string) => JSON.parse(readFileSync(`build/data/${file}`, 'utf8'));
  const rows = () => facilityRows(built('geo/facilities.json') as FacilitiesFile);
  const { zips, districts: zd } = unpackZips(built('geo/zips.json') as PackedZips);
  const cities = unpackCities(built('geo/cities.json') as PackedCities);
  const dist = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => geoDistance([a.lon, a.lat], [b.lon, b.lat]);
  const closest = <T extends { lat: number; lon: number }>(p: { lat: number; lon: number }, list: T[]) => list.reduce((m, x) => (dist(p, x) < dist(p, m) ? x : m));
  const zipPoint = (z: string) => ({ lat: zips.lat[zips.zip.indexOf(z)]!, lon: zips.lon[zips.zip.indexOf(z)]! });
  /** The districts of the 3 ZIP areas nearest a point, by brute force (what the page must estimate). */
  const districtsNear = (p: { lat: number; lon: number }) => {
    const located = zd.zcta.map((z) => ({ z, ...zipPoint(z) })).sort((a, b) => dist(p, a) - dist(p, b)).slice(0, 3);
    return { zctas: located.map((l) => l.z), districts: [...new Set(located.flatMap((l) => zd.districts[zd.zcta.indexOf(l.z)]!.split('|')))].sort() };
  };

  /** A ZIP whose nearest ICE record held no one, and whose nearest that held people is another (78701 when the data still say so). */
  function caseZip() {
    const ice = rows().filter((f) => f.kind === 'ice');
    const held = ice.filter((f) => f.status === 'holding people');
    const check = (zip: string) => {
      const p = zipPoint(zip);
      const any = closest(p, ice);
      const target = closest(p, held);
      return any.status !== 'holding people' && any.id !== target.id ? { zip, any, target } : null;
    };
    const found = check('78701') ?? ice.filter((f) => f.status !== 'holding people').map((f) => check(closest(f, zips.zip.map((z) => ({ z, ...zipPoint(z) }))).z)).find(Boolean);
    if (!found) throw new Error('no ZIP in the built data whose nearest ICE record held no one');
    return found;
  }

  const recorded = (page: import('playwright-core').Page) => {
    const sent: string[] = [];
    page.on('request', (r) => sent.push(r.url().replace(/#.*$/, ''), JSON.stringify(r.headers()), r.postData() ?? ''));
    return sent;
  };
  const lower = (s: string | null) => (s ?? '').toLowerCase();

  it('puts the first action on the nearest ICE facility that held people, with its figure and source; “Act on this one” moves the actions', async () => {
    const { zip, any, target } = caseZip();
    const [t] = await sql<{ name: string; population: number; population_source: string; population_measure: string }>(
      `SELECT name, round(population)::INT AS population, population_source, population_measure FROM 'data/facilities.parquet' WHERE facility_id = '${target.id}'`,
    );
    const office = officeOf(built('geo/facility-actions.json') as FacilityActionsFile, target.id);
    const { page, requests, errors, close } = await openPage(site, { width: 390 });
    const sent = recorded(page);
    await page.goto(site.origin + '/near/');
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel('ZIP code, city or facility name').fill(zip);
    await page.getByRole('button', { name: 'Find' }).click();

    // "What you can do", above the map and the list: the facility that held people, its figure and the cell it comes from.
    const first = page.locator('#what-you-can-do');
    const about = await first.locator('[data-about]').textContent();
    expect(about).toMatch(/^\s*The nearest ICE facility that held people in the latest data is/);
    expect(lower(about)).toContain(lower(t!.name));
    expect(about).toContain(t!.population.toLocaleString('en-US'));
    await expect.poll(() => first.locator('.src').textContent()).toContain(t!.population_source);
    if (office?.office.phone) await expect.poll(() => first.locator('[data-first-action="call-office"] a[href^="tel:"]').textContent()).toBe(office.office.phone);
    else if (office) await expect.poll(() => first.locator('[data-first-action="write-office"]').textContent()).toContain('lists no phone number');
    // It comes before the map and the list, near the top on a phone.
    const y = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
    expect(await y('#what-you-can-do')).toBeLessThan(await y('.near-map'));
    expect(await y('#what-you-can-do')).toBeLessThan(await y('ol.results'));
    // The actions panel says which facility and why; the nearest ICE record (no one held) is listed, not acted on.
    await expect.poll(() => page.locator('[data-why]').textContent()).toMatch(/nearest ICE facility that held people/);
    expect(lower(await page.locator('[data-why]').textContent())).toContain(lower(t!.name));
    // Marked in the list when it is among the results shown; never the nearest record where no one was held.
    if (await page.locator(`ol.results li[data-id="${target.id}"]`).count()) await expect.poll(() => page.locator(`ol.results li[data-id="${target.id}"] [data-current]`).count()).toBe(1);
    await expect.poll(() => page.locator(`ol.results li[data-id="${any.id}"] [data-current]`).count()).toBe(0);
    const texts = () => page.locator('[data-actions] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    // The members' texts name the first member (filled in by the page's enhancement), never the placeholder.
    await expect.poll(async () => (await texts()).filter((s) => s.includes(MEMBER_PLACEHOLDER))).toEqual([]);
    const scripts = await texts();
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) {
      expect(lower(s)).toContain(lower(t!.name));
      expect(s).not.toContain(t!.population_source);
      expect(s).not.toMatch(/\b0 people|where 0\b/);
    }
    expect(page.url()).toBe(`${site.origin}/near/#zip=${zip}`);
    expect(await axe(page)).toEqual([]);

    // Act on another result: the nearest ICE record if listed, else the first result that is not the target.
    const other = (await page.locator(`ol.results li[data-id="${any.id}"]`).count()) ? any.id : await page.locator(`ol.results li:not([data-id="${target.id}"])`).first().getAttribute('data-id');
    const li = page.locator(`ol.results li[data-id="${other}"]`);
    const otherName = await li.locator('a').first().textContent();
    await li.getByRole('button', { name: /^Act on this one/ }).focus();
    await page.keyboard.press('Enter'); // a real button: the keyboard works
    await expect.poll(() => page.locator('[data-announce]').textContent()).toMatch(/^The actions are now about .*which you chose/);
    expect(lower(await page.locator('[data-announce]').textContent())).toContain(lower(otherName));
    await expect.poll(() => li.locator('[data-current]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-why]').textContent()).toContain('which you chose');
    expect(lower(await page.locator('[data-why]').textContent())).toContain(lower(otherName));
    await expect.poll(() => first.locator('[data-about]').textContent()).toMatch(/^\s*You chose/);
    // Another facility's texts are new ones: the chosen member is filled into them too.
    await expect.poll(async () => (await texts()).every((s) => lower(s).includes(lower(otherName)) && !s.includes(MEMBER_PLACEHOLDER))).toBe(true);
    const moved = await texts();
    for (const s of moved) {
      expect(lower(s)).toContain(lower(otherName));
      expect(s).not.toMatch(/\b0 people|where 0\b/);
    }
    expect(await axe(page)).toEqual([]);
    expect(leaks(sent, [zip])).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('reopens the search from the address fragment (/near/#zip=…), which no request carries', async () => {
    const { zip, target } = caseZip();
    const { page, errors, close } = await openPage(site);
    const sent = recorded(page);
    await page.goto(`${site.origin}/near/#zip=${zip}`);
    await expect.poll(() => page.locator('#results-h').textContent()).toBe(`Nearest to ZIP ${zip}`);
    await expect.poll(() => page.getByLabel('ZIP code, city or facility name').inputValue()).toBe(zip);
    expect(lower(await page.locator('[data-why]').textContent())).toContain(lower(target.name));
    // A facility link and a city link reopen the same way; editing the fragment searches again.
    await page.evaluate(() => (location.hash = '#facility=stwrtga'));
    await expect.poll(() => page.locator('#results-h').textContent()).toBe(`Nearest to ${stewart.name}`);
    expect(leaks(sent, [zip, 'stwrtga'])).toEqual([]);
    // The recorder does hear a ZIP a request would carry (a planted one).
    await page.evaluate((z) => fetch(`/data/geo/zips.json?near=${z}`), zip);
    expect(leaks(sent, [zip])).toHaveLength(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('gives the members of Congress for a city (Elizabeth, NJ), estimated from the nearest ZIP areas, and keeps the city in the fragment', async () => {
    const c = cities.city.findIndex((n, i) => n === 'Elizabeth' && cities.state[i] === 'NJ');
    expect(c).toBeGreaterThanOrEqual(0);
    const expected = districtsNear({ lat: cities.lat[c]!, lon: cities.lon[c]! });
    const { page, close } = await openPage(site);
    const sent = recorded(page);
    await page.goto(site.origin + '/near/');
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel('ZIP code, city or facility name').fill('Elizabeth, NJ');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => page.locator('#reps-h').textContent()).toBe('Who represents the area around Elizabeth, NJ');
    const reps = await page.locator('section[aria-labelledby="reps-h"] ul.members li[data-district]:not([data-district=""])').evaluateAll((els) => els.map((e) => e.getAttribute('data-district')));
    expect(reps.sort()).toEqual(expected.districts);
    await expect.poll(() => page.locator('section[aria-labelledby="reps-h"] ul.members li', { hasText: 'Senator' }).count()).toBe(2);
    const note = page.locator('[data-estimate]');
    await expect.poll(() => note.textContent()).toMatch(/Estimated from the 3 ZIP code areas nearest Elizabeth, NJ/);
    for (const z of expected.zctas) await expect.poll(() => note.textContent()).toContain(z);
    await expect.poll(() => note.locator('a[href="https://www.house.gov/representatives/find-your-representative"]').count()).toBe(1);
    // The actions address the same members: one call script, each member with a phone to choose.
    await expect.poll(() => page.locator('[data-actions] summary', { hasText: 'Call your members of Congress' }).count()).toBe(1);
    const phoned = await page.locator('section[aria-labelledby="reps-h"] ul.members li', { has: page.locator('a[href^="tel:"]') }).locator('strong').allTextContents();
    expect(phoned.length).toBeGreaterThanOrEqual(reps.length);
    await expect.poll(() => page.getByLabel('Calling').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(phoned);
    expect(page.url()).toBe(`${site.origin}/near/#city=Elizabeth,%20NJ`);
    expect(leaks(sent, ['Elizabeth', 'elizabeth', ...expected.zctas])).toEqual([]);
    await close();
  });

  it('gives the members of Congress for “use my location”, and never puts the coordinates in the address or a request', async () => {
    const { zip } = caseZip();
    const at = { latitude: zipPoint(zip).lat + 0.004, longitude: zipPoint(zip).lon - 0.003 };
    const expected = districtsNear({ lat: at.latitude, lon: at.longitude });
    const context = await site.browser.newContext({ geolocation: at, permissions: ['geolocation'], serviceWorkers: 'block' });
    const page = await context.newPage();
    const sent = recorded(page);
    await page.goto(`${site.origin}/near/#zip=${zip}`);
    await page.locator('#results-h').waitFor();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => page.locator('#reps-h').textContent()).toBe('Who represents the area around your location');
    const reps = await page.locator('section[aria-labelledby="reps-h"] ul.members li[data-district]:not([data-district=""])').evaluateAll((els) => els.map((e) => e.getAttribute('data-district')));
    expect(reps.sort()).toEqual(expected.districts);
    await expect.poll(() => page.locator('[data-estimate]').textContent()).toContain('ZIP code areas nearest your location');
    // The earlier search's fragment is cleared, and no coordinates take its place.
    expect(page.url()).toBe(`${site.origin}/near/`);
    const coords = [at.latitude, at.longitude].flatMap((v) => [v.toFixed(2), v.toFixed(3), String(v)]);
    expect(leaks(sent, [zip, ...coords])).toEqual([]);
    await context.close();
  });

  it('ends every message with something to do: a ZIP no area has (00000) and a partial one', async () => {
    const { page, close } = await openPage(site);
    await page.goto(site.origin + '/near/');
    await page.locator('form[data-ready]').waitFor();
    for (const [q, end] of [['00000', /Try the ZIP of your street address, or a city name\.$/], ['787', /Type the five digits of your ZIP code, or a city name\.$/], ['', /or use your location\.$/]] as const) {
      await page.getByLabel('ZIP code, city or facility name').fill(q);
      await page.getByRole('button', { name: 'Find' }).click();
      await expect.poll(() => page.locator('.status .msg').first().textContent()).toMatch(end);
      await expect.poll(() => page.locator('.status .inline button').count()).toBe(0);
    }
    await close();
  });
});
