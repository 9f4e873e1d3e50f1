/**
 * Browser tests run the built site (npm test builds it first) on a local port in Debian's
 * Chromium via playwright-core, and record every request so a test can assert none left the origin.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createSiteServer } from '../../scripts/serve';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DuckDBInstance } from '@duckdb/node-api';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * The flags every test and the bench start Chromium with. Since Chromium 156, each new window
 * (each test's browser context) also loads the address bar's WebUI popup in a renderer of its own,
 * about a second of CPU while the page under test loads: on two cores it slowed every test and
 * DuckDB's start in both pages the bench compares. A reader's browser loads it once, at start.
 */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=WebUIOmniboxPopup'];

/** Debian's Chromium, headless, with the suite's flags. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });

export interface Site {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * `onResponse` hears the body bytes sent for each path (the benchmark counts DuckDB's with it);
 * `delayMs`, asked at each request, holds the answer that long (a slow network).
 */
export async function startSite(
  dir = process.env.BUILD_DIR ?? 'build',
  opts: { onResponse?: (path: string, bytes: number) => void; delayMs?: () => number } = {},
): Promise<Site> {
  if (!existsSync(`${dir}/index.html`)) throw new Error(`no built site in ${dir}/: run npm run build (npm test does)`);
  // The shipped server (npm start's), with the test's byte counting and delay in front of it.
  const server: Server = createSiteServer(dir, {
    intercept: (req, res, handle) => {
      if (opts.onResponse) countBytes(req, res, opts.onResponse);
      const delay = opts.delayMs?.() ?? 0;
      if (delay > 0) setTimeout(handle, delay);
      else handle();
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

function countBytes(req: IncomingMessage, res: ServerResponse, report: (path: string, bytes: number) => void) {
  let sent = 0;
  const size = (chunk: unknown) => (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.length : 0);
  const write = res.write as (...args: unknown[]) => boolean;
  const end = res.end as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => ((sent += size(args[0])), write.apply(res, args))) as typeof res.write;
  res.end = ((...args: unknown[]) => ((sent += size(args[0])), end.apply(res, args))) as typeof res.end;
  res.on('finish', () => report((req.url ?? '/').split('?')[0]!, sent));
}

/**
 * A page whose requests (all of them, including blocked ones) are collected in `requests`. The
 * service worker is off unless asked for: its install saves a few megabytes in the background,
 * which every journey would otherwise repeat (tests/browser/offline.test.ts turns it on).
 */
export async function openPage(site: Site, opts: { javaScriptEnabled?: boolean; width?: number; serviceWorkers?: 'allow' | 'block' } = {}) {
  const context = await site.browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: opts.width ?? 1200, height: 900 },
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors, close: () => context.close() };
}

/**
 * A page in a browser profile of its own, on disk, as a returning reader's browser has: a fresh
 * context (openPage) keeps its HTTP cache in memory, where Chromium keeps no entry of several
 * megabytes (the 7.7 MB DuckDB wasm is fetched again), so a second visit is measured here.
 */
export async function openProfilePage() {
  const dir = mkdtempSync(join(tmpdir(), 'profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' });
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, close: async () => (await context.close(), rmSync(dir, { recursive: true, force: true })) };
}

/**
 * Until `selector` matches a shown element, checked at every frame: for a benchmark's timings. A
 * locator's waitFor checks at 0, 20, 50, 100 and 100 ms, then every 500 ms, which put up to half a
 * second of the bench's own waiting into a figure, in steps.
 */
export const untilShown = (page: Page, selector: string, timeout = 60_000) =>
  page.waitForFunction((s) => [...document.querySelectorAll(s)].some((e) => e.checkVisibility()), selector, { timeout, polling: 'raf' });

export const offOrigin = (requests: string[], origin: string) =>
  requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));

const require = createRequire(import.meta.url);

let axeCode: string | null = null;
const axeSource = () => (axeCode ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** axe-core violations at WCAG 2.1 A/AA. */
export async function axe(page: Page) {
  // Evaluated through the DevTools protocol, not added as a <script>: the pages' CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Rows of a query over the committed data (e.g. `FROM 'data/facilities.parquet'`): what a page must show. */
export async function sql<T = Record<string, unknown>>(q: string): Promise<T[]> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows = (await con.runAndReadAll(q)).getRowObjectsJson() as T[];
  con.closeSync();
  db.closeSync();
  return rows;
}

/** Every CSP violation the page reports, collected from the first script on. */
export async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}
