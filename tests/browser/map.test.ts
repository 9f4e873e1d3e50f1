/**
 * The facility map on the home page (GitHub issue "Journalists", Map): nothing of it loads before
 * the reader reaches it, then the map draws every located facility from our own origin; filters
 * change the list to exactly what the data hold; a facility opens from the list, a click or the
 * keyboard, and its popup links to its page; approximate locations say so; axe finds nothing;
 * it fits 320 px.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';

const BUILD = process.env.BUILD_DIR ?? 'build';
const LOCATED = `isfinite(latitude) AND isfinite(longitude)`;

const countWhere = async (where: string) =>
  Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM 'data/facilities.parquet' WHERE ${LOCATED} AND ${where}`))[0]!.n);

/** The located ICE facility farthest from any other located facility: a click on it can hit nothing else. */
async function loneFacility() {
  const rows = await sql<{ id: string; name: string; gap: number }>(`
    WITH f AS (SELECT facility_id AS id, name, kind, latitude AS lat, longitude AS lon FROM 'data/facilities.parquet' WHERE ${LOCATED})
    SELECT a.id, a.name, min((a.lat - b.lat) ^ 2 + ((a.lon - b.lon) * cos(radians(a.lat))) ^ 2) AS gap
    FROM f a JOIN f b ON a.id <> b.id
    WHERE a.kind = 'ice' AND a.lon BETWEEN -125 AND -66 AND a.lat BETWEEN 24 AND 50
    GROUP BY ALL ORDER BY gap DESC, a.id LIMIT 1`);
  return rows[0]!;
}

/** Scroll to the map (which is what loads it) and wait until it has drawn. */
async function showMap(page: Page) {
  await page.locator('#facility-map').scrollIntoViewIfNeeded();
  await page.locator('.map-wrap[data-map="idle"] canvas').waitFor({ timeout: 30_000 });
}

/** SwiftShader draws slowly on a busy 2-core machine: journeys get twice the default time. */
const SLOW = { timeout: 120_000 };

const isIdleWith = (page: Page, n: number) => page.locator(`.map-wrap[data-map="idle"][data-features="${n}"]`).waitFor({ timeout: 20_000 });

