/**
 * The browser crawl's one visit (tests/browser/crawl.test.ts over a sample of every template,
 * `npm run crawl` over every page): load a built page in Chromium and list what is wrong with it —
 * a console error or uncaught exception, a request to another origin, a request that failed or
 * got an error status, a Content-Security-Policy violation, and (when asked) axe-core's findings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { axe, watchViolations } from './harness';

/** Every prerendered page of a build, from the build itself (each folder's index.html). */
export function builtPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('index.html') && !redirectOf(dir, f))
    .map((f) => '/' + f.replace(/index\.html$/, ''))
    .sort();
}

/** Where a former address's page sends the reader (its meta refresh), or null for a page of its own. */
export function redirectOf(dir: string, file: string): string | null {
  const m = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(readFileSync(join(dir, file), 'utf8').split('</head>')[0]!);
  return m ? m[1]! : null;
}

/**
 * A page's template: its first path segment, and the facility directory's numbered pages apart
 * from the facility pages (/facilities/page/2/ is not /facilities/stwrtga/).
 */
export const templateOf = (path: string) => {
  const [a = '', b = ''] = path.split('/').filter(Boolean);
  return b === '' ? a : a === 'facilities' && b === 'page' ? 'facilities/page' : `${a}/*`;
};

/**
 * Every page of the templates with up to `whole` pages; of larger ones (the 2,700 facility pages,
 * the 52 states, the embeds) every n-th page for about `perTemplate`, plus the `largest` biggest files (the
 * most rows, sections and charts).
 */
export function sampleOf(pages: string[], dir: string, opts = { whole: 10, perTemplate: 4, largest: 1 }): string[] {
  const groups = new Map<string, string[]>();
  for (const p of pages) groups.set(templateOf(p), [...(groups.get(templateOf(p)) ?? []), p]);
  const picked = new Set<string>();
  for (const group of groups.values()) {
    if (group.length <= opts.whole) {
      group.forEach((p) => picked.add(p));
      continue;
    }
    const step = Math.ceil(group.length / opts.perTemplate);
    group.filter((_, i) => i % step === 0).forEach((p) => picked.add(p));
    const size = (p: string) => statSync(join(dir, p, 'index.html')).size;
    [...group].sort((a, b) => size(b) - size(a)).slice(0, opts.largest).forEach((p) => picked.add(p));
  }
  return [...picked].sort();
}

/** Problems found on one page; an empty list means it is clean. `origin` is the site's address: its origin, and base path if any (a request outside it is not ours). */
export async function visit(context: BrowserContext, origin: string, path: string, opts: { axe: boolean }): Promise<string[]> {
  const page = await context.newPage();
  const problems: string[] = [];
  const own = (u: string) => u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank';
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => !own(r.url()) && problems.push(`other origin: ${r.url()}`));
  // A request cut short because the page closed is not a fault of the page.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  const violations = await watchViolations(page);
  try {
    const res = await page.goto(origin + path, { waitUntil: 'load' });
    if (!res?.ok()) problems.push(`HTTP ${res?.status()} for the page itself`);
    // Pages with the framework finish hydrating and fetching their data; framework-free ones are done at load.
    if (await page.evaluate(() => Object.keys(window).some((k) => k.startsWith('__sveltekit')))) await page.waitForLoadState('networkidle');
    problems.push(...(await violations()).map((v) => `policy violation: ${v}`));
    if (opts.axe) problems.push(...(await axe(page)).map((v) => `axe: ${v}`));
  } catch (e) {
    problems.push(`visit failed: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return problems.map((p) => `${path} ${p}`);
}

/**
 * A build served by some server, in Chromium: a small sample with a page of every template, each
 * visited with nothing failing, then the explorer answering its example with DuckDB, which reads
 * the database through that server. `root` is where the build is served (origin and base path).
 * Returns what went wrong; [] when nothing did.
 */
export async function servedSiteProblems(browser: Browser, root: string, build: string): Promise<string[]> {
  const pages = builtPages(build);
  const sample = sampleOf(pages, build, { whole: 2, perTemplate: 1, largest: 0 });
  const missing = [...new Set(pages.map(templateOf))].filter((t) => !sample.some((p) => templateOf(p) === t));
  const problems = missing.map((t) => `template ${t}: no page in the sample`);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    for (const path of sample) problems.push(...(await visit(context, root, path, { axe: false })));
    const page = await context.newPage();
    await page.goto(`${root}/explore/`);
    await page.locator('.explorer[data-db="ready"]').waitFor({ timeout: 60_000 });
    const before = Number(await page.locator('.explorer').getAttribute('data-runs'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction((n) => Number(document.querySelector('.explorer')?.getAttribute('data-runs')) > n, before, { timeout: 60_000 });
    const meta = (await page.locator('[data-testid=result-meta]').textContent()) ?? '';
    if (!/rows? in [\d,]+ ms \(DuckDB in this browser\)/.test(meta)) problems.push(`/explore/: the example was not answered by DuckDB (“${meta}”)`);
  } catch (e) {
    problems.push(`/explore/: ${(e as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return problems;
}
