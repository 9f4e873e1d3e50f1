/**
 * Security headers and the Content-Security-Policy (our origin only): present as headers from the
 * npm start server and as a <meta> in every prerendered page, and nothing on any page template —
 * the explorer running DuckDB, the map, an embed — violates it. Text from data stays text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, watchViolations, type Site } from './harness';

let site: Site;
beforeAll(async () => (site = await startSite()));
afterAll(async () => site?.close());

const PAGES = ['/', '/charts/', '/facilities/', '/facilities/stwrtga/', '/states/tx/', '/data/', '/methodology/', '/changes/', '/embed/ice-national-monthly/', '/embed/facility-adp/?facility=stwrtga'];

describe('security', () => {
  it('sends security and caching headers, and lets only embeds be framed by other sites', async () => {
    const page = await fetch(site.origin + '/');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const embed = await fetch(site.origin + '/embed/ice-national-monthly/');
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const asset = (await page.text()).match(/\/_app\/immutable\/[^"]+\.js/)![0];
    expect((await fetch(site.origin + asset)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('puts the policy in every prerendered page, and no page template violates it', async () => {
    const { page, errors, close } = await openPage(site);
    const violations = await watchViolations(page);
    for (const path of PAGES) {
      await page.goto(site.origin + path, { waitUntil: 'networkidle' });
      const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(meta, path).toContain("default-src 'self'");
      expect(await violations(), path).toEqual([]);
    }
    expect(errors).toEqual([]);
    // The watcher does see a violation: an inline script the build did not hash is refused.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { textContent: 'window.__ran = 1' })));
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/)]);
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
    await close();
  });

  it('runs the map and a /near search within the policy', async () => {
    const { page, close } = await openPage(site);
    const violations = await watchViolations(page);
    await page.goto(site.origin + '/near/');
    await page.getByLabel('ZIP code or city').fill('31815');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('.near-map[data-map="idle"]').waitFor({ timeout: 30_000 });
    expect(await violations()).toEqual([]);
    await close();
  });

  it('runs DuckDB within the policy, and shows markup from a result as text', async () => {
    const { page, close } = await openPage(site);
    const violations = await watchViolations(page);
    const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await page.goto(site.origin + `/explore/?sql=${encodeURIComponent(`SELECT '${markup}' AS name`)}`);
    await page.waitForFunction(() => Number(document.querySelector('.explorer')?.getAttribute('data-runs')) > 0, null, { timeout: 60_000 });
    await expect(page.locator('.scroller tbody td').first().textContent()).resolves.toBe(markup);
    await expect(page.locator('.scroller tbody img, .scroller tbody b').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await violations()).toEqual([]);
    await close();
  });
});
