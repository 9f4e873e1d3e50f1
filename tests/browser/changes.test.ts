/**
 * /changes, its Atom feeds and each facility's history, on the committed change log
 * (static/data/changes.json, replayed from ICE's releases at build): every release listed, feeds that parse as Atom in the browser,
 * filters in the address, links that resolve. The comparisons themselves are unit-tested on
 * fixture releases (tests/unit/changes/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, offOrigin, openPage, startSite, type Site } from './harness';

let site: Site;
beforeAll(async () => (site = await startSite()));
afterAll(async () => site?.close());

const log = JSON.parse(readFileSync('static/data/changes.json', 'utf8')) as { releases: { release: string }[]; changes: { state: string | null; facility_id: string | null }[] };

describe('/changes', () => {
  it('lists every release and the changes, filters by state in the address, and is axe-clean', async () => {
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/changes/?state=TX');
    await expect.poll(() => page.locator('#releases-caption ~ tbody tr').count()).toBe(log.releases.length);
    // The filter is read from the address once the page starts: wait for it.
    await expect.poll(() => page.getByLabel('State', { exact: true }).inputValue()).toBe('TX');
    const tx = log.changes.filter((c) => c.state === 'TX').length;
    await page.getByRole('status').filter({ hasText: `${tx} of ${log.changes.length} changes in Texas` }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('a[href="/changes/tx.xml"]').count()).toBeGreaterThan(0);
    expect(await axe(page)).toEqual([]);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('serves Atom feeds, site-wide and per state, that parse with the elements Atom requires', async () => {
    const { page, close } = await openPage(site);
    await page.goto(site.origin + '/changes/');
    for (const path of ['/changes.xml', '/changes/tx.xml', '/changes/pr.xml']) {
      const res = await page.request.get(site.origin + path);
      expect(res.status(), path).toBe(200);
      expect(res.headers()['content-type']).toContain('xml');
      const text = await res.text();
      const checked = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const feed = doc.documentElement;
        const child = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name);
        return {
          error: doc.getElementsByTagName('parsererror').length > 0,
          ns: feed.namespaceURI,
          id: child(feed, 'id')[0]?.textContent ?? '',
          updated: child(feed, 'updated')[0]?.textContent ?? '',
          self: child(feed, 'link').find((l) => l.getAttribute('rel') === 'self')?.getAttribute('href') ?? '',
          author: child(feed, 'author').length,
          // RFC 4287 §4.1.1: one id, title and updated each; links as needed, at most one alternate.
          entries: child(feed, 'entry').map((e) => ['id', 'title', 'updated'].every((n) => child(e, n).length === 1) && child(e, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate').length === 1),
        };
      }, text);
      expect(checked).toMatchObject({ error: false, ns: 'http://www.w3.org/2005/Atom', author: 1 });
      expect(checked.id).toMatch(/^tag:/);
      expect(checked.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(checked.self).toBe(path);
      expect(checked.entries.every(Boolean)).toBe(true);
    }
    await close();
  });

  it("shows a facility's own history, with links that resolve", async () => {
    const { page, close } = await openPage(site);
    // A facility the change log names (which one changes with ICE's releases), with a page of its own.
    const id = log.changes.map((c) => c.facility_id).find((f) => f && existsSync(`build/facilities/${f}/index.html`))!;
    await page.goto(site.origin + `/facilities/${id}/`);
    const section = page.locator('#changes');
    await expect.poll(() => section.locator('h2').textContent()).toContain('Changes in ICE');
    await expect.poll(() => section.locator('li').count()).toBeGreaterThan(0);
    // This site's links (the publisher's pages are another origin, never fetched by the tests).
    for (const href of (await section.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))).filter((h) => h.startsWith('/'))) {
      const res = await page.request.get(site.origin + href);
      expect(res.status(), href).toBe(200);
    }
    await close();
  });
});
