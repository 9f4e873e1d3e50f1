/**
 * Every prerendered page of the build (its own list: each index.html under build/): every link
 * and asset it names inside the site (a chart's tooltip file and island too) resolves to a built file, nothing it loads comes from another
 * origin, and each carries the Content-Security-Policy. Read from the files (2,800 pages in a few
 * seconds). Then in Chromium: every page of every template with up to 10 pages, and a spread of
 * the larger ones (facility and state pages, embeds, with the biggest of each), loaded with no console
 * error, no failed request, no other origin, no policy violation and axe clean; `npm run crawl`
 * does the same for all 2,800.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './harness';
import { builtPages, sampleOf, templateOf, visit } from './crawl-visit';

const BUILD = process.env.BUILD_DIR ?? 'build';
const ORIGIN = 'http://site.invalid';
/** Attributes that make the browser fetch something (links are only followed when clicked). */
const LOADS: Record<string, string> = { script: 'src', img: 'src', iframe: 'src', source: 'src', audio: 'src', video: 'src' };
/** What /js/charts.js fetches on a chart's first use: a line chart's file, and the tips island (on its script tag). */
const FETCHED_LATER = ['data-tips-file', 'data-tips-module'];

interface Ref {
  tag: string;
  url: string;
  rel: string;
}

function refsOf(html: string): { refs: Ref[]; csp: string | null } {
  const refs: Ref[] = [];
  let csp: string | null = null;
  new Parser({
    onopentag(tag, a) {
      if (tag === 'meta' && a['http-equiv']?.toLowerCase() === 'content-security-policy') csp = a.content ?? null;
      const url = tag === 'a' || tag === 'link' ? a.href : LOADS[tag] ? a[LOADS[tag]!] : undefined;
      if (url !== undefined) refs.push({ tag, url, rel: a.rel ?? '' });
      for (const name of FETCHED_LATER) if (a[name] !== undefined) refs.push({ tag, url: a[name], rel: '' });
    },
  }).end(html);
  return { refs, csp };
}

/** The file a same-origin path is served from (scripts/serve.ts: a folder's index.html, or the file). */
const built = (path: string) => {
  const p = decodeURIComponent(path);
  return p.endsWith('/') ? existsSync(join(BUILD, p, 'index.html')) : existsSync(join(BUILD, p)) || existsSync(join(BUILD, p, 'index.html'));
};

describe('every prerendered page', () => {
  const pages = (readdirSync(BUILD, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html'));

  it('names only internal links and assets that exist, loads nothing from another origin, and carries the policy', () => {
    expect(pages.length).toBeGreaterThan(2700);
    const broken: string[] = [];
    const foreign: string[] = [];
    const noPolicy: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const pagePath = '/' + file.replace(/index\.html$/, '');
      const { refs, csp } = refsOf(readFileSync(join(BUILD, file), 'utf8'));
      if (!csp?.includes("default-src 'self'")) noPolicy.push(pagePath);
      for (const r of refs) {
        if (/^(mailto|tel|data|javascript):/i.test(r.url) || r.url.startsWith('#')) continue;
        const u = new URL(r.url, ORIGIN + pagePath);
        if (u.origin !== ORIGIN) {
          // A link to a publisher is fine; a script, image, frame or stylesheet from elsewhere is not.
          if (r.tag !== 'a' && !(r.tag === 'link' && /\b(alternate|canonical|license)\b/.test(r.rel))) foreign.push(`${pagePath} ${r.tag} ${r.url}`);
          continue;
        }
        checked++;
        if (!built(u.pathname)) broken.push(`${pagePath} → ${u.pathname}`);
      }
    }
    expect([...new Set(broken)].slice(0, 20)).toEqual([]);
    expect(foreign.slice(0, 20)).toEqual([]);
    expect(noPolicy.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
    // And the check can fail: a page, an asset and a download that were never built.
    for (const missing of ['/no-such-page/', '/_app/immutable/nope.js', '/data/nope.csv']) expect(built(missing), missing).toBe(false);
  });
});

describe('every template in Chromium', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite(BUILD);
  });
  afterAll(async () => site?.close());

  it('loads a spread of every template with no console error, failed request, other origin, policy violation or axe finding', async () => {
    const pages = builtPages(BUILD);
    const sample = sampleOf(pages, BUILD);
    // Every template is in the sample, and the explorer, the page with the most going on.
    expect(new Set(sample.map(templateOf))).toEqual(new Set(pages.map(templateOf)));
    expect(sample).toContain('/explore/');
    expect(sample.length).toBeGreaterThan(25);
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const problems: string[] = [];
    for (const path of sample) problems.push(...(await visit(context, site.origin, path, { axe: true })));
    await context.close();
    expect(problems).toEqual([]);
  }, 600_000);

  it('reports what it is there to find', async () => {
    // A page that does not exist, and one whose script logs an error and asks another origin for an image.
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/js/offline.js', (r) => r.fulfill({ contentType: 'text/javascript', body: "console.error('boom'); document.body.append(Object.assign(document.createElement('img'), { src: 'https://elsewhere.invalid/x.png' }))" }));
    const found = [...(await visit(context, site.origin, '/no-such-page/', { axe: false })), ...(await visit(context, site.origin, '/methodology/', { axe: false }))];
    await context.close();
    expect(found.some((p) => p.startsWith('/no-such-page/ HTTP 404'))).toBe(true);
    expect(found).toContain('/methodology/ console error: boom');
    // The policy stops the image before it is requested; its violation is what is reported.
    expect(found.some((p) => p.startsWith('/methodology/') && p.includes('https://elsewhere.invalid/x.png'))).toBe(true);
  });
});
