/**
 * Security headers and the Content-Security-Policy (our origin only): present as headers from the
 * npm start server and as a <meta> in every prerendered page, and nothing on any page template —
 * the explorer running DuckDB, the map, an embed — violates it. Text from data stays text, and an
 * address from data is a link only if it is http(s): every component that makes a link from a
 * data value, rendered (as the build renders it) with `javascript:` and `data:` addresses, shows
 * their text with no link.
 */
import { render } from 'svelte/server';
import { createRawSnippet, type Component } from 'svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, watchViolations, type Site } from './harness';
import DataLink from '../../src/lib/components/DataLink.svelte';
import HeadlineFigure from '../../src/lib/components/HeadlineFigure.svelte';
import ActionPanel from '../../src/lib/actions/ActionPanel.svelte';
import ActOnThis from '../../src/lib/actions/ActOnThis.svelte';
import ChangeList from '../../src/lib/changes/ChangeList.svelte';
import ChartFrame from '../../src/lib/charts/ChartFrame.svelte';
import EmbedChart from '../../src/lib/embed/EmbedChart.svelte';
import UclaDetails from '../../src/lib/facilities/UclaDetails.svelte';
import SchemaBrowser from '../../src/lib/explore/SchemaBrowser.svelte';
import ResultView from '../../src/lib/explore/ResultView.svelte';
import { loadChart } from '../../src/lib/server/charts';
import { exploreSchema } from '../../src/lib/server/explore';
import type { Figure } from '../../src/lib/figures';
import type { Member } from '../../src/lib/actions/contacts';

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
    await page.getByLabel('ZIP code, city or facility name').fill('31815');
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
    // A linked query runs when the reader presses Run.
    await page.locator('.explorer[data-db="ready"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => Number(document.querySelector('.explorer')?.getAttribute('data-runs')) > 0, null, { timeout: 60_000 });
    await expect.poll(() => page.locator('.scroller tbody td').first().textContent()).toBe(markup);
    await expect.poll(() => page.locator('.scroller tbody img, .scroller tbody b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await violations()).toEqual([]);
    await close();
  });
});

/** Addresses a source file could hold that must never become links. */
const BAD = ['javascript:alert(1)', ' JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '/relative/path', 'not a url'];
/** The rendered HTML's links, and whether any points anywhere but http(s). */
const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]!);
const unsafe = (html: string) => hrefs(html).filter((h) => !/^(https?:\/\/|\/|#|tel:|mailto:)/i.test(h) || /^\/\/|^\/relative/.test(h));
/** Rendered as the build renders it; components reading the page (the embed panel) get the page's address. */
const page = { url: new URL('https://example.org/'), params: {}, data: {}, route: { id: '/' }, status: 200, error: null, form: null, state: {} };
const html = <P extends Record<string, unknown>>(c: Component<P>, props: P) => render(c, { props, context: new Map([['__request__', { page }]]) }).body;
const text = (t: string) => createRawSnippet(() => ({ render: () => `<span>${t}</span>` }));

describe('links from data', () => {
  it('links an http(s) address, and shows any other as its text only', () => {
    const link = (href: string) => html(DataLink, { href, children: text('the source') });
    expect(hrefs(link('https://www.ice.gov/detain'))).toEqual(['https://www.ice.gov/detain']);
    for (const bad of BAD) {
      expect(hrefs(link(bad)), bad).toEqual([]);
      expect(link(bad), bad).toContain('<span>the source</span>');
    }
  });

  it('renders no javascript: or data: link in any component that links a data value', async () => {
    const [bad] = BAD;
    const figure: Figure = { id: 'f', label: 'People held', value: 1, qualifier: null, unit: 'people', as_of: '2026-01-01', period: null, publisher: 'ICE', source_title: 'Detention statistics', source_url: bad!, source_file: 'x.xlsx', source_sheet: null, source_row: 2, source_column: 'A', method: 'm' };
    const members: Member[] = BAD.flatMap((b, i) => [
      { id: `s${i}`, name: `Senator ${i}`, type: 'sen', state: 'GA', district: null, party: null, phone: '202-224-3521', url: null, contact_form: b, address: null },
      { id: `r${i}`, name: `Rep ${i}`, type: 'rep', state: 'GA', district: 2, party: null, phone: null, url: b, contact_form: null, address: null },
    ]);
    const chart = await loadChart('ice-national-monthly');
    const badChart = { ...chart, sources: BAD.map((b, i) => ({ ...chart.sources[0]!, title: `Source ${i}`, path: b })) };
    const schema = exploreSchema().slice(0, 2).map((d) => ({ ...d, sources: BAD.map((b, i) => ({ title: `Source ${i}`, publisher: 'P', path: b })), licenses: d.licenses.map((l) => ({ ...l, path: bad! })) }));
    const ucla = { ucla_id: 1, name: 'A jail', jurisdiction: null, description: null, security: null, age: null, gender: null, state: 'GA', city: null, address: null, zip: null, county: null, county_fips: null, population_feb20: 10, population_feb20_source: null, capacity: null, capacity_source: null, operator: null, website: bad!, source_file: 'ucla.csv', source_row: 2 };
    const place = { name: 'STEWART DETENTION CENTER', city: 'LUMPKIN', state: 'GA', population: 1000, populationMeasure: 'average daily population', populationSource: null };
    const pages: [string, string][] = [
      ['HeadlineFigure', html(HeadlineFigure, { figure })],
      ['ActionPanel', html(ActionPanel, { place, members, memberSource: null })],
      ['ActOnThis', html(ActOnThis, { chart })],
      ['ChangeList', html(ChangeList, { changes: [], source: { title: 'ICE', path: bad! } })],
      ['ChartFrame', html(ChartFrame, { chart: badChart })],
      ['EmbedChart', html(EmbedChart, { chart: badChart })],
      ['UclaDetails', html(UclaDetails, { ucla, dataset: { sources: [{ title: 'UCLA', publisher: 'UCLA', path: bad! }], licenses: [{ name: 'cc', title: 'CC BY-NC-SA 4.0', path: bad! }] } as never })],
      ['SchemaBrowser', html(SchemaBrowser, { schema, onquery: () => {} })],
      ['ResultView', html(ResultView, { result: { sql: 'SELECT 1', columns: [], rows: [], rowCount: 0, ms: 1 }, datasets: schema, url: '?sql=x', caption: 'c' })],
    ];
    for (const [name, out] of pages) {
      expect(out.length, name).toBeGreaterThan(0);
      expect(unsafe(out), name).toEqual([]);
      expect(out, name).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
    // The text is still there, without the link.
    const panel = pages.find(([n]) => n === 'ActionPanel')![1];
    expect(panel).toContain('contact form');
    expect(panel).toContain('website');
    expect(pages.find(([n]) => n === 'ChartFrame')![1]).toContain('Source 0');
  });
});