describe('facility map', () => {
  let site: Site;
  const requests: string[] = [];
  beforeAll(async () => (site = await startSite()));
  afterAll(async () => {
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await site?.close();
  });

  it('without JavaScript says so and links to the facilities page', async () => {
    const { page, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/');
    const section = page.locator('#facility-map');
    await expect.poll(() => section.locator('.fallback').textContent()).toContain('need JavaScript');
    await expect(section.locator('.fallback a').getAttribute('href')).resolves.toBe('/facilities/');
    await close();
  });

  it('loads nothing of the map before the reader reaches it, then draws every located facility', SLOW, async () => {
    const located = await countWhere('true');
    const { page, requests: reqs, errors, close } = await openPage(site);
    const js: Buffer[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('.js')) js.push(Buffer.from(await r.body().catch(() => Buffer.alloc(0))));
    });
    await page.goto(site.origin + '/', { waitUntil: 'networkidle' });
    expect(reqs.filter((u) => u.includes('/data/geo/') || u.includes('maplibre'))).toEqual([]);
    const cssBefore = reqs.filter((u) => u.endsWith('.css'));
    // The home page's JavaScript before any interaction stays within 100 KB gzip.
    const firstJs = js.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    expect(firstJs).toBeLessThan(100 * 1024);
    const before = reqs.length;

    await showMap(page);
    await isIdleWith(page, located);
    const after = reqs.slice(before);
    // The island (its code, then MapLibre's worker) came only now, from our own files.
    expect(after.some((u) => /\/_app\/immutable\/islands\/map-[\w-]+\.js$/.test(u))).toBe(true);
    expect(after.some((u) => u.includes('/_app/immutable/islands/maplibre-gl-worker'))).toBe(true);
    expect(after.some((u) => u.endsWith('/data/geo/facilities.json'))).toBe(true);
    expect(after.some((u) => u.endsWith('/data/geo/states.json'))).toBe(true);
    // MapLibre's CSS came only now, and applies.
    expect(after.filter((u) => u.endsWith('.css') && !cssBefore.includes(u)).length).toBeGreaterThan(0);
    await expect(page.locator('.maplibregl-map').evaluate((e) => getComputedStyle(e).overflow)).resolves.toBe('hidden');
    expect(Number(await page.locator('.map-wrap').getAttribute('data-rendered'))).toBeGreaterThan(100);
    await expect(page.locator('#facility-map .count').getAttribute('data-count')).resolves.toBe(String(located));
    await expect.poll(() => page.locator('#facility-map ol.list > li').count()).toBe(100);
    expect(errors).toEqual([]);
    requests.push(...reqs);
    await close();
  });

  it('loads when the reader asks for it, before reaching it: "Show the map", then "Hide the map" keeps the list', SLOW, async () => {
    const { page, requests: reqs, errors, close } = await openPage(site);
    await page.goto(site.origin + '/', { waitUntil: 'networkidle' });
    const start = page.locator('#facility-map [data-island-start]');
    await expect.poll(() => start.isVisible()).toBe(true);
    await expect.poll(() => page.locator('#facility-map .fallback').isVisible()).toBe(false);
    expect(reqs.filter((u) => u.includes('/_app/immutable/islands/'))).toEqual([]);
    // A click that does not scroll: only the press loads it.
    await start.dispatchEvent('click');
    await page.locator('.map-wrap[data-map="idle"] canvas').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Hide the map' }).click();
    await expect.poll(() => page.locator('.map-wrap').count()).toBe(0);
    await expect.poll(() => page.locator('#facility-map ol.list > li').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Show the map' }).click();
    await page.locator('.map-wrap[data-map="idle"] canvas').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    requests.push(...reqs);
    await close();
  });

  it('filters the list and the map to exactly what the data hold', SLOW, async () => {
    const { page, requests: reqs, errors, close } = await openPage(site);
    await page.goto(site.origin + '/');
    await showMap(page);
    const map = page.locator('#facility-map');

    const filters = map.getByRole('form', { name: 'Filter facilities' });
    for (const label of ['State prison', 'Federal prison', 'County jail', 'Youth facility', 'Psychiatric']) await filters.getByRole('checkbox', { name: label }).uncheck();
    await filters.getByRole('combobox', { name: 'State' }).selectOption('TX');
    const iceTx = await countWhere(`kind = 'ice' AND state = 'TX'`);
    expect(iceTx).toBeGreaterThan(10);
    await expect(map.locator('.count').getAttribute('data-count')).resolves.toBe(String(iceTx));
    await isIdleWith(page, iceTx);
    await expect.poll(() => map.locator('ol.list > li').count()).toBe(Math.min(iceTx, 100));

    await filters.getByRole('combobox', { name: 'Population' }).selectOption('500-999');
    const mid = await countWhere(`kind = 'ice' AND state = 'TX' AND round(population) >= 500 AND round(population) < 1000`);
    await expect(map.locator('.count').getAttribute('data-count')).resolves.toBe(String(mid));
    await isIdleWith(page, mid);
    await filters.getByRole('combobox', { name: 'Population' }).selectOption('none');
    const none = await countWhere(`kind = 'ice' AND state = 'TX' AND population IS NULL`);
    await expect(map.locator('.count').getAttribute('data-count')).resolves.toBe(String(none));
    if (none === 0) await expect.poll(() => map.locator('.empty').textContent()).toContain('No facility');
    expect(errors).toEqual([]);
    requests.push(...reqs);
    await close();
  });

  it('opens a facility from the list, by a click on the map and by Enter, each linking to its page', SLOW, async () => {
    const lone = await loneFacility();
    const { page, requests: reqs, errors, close } = await openPage(site);
    await page.emulateMedia({ reducedMotion: 'reduce' }); // camera moves are instant, so clicks land
    await page.goto(site.origin + '/');
    await showMap(page);
    const map = page.locator('#facility-map');
    await map.getByLabel('Name or city contains').fill(lone.name);
    const item = map.locator(`ol.list > li[data-id="${lone.id}"]`);
    await expect(item.locator('a').first().getAttribute('href')).resolves.toBe(`/facilities/${lone.id}/`);

    // From the list: the popup opens with focus on its link; Escape returns focus to the button.
    const button = item.getByRole('button', { name: `On map: ${lone.name}` });
    await button.click();
    const popup = page.locator('.maplibregl-popup .facility-popup');
    await expect.poll(() => popup.locator('.name').textContent()).toBe(lone.name);
    await expect(popup.locator('a').getAttribute('href')).resolves.toBe(`/facilities/${lone.id}/`);
    expect(await popup.locator('a').evaluate((a) => a === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

    // A click on the map, at the facility (the list button centred the map on it).
    await page.locator('.map-wrap[data-map="idle"]').waitFor();
    const box = (await page.locator('.map-wrap canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => popup.locator('.name').textContent()).toBe(lone.name);
    await page.locator('.maplibregl-popup-close-button').click();

    // The keyboard: Enter on the focused map opens the facility under the crosshair, Enter on its link opens the page.
    await page.locator('.map-wrap canvas').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => popup.locator('.name').textContent()).toBe(lone.name);
    const target = `${site.origin}/facilities/${lone.id}/`;
    await Promise.all([page.waitForURL(target), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(target);
    // Facility pages are built separately: where this build has the page, it must load cleanly;
    // where it does not yet, the link is still right and the router's "Not found" is the only error.
    if (existsSync(`${BUILD}/facilities/${lone.id}/index.html`)) {
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
      expect(errors).toEqual([]);
    } else expect(errors.filter((e) => !/not found|404/i.test(e))).toEqual([]);
    requests.push(...reqs);
    await close();
  });

  it('has no axe violations with the map and a popup shown', SLOW, async () => {
    const { page, requests: reqs, errors, close } = await openPage(site);
    await page.goto(site.origin + '/');
    await showMap(page);
    await page.locator('#facility-map ol.list > li button').first().click();
    await page.locator('.maplibregl-popup').waitFor();
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    requests.push(...reqs);
    await close();
  });

  it('fits 320 px, and marks a ZIP-centroid location as approximate in the list and the popup', SLOW, async () => {
    const approx = (await sql<{ id: string; name: string }>(
      `SELECT facility_id AS id, name FROM 'data/facilities.parquet' WHERE ${LOCATED} AND coord_approximate ORDER BY facility_id LIMIT 1`,
    ))[0]!;
    const { page, requests: reqs, close } = await openPage(site, { width: 320 });
    await page.goto(site.origin + '/');
    await showMap(page);
    await page.locator('#facility-map').getByRole('searchbox', { name: 'Name or city contains' }).fill(approx.name);
    const item = page.locator(`#facility-map ol.list > li[data-id="${approx.id}"]`);
    await expect.poll(() => item.textContent()).toContain('location approximate');
    await item.getByRole('button').click();
    await expect.poll(() => page.locator('.maplibregl-popup .approx').textContent()).toContain('approximate');
    // The map section itself (the page's datasets table above it is another matter).
    // Measured once the map has flown to the point: during the flight the popup rides along with it.
    const right = () => page.evaluate(() => Math.max(...[...document.querySelectorAll('#facility-map *')].map((e) => e.getBoundingClientRect().right)));
    await expect.poll(right, { timeout: 15_000 }).toBeLessThanOrEqual(320);
    requests.push(...reqs);
    await close();
  });
});
