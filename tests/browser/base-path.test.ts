/**
 * The site built for a base path (BASE_PATH=/dashboard, as a GitHub Pages project site at
 * org.github.io/dashboard/), into its own folders (build-base/, .svelte-kit-base/; skipped when up
 * to date, and without SITE_URL so its chart images are the main build's and come from the PNG
 * cache): no file names anything of ours outside the base (./base-scan.ts), and served under
 * /dashboard/ by npm start's server and by nginx and Caddy through the generated configurations,
 * it passes the checks every server of the build passes (./server-checks.ts); with npm start's
 * server and nginx a crawl sample of every template in Chromium fails no request and the explorer
 * answers a query; a facility chart's tooltip reads its chart file and the tips island under the base. The build takes about as long as the main one (1.5–2.5 min on 2 busy cores) and is
 * skipped when up to date.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from '../../scripts/serve';
import { LOCAL_ORIGIN } from '../../src/lib/server/site';
import { chartFilePath } from '../../src/lib/charts/chart-file';
import { escapes, scanBuild } from './base-scan';
import { chartRows, lineTip, pressOn, shownChart, splitLineTip, times } from './chart-tips';
import { servedSiteProblems } from './crawl-visit';
import { launchChromium } from './harness';
import { ensure, SERVERS, type Running } from './host-servers';
import { checkServer } from './server-checks';

const BASE = '/dashboard';
const BUILD = resolve('build-base');

describe('the base-path scan', () => {
  it('finds each kind of reference that escapes the base, and passes the same under it', () => {
    const planted: [string, string][] = [
      ['.html', '<a href="/facilities/">'],
      ['.html', "<img src='/favicon.svg'>"],
      ['.html', '<meta http-equiv="refresh" content="0; url=/facilities/x/" />'],
      ['.html', '<textarea>&lt;iframe src=&quot;/embed/x/&quot;&gt;</textarea>'],
      ['.html', '<link href="//evil.example/x.css" rel="stylesheet">'],
      ['.html', '<script>import("/_app/immutable/entry/start.js")</script>'],
      ['.xml', '<link rel="alternate" href="/changes/"/>'],
      ['.css', '.x{background:url(/img.png)}'],
      ['.css', '.x{background:url("/img.png")}'],
      ['.js', 'e.innerHTML=`<a href="/near/">Near me</a>`'],
      ['.js', 'fetch("/data/geo/zips.json")'],
      ['.js', 'navigator.serviceWorker.register(`/service-worker.js`)'],
      ['.js', 'new URL("/data/geo/x.json", location.origin)'],
      ['.js', 'const w="/_app/immutable/assets/duckdb-eh.wasm"'],
      ['.json', '{"html":"<iframe src=\\"/embed/x/\\"></iframe>"}'],
      ['.json', `{"url":"${LOCAL_ORIGIN}/embed/x/"}`],
      ['.json', `{"provider_url":"${LOCAL_ORIGIN}"}`],
    ];
    for (const [ext, text] of planted) {
      expect(escapes(text, ext, BASE, [LOCAL_ORIGIN]), `${ext} ${text}`).not.toEqual([]);
      const based = text.replaceAll('"/', `"${BASE}/`).replaceAll("'/", `'${BASE}/`).replaceAll('`/', `\`${BASE}/`).replaceAll('(/', `(${BASE}/`).replaceAll('url=/', `url=${BASE}/`).replaceAll('&quot;/', `&quot;${BASE}/`).replaceAll('\\"/', `\\"${BASE}/`).replaceAll(LOCAL_ORIGIN, LOCAL_ORIGIN + BASE);
      if (!text.includes('//evil')) expect(escapes(based, ext, BASE, [LOCAL_ORIGIN]), `${ext} ${based}`).toEqual([]);
    }
    // External links, prose and site paths in chart data are not addresses of ours.
    expect(escapes('<a href="https://www.ice.gov/detain">ICE</a> <p>/facilities/ is a path</p>', '.html', BASE, [LOCAL_ORIGIN])).toEqual([]);
    expect(escapes('{"pagePath":"/charts/","csvPath":"/charts/x.csv"}', '.json', BASE, [LOCAL_ORIGIN])).toEqual([]);
  });
});

describe('the site built under a base path', () => {
  let browser: Browser;
  beforeAll(async () => {
    const started = Date.now();
    const env = { ...process.env, BASE_PATH: BASE, BUILD_DIR: 'build-base', KIT_OUT: '.svelte-kit-base', SITE_URL: '' };
    execSync('npx tsx scripts/build.ts', { env, stdio: 'inherit' });
    console.log(`build-base (BASE_PATH=${BASE}): ${((Date.now() - started) / 1000).toFixed(0)} s`);
    browser = await launchChromium();
  }, 900_000);
  afterAll(async () => browser?.close());

  it('names nothing of ours outside the base in any HTML, JS, JSON, XML, CSS or SVG file', () => {
    expect(readFileSync(join(BUILD, 'index.html'), 'utf8')).toContain(`data-base="${BASE}"`);
    expect(scanBuild(BUILD, BASE, [LOCAL_ORIGIN])).toEqual([]);
  });

  /** The checks, then (unless `checksOnly`) the crawl sample and an explorer query, against a server of the build at `origin`. */
  async function servedUnderBase(origin: string, { checksOnly = false } = {}) {
    expect(await checkServer(origin, BUILD, BASE)).toEqual([]);
    if (checksOnly) return;
    expect(await servedSiteProblems(browser, origin + BASE, BUILD)).toEqual([]);
  }

  it("npm start's server serves it under the base, and only there; /embed.js makes and sizes embeds under the base in another site's page", async () => {
    const server = createSiteServer(BUILD, { base: BASE });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // An advocate's page on another origin, with a script embed.
    const hostPage = `<!doctype html><html lang="en"><head><title>Host</title></head><body><div data-detention-chart="ice-national-monthly"></div><script src="${origin}${BASE}/embed.js" async></script></body></html>`;
    const host = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage));
    await new Promise<void>((ok) => host.listen(0, '127.0.0.2', ok));
    try {
      await servedUnderBase(origin);
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.2:${(host.address() as AddressInfo).port}/`);
      const frame = page.locator('iframe');
      await expect.poll(() => frame.getAttribute('src')).toBe(`${origin}${BASE}/embed/ice-national-monthly/`);
      await page.frameLocator('iframe').locator('figure svg:visible').first().waitFor();
      // 480 px until the embed says its height (the message comes from the origin embed.js was loaded from).
      await expect.poll(() => frame.evaluate((f) => Math.round(f.getBoundingClientRect().height))).not.toBe(480);
      await context.close();
    } finally {
      server.close();
      host.close();
    }
  }, 300_000);

  it('a facility chart’s tooltip is read from its chart file under the base, on first use', async () => {
    const server = createSiteServer(BUILD, { base: BASE });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const key = 'facility-daily--stwrtga';
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const asked: string[] = [];
      page.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await page.goto(`${origin}${BASE}/facilities/stwrtga/`, { waitUntil: 'networkidle' });
      const file = chartFilePath(BASE, key);
      expect(asked).not.toContain(file);
      const rows = await chartRows(origin + BASE, key);
      const chart = shownChart(page.locator('#chart-facility-daily'));
      await pressOn(page, chart.svg, 'End');
      await expect.poll(async () => splitLineTip(await chart.status.textContent())).toEqual(lineTip('facility-daily', rows, times('facility-daily', rows).at(-1)!));
      expect(asked.filter((p) => p.endsWith(`/charts/${key}.json`))).toEqual([file]);
      const island = asked.filter((p) => p.includes('/islands/tips-'));
      expect(island).toHaveLength(1);
      expect(island[0]!.startsWith(`${BASE}/_app/immutable/islands/`)).toBe(true);
    } finally {
      await context.close();
      server.close();
    }
  });

  for (const server of SERVERS) {
    const available = ensure(server.bin, server.packages);
    it.runIf(available)(`${server.name} serves it under the base through the generated configuration`, async () => {
      const dir = mkdtempSync(join(tmpdir(), `host-base-${server.name}-`));
      let running: Running | undefined;
      try {
        running = await server.start(dir, { build: BUILD, base: BASE });
        // The browser part once more for nginx; Caddy's configuration is checked by the server checks
        // (tests/browser/hosts.test.ts crawls it at the root), which keeps this file's time down.
        await servedUnderBase(running.origin, { checksOnly: server.name === 'Caddy' });
      } finally {
        running?.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 300_000);
  }
});
