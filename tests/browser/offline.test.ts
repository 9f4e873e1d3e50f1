/**
 * Offline, in Chromium with the network turned off: after one visit online, the service worker
 * serves the home page's figures, "near me" (a ZIP search ranks facilities from the saved look-up
 * files) and the facility pages the reader opened, each saying it is the copy saved on this
 * device, with the tooltips of the charts the reader used (their chart files and the tips island,
 * kept as they loaded); an address never opened gets the offline page listing what is saved; a
 * network too slow to answer within the worker's wait gets the saved copy too. Nothing goes to another origin and
 * the worker breaks no rule of the Content-Security-Policy. Nothing it saves holds a ZIP: no
 * address with a query string is ever stored, even one opened directly (/near/?q=31815).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK_TIMEOUT_MS } from '../../src/lib/offline/policy';
import { axe, offOrigin, openPage, sql, startSite, watchViolations, type Site } from './harness';
import { chartRows, lineTip, pressOn, shownChart, splitLineTip, times } from './chart-tips';

let site: Site;
let stewart: { facility_id: string; name: string; population: number };
let other: { facility_id: string; name: string };
beforeAll(async () => {
  site = await startSite();
  stewart = (await sql<typeof stewart>(`SELECT facility_id, name, round(population)::INT AS population FROM 'data/facilities.parquet' WHERE facility_id = 'stwrtga'`))[0]!;
  other = (await sql<typeof other>(`SELECT facility_id, name FROM 'data/facilities.parquet' WHERE facility_id <> 'stwrtga' ORDER BY facility_id LIMIT 1`))[0]!;
});
afterAll(async () => site?.close());

describe('offline', () => {
  it('serves the saved shell, near me and visited facility pages with the network off', async () => {
    const { page, errors, close } = await openPage(site, { serviceWorkers: 'allow' });
    const context = page.context();
    // The context hears the worker's own requests too (its install fetches the shell).
    const all: string[] = [];
    context.on('request', (r) => all.push(r.url()));
    const violations = await watchViolations(page);

    await page.goto(site.origin + '/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    expect(await violations()).toEqual([]);
    await page.goto(site.origin + `/facilities/${stewart.facility_id}/`);
    await page.locator('h1').waitFor();
    // A chart's tooltip used online (read from its chart file): the worker keeps the file and the tips island.
    const dailyKey = `facility-daily--${stewart.facility_id}`;
    const daily = await chartRows(site.origin, dailyKey);
    const dailyTip = lineTip('facility-daily', daily, times('facility-daily', daily).at(-1)!);
    const dailyChart = shownChart(page.locator('#chart-facility-daily'));
    await pressOn(page, dailyChart.svg, 'End');
    await expect.poll(async () => splitLineTip(await dailyChart.status.textContent())).toEqual(dailyTip);
    const saved = await page.evaluate(async () => (await caches.keys()).length);
    expect(saved).toBeGreaterThan(0);

    await context.setOffline(true);
    // The network really is off: a fetch the worker leaves alone (a Parquet download) fails.
    expect(await page.evaluate(() => fetch('/data/facilities.parquet').then(() => 'reached', () => 'failed'))).toBe('failed');

    // Near me: the page and its look-ups come from the device; a ZIP search ranks facilities.
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.locator('ol.results li a').first().textContent({ timeout: 20_000 })).resolves.toBe(stewart.name);
    await expect.poll(() => page.locator('#offline-note').textContent()).toContain('No connection');

    // The visited facility page, with its figures and the date it was saved.
    await page.goto(site.origin + `/facilities/${stewart.facility_id}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(stewart.name);
    await expect.poll(() => page.locator('main').textContent()).toContain(stewart.population.toLocaleString('en-US'));
    const note = await page.locator('#offline-note').textContent();
    expect(note).toMatch(/copy of the page saved on this device on .*\d{4}/);
    expect(await axe(page)).toEqual([]);
    // Its chart's tooltip, from the saved chart file.
    await pressOn(page, dailyChart.svg, 'End');
    await expect.poll(async () => splitLineTip(await dailyChart.status.textContent())).toEqual(dailyTip);

    // The home page's headline figures.
    await page.goto(site.origin + '/');
    await expect.poll(() => page.locator('h1').textContent()).toContain('in public figures');

    // A facility page never opened: the offline page, listing the visited one.
    await page.goto(site.origin + `/facilities/${other.facility_id}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('You are offline');
    await page.locator(`main a[href="/facilities/${stewart.facility_id}/"]`).waitFor();
    await expect.poll(() => page.locator(`main a[href="/facilities/${other.facility_id}/"]`).count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    expect(await violations()).toEqual([]);
    expect(offOrigin(all, site.origin)).toEqual([]);
    // The one failure is the Parquet fetch made above to show the network is off.
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await close();
  });

  it('saves no address that holds a place: a search, and /near/?q=31815 opened directly, leave no ZIP in Cache Storage', async () => {
    const { page, close } = await openPage(site, { serviceWorkers: 'allow' });
    await page.goto(site.origin + '/near/');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    // A search in the page (Enter), through the worker now in charge.
    await page.reload();
    await page.locator('form[data-ready]').waitFor();
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
    await page.getByLabel('ZIP code, city or facility name').press('Enter');
    await expect(page.locator('ol.results li a').first().textContent({ timeout: 20_000 })).resolves.toBe(stewart.name);
    // The address a no-JavaScript form, a shared link or an old bookmark would open, with a fragment too.
    for (const path of ['/near/?q=31815', '/near/?q=Lumpkin%2C%20GA', '/near/#31815']) {
      await page.goto(site.origin + path);
      await page.locator('form[data-ready]').waitFor();
    }
    // Then a page the worker keeps: once it is saved, so would be the addresses opened before it (kept in order).
    await page.goto(site.origin + '/methodology/');
    await page.waitForFunction(async () => (await caches.open('visited').then((c) => c.keys())).some((r) => new URL(r.url).pathname === '/methodology/'), null, { timeout: 30_000 });
    const saved = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(`${name} ${req.url}`);
      return out;
    });
    expect(saved.some((u) => u.endsWith('/near/'))).toBe(true);
    expect(saved.filter((u) => /31815|Lumpkin|[?#]/.test(decodeURIComponent(u)))).toEqual([]);
    await close();
  });

  it('shows the saved copy when the network is too slow to answer within the worker’s wait', async () => {
    let delay = 0;
    const slow = await startSite(undefined, { delayMs: () => delay });
    const { page, close } = await openPage(slow, { serviceWorkers: 'allow' });
    await page.goto(slow.origin + `/facilities/${stewart.facility_id}/`);
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 60_000 });
    await page.reload(); // now through the worker, which keeps a copy
    await expect.poll(() => page.locator('#offline-note').count()).toBe(0);
    delay = NETWORK_TIMEOUT_MS + 20_000;
    const t0 = Date.now();
    await page.reload({ timeout: NETWORK_TIMEOUT_MS + 10_000 });
    expect(Date.now() - t0).toBeLessThan(NETWORK_TIMEOUT_MS + 10_000);
    await expect.poll(() => page.locator('h1').textContent()).toBe(stewart.name);
    await expect.poll(() => page.locator('#offline-note').textContent()).toMatch(/saved on this device on/);
    delay = 0;
    await close();
    await slow.close();
  }, 90_000);

  it('is not installed by embeds, which live in other sites’ pages', async () => {
    const { page, close } = await openPage(site, { serviceWorkers: 'allow' });
    await page.goto(site.origin + '/embed/ice-national-monthly/', { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await close();
  });
});
