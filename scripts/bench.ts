/**
 * npm run bench: figures, not pass/fail tests. Ingest time, every output's size, the browser
 * database, and for each page template (home, charts, a facility, a state) the bytes transferred
 * (gzip) by kind and the Largest Contentful Paint under 4× CPU throttling, each printed beside its
 * budget, the /near ZIP search (time to the ranked list, geographic bytes), the explorer (first
 * answer; a typed query and a linked one against a bare duckdb-wasm page, paired; a second visit; DuckDB bytes), what the service worker saves for offline use,
 * and npm start's server under load (autocannon).
 * Budgets live here and in the README.
 *
 * npm run bench -- --pages   skips the ingest and measures only the pages.
 * npm run bench -- --explore measures only the explorer against the floor (after npm run build).
 * npm run bench -- --check   exits non-zero when a figure is over its budget (a command to run, not a test).
 * Every figure is also written to bench.json (label, value, budget, ok).
 * BUILD_DIR / KIT_OUT        build into other folders (side-by-side builds), as npm run build does.
 */
import { gzipSync } from 'node:zlib';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import autocannon from 'autocannon';
import { ingest } from './ingest/engine';
import { benchExplorer } from './bench/explore';
import { registryCounts } from './bench/registry';
import { newestRelease, sourcesWithout } from './bench/sources-without';
import { HOST_LIMITS, hostLimits } from './host/limits';
import { CACHE } from './precompress';
import { openPage, startSite, untilShown, type Site } from '../tests/browser/harness';

const BUDGET = {
  ingestSeconds: 90,
  /** npm run build from nothing (no .svelte-kit, build, static/data or compression cache). */
  buildFullSeconds: 180,
  /** npm run build after one more ICE release was ingested (the build before it cached). */
  buildReleaseSeconds: 60,
  // 7 MB: ICE's release history (ice_facility_releases, 1.4 MB for 128 releases) came in with issue 17.
  committedDataMB: 7,
  // Issue 20: framework-free pages where nothing needs the framework.
  homeGzipKB: 40,
  homeFiguresMs: 1500,
  /** JavaScript the home page loads before any interaction (gzip). */
  homeJsKB: 100,
  /** Largest Contentful Paint of every page with the CPU slowed 4× (a mid-range phone). */
  pageLcpMs: 800,
  /** Total Blocking Time of every page but /explore with the CPU slowed 4×. */
  pageTbtMs: 150,
  /** An embed page (/embed/ice-national-monthly/), everything it loads (gzip). */
  embedGzipKB: 20,
  /** /near: a ZIP typed to the ranked list, look-up files already loaded (in-page time). */
  nearSearchMs: 50,
  /** /near: geographic data fetched for the first ZIP search (gzip). */
  nearGeoKB: 300,
  /** /explore, cold: navigation to the first example's answer on screen (computed at build). */
  exploreFirstResultMs: 1000,
  /** /explore against a bare duckdb-wasm page (scripts/bench/floor.ts), ours ÷ the floor: navigation → a new typed query answered. */
  exploreTypedVsFloor: 1.15,
  /** …and a query's link opened → answered. */
  exploreLinkVsFloor: 1.0,
  /** npm start's server under load (200 connections for 10 s on loopback): errors and non-2xx answers. */
  loadErrors: 0,
};
const CPU_SLOWDOWN = 4;
const LCP_RUNS = 3;
/** What the bare page is: as little as a page can be, in the site's language. */
const BARE_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare</title></head><body><h1>Detention data</h1><p>A page with nothing to load.</p></body></html>';
const BUILD = process.env.BUILD_DIR ?? 'build';

/** The page templates, each by one example page; a template not built yet is skipped with a note. */
const TEMPLATES = [
  { name: 'home', path: '/' },
  { name: 'charts', path: '/charts/' },
  { name: 'facility', path: '/facilities/stwrtga/' },
  { name: 'state', path: '/states/tx/' },
  { name: 'near', path: '/near/' },
  { name: 'embed', path: '/embed/ice-national-monthly/' },
  { name: 'explore', path: '/explore/' },
];

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const results: { label: string; value: string; budget: string | null; ok: boolean | null }[] = [];
function row(label: string, value: string, budget?: string, ok?: boolean) {
  results.push({ label: label.trim(), value, budget: budget ?? null, ok: budget ? ok === true : null });
  console.log(`${label.padEnd(48)} ${value.padStart(14)}${budget ? `   budget ${budget.padEnd(10)} ${ok ? 'ok' : 'OVER'}` : ''}`);
}

// Timings mean little on a busy machine: say how busy it was.
console.log(`${cpus().length} cores; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} (1, 5, 15 min) at start`);

if (!process.argv.includes('--pages') && !process.argv.includes('--explore')) {
  const sources = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
  const out = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const t0 = performance.now();
  const summary = await ingest({ sources, out: join(out, 'data'), log: () => {} });
  const secs = (performance.now() - t0) / 1000;
  const [fresh, released] = [await registryCounts(join(out, 'data')), await registryCounts('data')];

  console.log('\n== ingest');
  row('ingest, all sources (s)', secs.toFixed(1), `${BUDGET.ingestSeconds} s`, secs <= BUDGET.ingestSeconds);
  for (const s of summary) row(`  ${s.name} (${s.rows} rows)`, kb(s.bytes));

  const committed = readdirSync('data', { recursive: true, withFileTypes: true }).filter((f) => f.isFile()).reduce((n, f) => n + statSync(join(f.parentPath, f.name)).size, 0);
  console.log('\n== facility registry (this ingest / committed data)');
  for (const k of new Set([...Object.keys(fresh), ...Object.keys(released)])) row(`  ${k}`, `${fresh[k] ?? '–'} / ${released[k] ?? '–'}`);

  row('committed data/ (Parquet, datapackage.json, releases/)', `${(committed / 1048576).toFixed(2)} MB`, `${BUDGET.committedDataMB} MB`, committed / 1048576 <= BUDGET.committedDataMB);

  // Build time: from nothing, again with nothing changed, and after one new ICE release. The data of
  // "before" are the sources without their newest biweekly workbook; "after" is the full ingest above.
  console.log('\n== build (npm run build)');
  const before = join(out, 'before');
  const held = sourcesWithout(sources);
  await ingest({ sources: held, out: before, log: () => {} });
  rmSync(held, { recursive: true, force: true });
  const build = (dataDir: string) => {
    const t = performance.now();
    execSync('npm run build', { stdio: 'ignore', env: { ...process.env, DATA_DIR: dataDir } });
    return (performance.now() - t) / 1000;
  };
  // As a fresh clone has it after npm ci (whose `svelte-kit sync` writes .svelte-kit's tsconfig and types).
  for (const d of [join(process.env.KIT_OUT ?? '.svelte-kit', 'output'), BUILD, 'static/data', CACHE]) rmSync(d, { recursive: true, force: true });
  const full = build(before);
  row('build from nothing (s)', full.toFixed(1), `${BUDGET.buildFullSeconds} s`, full <= BUDGET.buildFullSeconds);
  row('build again, nothing changed (s)', build(before).toFixed(1));
  const next = build(join(out, 'data'));
  row(`build after one new ICE release (${newestRelease(sources).slice(0, 10)}) (s)`, next.toFixed(1), `${BUDGET.buildReleaseSeconds} s`, next <= BUDGET.buildReleaseSeconds);
  rmSync(out, { recursive: true, force: true });
}

// npm run build reads BUILD_DIR and KIT_OUT from this environment (svelte.config.js).
execSync('npm run build', { stdio: 'ignore' });
if (process.argv.includes('--explore')) {
  await benchExplorer(BUILD, row, BUDGET);
  finish();
}
const served = readdirSync('static/data');
const csvBytes = served.filter((f) => /\.csv(\.gz)?$/.test(f)).reduce((n, f) => n + statSync(join('static/data', f)).size, 0);
row('CSV downloads, all datasets (bulk ones gzipped; derived at build)', `${(csvBytes / 1048576).toFixed(2)} MB`);
// What a static host is given (scripts/host/limits.ts): no precompressed copies, against the common hosts' limits.
const host = hostLimits(BUILD);
const biggest = host.largest[0]!;
row('static host output: files', host.files.toLocaleString('en-US'), HOST_LIMITS.files.toLocaleString('en-US'), host.files <= HOST_LIMITS.files);
row('static host output: size (MB)', (host.bytes / 1e6).toFixed(1), `${HOST_LIMITS.bytes / 1e6} MB`, host.bytes <= HOST_LIMITS.bytes);
row(`static host output: largest file (${biggest.path.split('/').pop()}, MiB)`, (biggest.bytes / 1048576).toFixed(1), '25 MiB', biggest.bytes <= HOST_LIMITS.fileBytes);
row('detention.duckdb (derived at build)', `${(statSync('static/data/detention.duckdb').size / 1048576).toFixed(2)} MB`);

/** Data responses are split into JSON, CSV and other (Parquet, .duckdb, …); wasm, images and fonts are counted apart. */
type Kind = 'js' | 'css' | 'html' | 'json' | 'csv' | 'other' | 'wasm' | 'img';
const KINDS: Kind[] = ['js', 'css', 'html', 'json', 'csv', 'other', 'wasm', 'img'];

function kindOf(contentType: string, url: string): Kind {
  if (/wasm/.test(contentType) || /\.wasm(\.gz)?$/.test(url)) return 'wasm';
  if (/javascript/.test(contentType) || /\.m?js$/.test(url)) return 'js';
  if (/text\/css/.test(contentType)) return 'css';
  if (/text\/html/.test(contentType)) return 'html';
  if (/json/.test(contentType)) return 'json';
  if (/text\/csv/.test(contentType) || url.endsWith('.csv')) return 'csv';
  if (/^(image|font)\//.test(contentType)) return 'img';
  return 'other';
}

/** Bytes each kind of response would take gzipped, loading the page with no interaction. */
async function weigh(site: Site, path: string) {
  const { page, close } = await openPage(site);
  const pending: Promise<void>[] = [];
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  let responses = 0;
  const urls: string[] = [];
  page.on('response', (r) => {
    urls.push(r.url());
    pending.push(
      r.body().then(
        (b) => {
          responses++;
          bytes[kindOf(r.headers()['content-type'] ?? '', new URL(r.url()).pathname)] += gzipSync(b, { level: 9 }).length;
        },
        () => {}, // redirects have no body
      ),
    );
  });
  await page.goto(site.origin + path, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await close();
  return { bytes, responses, urls, total: KINDS.reduce((n, k) => n + bytes[k], 0) };
}

/**
 * The page's Largest Contentful Paint (ms after navigation start) and Total Blocking Time (the part
 * over 50 ms of each long task after the first contentful paint, to network idle), CPU slowed down.
 */
async function paint(site: Site, path: string, html?: string): Promise<{ lcp: number; tbt: number }> {
  const { page, close } = await openPage(site);
  if (html) await page.route(site.origin + path, (r) => r.fulfill({ contentType: 'text/html', body: html }));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Long tasks are observed from the first script on (their entries are not buffered for a late observer).
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  await page.goto(site.origin + path, { waitUntil: 'networkidle' });
  const result = await readPaint(page);
  await close();
  return result;
}

/** The last 'largest-contentful-paint' entry so far (buffered: the observer starts after load), and TBT. */
function readPaint(page: Page): Promise<{ lcp: number; tbt: number }> {
  return page.evaluate(
    () =>
      new Promise<{ lcp: number; tbt: number }>((done) => {
        let last = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) last = e.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
          const long = (window as unknown as { __long: { start: number; duration: number }[] }).__long;
          done({ lcp: last, tbt: long.filter((t) => t.start >= fcp).reduce((n, t) => n + Math.max(0, t.duration - 50), 0) });
        }, 500);
      }),
  );
}

console.log(`\nload average before the page measurements: ${loadavg()[0]!.toFixed(1)}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`\n== pages (built site in ${BUILD}/, local server, Chromium; gzip bytes before any interaction; LCP and TBT medians of ${LCP_RUNS} with ${CPU_SLOWDOWN}× CPU slowdown)`);
const site = await startSite(BUILD);
const HEAD: Record<Kind, string> = { js: 'JS', css: 'CSS', html: 'HTML', json: 'data:JSON', csv: 'data:CSV', other: 'data:other', wasm: 'wasm', img: 'img/font' };
// The browser's own floor on this machine: a page of one heading and a line, nothing to load. Machines and
// Chromium versions differ by a factor (README, "Budgets"), so an LCP over budget is read against this row first.
{
  const runs: number[] = [];
  for (let i = 0; i < LCP_RUNS; i++) runs.push((await paint(site, '/__bench-bare/', BARE_PAGE)).lcp);
  row(`bare page: LCP, ${CPU_SLOWDOWN}× CPU slowdown (ms; the browser's floor, no budget)`, median(runs).toFixed(0));
}
console.log(`${'page'.padEnd(30)}${[...KINDS.map((k) => HEAD[k]), 'total'].map((k) => k.padStart(11)).join('')}${'LCP'.padStart(10)}${'TBT'.padStart(10)}`);
const measured: Record<string, { js: number; total: number; lcp: number; tbt: number }> = {};
/** Pages other than /explore that requested anything of DuckDB (the budget is none). */
const duckdbElsewhere: string[] = [];
for (const t of TEMPLATES) {
  if (!existsSync(join(BUILD, t.path, 'index.html'))) {
    console.log(`${`${t.name} ${t.path}`.padEnd(30)}not built (no ${join(BUILD, t.path, 'index.html')}): skipped`);
    continue;
  }
  const w = await weigh(site, t.path);
  if (t.name !== 'explore' && w.urls.some((u) => /duckdb/i.test(u))) duckdbElsewhere.push(t.path);
  const runs: { lcp: number; tbt: number }[] = [];
  for (let i = 0; i < LCP_RUNS; i++) runs.push(await paint(site, t.path));
  const l = median(runs.map((r) => r.lcp));
  const tbt = median(runs.map((r) => r.tbt));
  measured[t.name] = { js: w.bytes.js, total: w.total, lcp: l, tbt };
  console.log(`${`${t.name} ${t.path}`.padEnd(30)}${[...KINDS.map((k) => w.bytes[k]), w.total].map((b) => kb(b).padStart(11)).join('')}${`${l.toFixed(0)} ms`.padStart(10)}${`${tbt.toFixed(0)} ms`.padStart(10)}  (${w.responses} responses)`);
}

console.log('\n== budgets');
for (const [name, m] of Object.entries(measured)) {
  row(`${name}: LCP, ${CPU_SLOWDOWN}× CPU slowdown (ms)`, m.lcp.toFixed(0), `${BUDGET.pageLcpMs} ms`, m.lcp <= BUDGET.pageLcpMs);
  if (name !== 'explore') row(`${name}: TBT, ${CPU_SLOWDOWN}× CPU slowdown (ms)`, m.tbt.toFixed(0), `${BUDGET.pageTbtMs} ms`, m.tbt <= BUDGET.pageTbtMs);
}

const home = measured.home;
if (home) {
  row('home: JavaScript before interaction, gzip', kb(home.js), `${BUDGET.homeJsKB} KB`, home.js / 1024 <= BUDGET.homeJsKB);
  row('home: transfer, gzip, all responses', kb(home.total), `${BUDGET.homeGzipKB} KB`, home.total / 1024 <= BUDGET.homeGzipKB);
  row('home: HTML, gzip', kb(gzipSync(readFileSync(join(BUILD, 'index.html')), { level: 9 }).length));
}

row('pages other than /explore that load DuckDB', duckdbElsewhere.join(', ') || 'none', 'none', duckdbElsewhere.length === 0);

const embed = measured.embed;
if (embed) row('embed: transfer, gzip, all responses', kb(embed.total), `${BUDGET.embedGzipKB} KB`, embed.total / 1024 <= BUDGET.embedGzipKB);

// Time from navigation to the headline figures, unthrottled (the home page's own figure).
const { page, close } = await openPage(site);
const start = performance.now();
await page.goto(site.origin + '/');
try {
  await page.locator('#ice_adp_2020_03 .value').waitFor({ timeout: 10_000 });
  const figuresMs = performance.now() - start;
  row('home: navigation to headline figures (ms)', figuresMs.toFixed(0), `${BUDGET.homeFiguresMs} ms`, figuresMs <= BUDGET.homeFiguresMs);
} catch {
  console.log('home: headline figure #ice_adp_2020_03 not found: navigation timing skipped');
}
await close();

// Embeds: navigation to the chart drawn, for the national chart (in the page) and a facility's (an island, fetched as JSON).
for (const path of ['/embed/ice-national-monthly/', '/embed/facility-adp/?facility=stwrtga']) {
  const { page, close } = await openPage(site);
  const t0 = performance.now();
  await page.goto(site.origin + path);
  // The drawing shown: a prerendered chart carries several, one visible at the frame's width.
  await untilShown(page, 'figure svg[role=img]');
  row(`embed ${path}: navigation to chart (ms)`, (performance.now() - t0).toFixed(0));
  await close();
}

// Near me. The first search fetches the look-up files (their gzip bytes are the privacy price:
// fetched whole, so no request names the ZIP); later searches run on them in memory. The page
// records its own time from "Find" to the ranked list (data-ms); the wall time adds rendering.
{
  const { page, close } = await openPage(site);
  const bytes = new Map<string, Promise<number>>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/data\/(geo\/|legislators)/.test(path)) bytes.set(path, r.body().then((b) => gzipSync(b, { level: 9 }).length, () => 0));
  });
  await page.goto(site.origin + '/near/', { waitUntil: 'networkidle' });
  const search = async (zip: string) => {
    await page.getByLabel('ZIP code, city or facility name').fill(zip);
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Find' }).click();
    // The list for this ZIP, and the search finished (it has set data-ms), checked at every frame.
    await page.waitForFunction((z) => document.querySelector('#results-h')?.textContent?.includes(`ZIP ${z}`) && document.querySelector('form[role=search] button[type=submit]:not([disabled])'), zip, { polling: 'raf', timeout: 60_000 });
    return { wall: performance.now() - t0, inPage: Number(await page.locator('ol.results').getAttribute('data-ms')) };
  };
  const cold = await search('31815');
  await page.locator('.near-map[data-map="idle"], .near-map[data-map="error"]').waitFor({ timeout: 30_000 });
  const sizes = Object.fromEntries(await Promise.all([...bytes].map(async ([path, b]) => [path.replace('/data/', ''), await b] as const)));
  const MAP_ONLY = new Set(['geo/states.json', 'geo/counties.json']);
  const lookup = Object.entries(sizes).filter(([f]) => !MAP_ONLY.has(f));
  const lookupBytes = lookup.reduce((n, [, b]) => n + b, 0);
  const warm: { wall: number; inPage: number }[] = [];
  for (const zip of ['10001', '79936', '92154', '60601', '98101', '30303', '85004']) warm.push(await search(zip));
  await close();
  console.log('\n== near me (/near, ZIP search)');
  row('first ZIP: Find → ranked list, in page (ms)', cold.inPage.toFixed(0));
  row('first ZIP: Find → ranked list, wall (ms)', cold.wall.toFixed(0));
  row(`next ZIPs: Find → ranked list, in page (median of ${warm.length}, ms)`, median(warm.map((w) => w.inPage)).toFixed(1), `${BUDGET.nearSearchMs} ms`, median(warm.map((w) => w.inPage)) <= BUDGET.nearSearchMs);
  row(`next ZIPs: Find → ranked list, wall (median, ms)`, median(warm.map((w) => w.wall)).toFixed(0));
  row('geographic data for the first ZIP, gzip', kb(lookupBytes), `${BUDGET.nearGeoKB} KB`, lookupBytes / 1024 <= BUDGET.nearGeoKB);
  for (const [f, b] of lookup) row(`  ${f}`, kb(b));
  for (const [f, b] of Object.entries(sizes).filter(([f]) => MAP_ONLY.has(f))) row(`  then the results map: ${f}`, kb(b));
}
await site.close();

// Offline: what the service worker saves when it installs, after the first page has loaded (bytes
// as the server sent them, compressed where the browser accepts it), and how long until it is in charge.
{
  const sent = new Map<string, number>();
  const counted = await startSite(BUILD, { onResponse: (path, bytes) => sent.set(path, bytes) });
  const { page, close } = await openPage(counted, { serviceWorkers: 'allow' });
  await page.goto(counted.origin + '/', { waitUntil: 'load' });
  const t0 = performance.now();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 120_000 });
  const installMs = performance.now() - t0;
  const saved = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
    return paths;
  });
  await close();
  await counted.close();
  const bytes = saved.reduce((n, p) => n + (sent.get(p) ?? 0), 0);
  console.log('\n== offline (service worker)');
  row('saved at install: files', String(saved.length));
  row('saved at install: bytes sent (br/gzip)', `${(bytes / 1048576).toFixed(2)} MB`);
  row('first page load → worker in charge (ms)', installMs.toFixed(0));
}

await benchExplorer(BUILD, row, BUDGET);

// The server npm start runs (scripts/serve.ts), under load on loopback: a page, an embed and a Parquet download,
// each with 200 connections for 10 s, asking for compression as browsers do.
{
  const loaded = await startSite(BUILD);
  console.log('\n== npm start under load (200 connections × 10 s each, loopback)');
  for (const path of ['/', '/embed/ice-national-monthly/', '/data/facilities.parquet']) {
    // The client in a worker thread: on the server's thread it starved the server (timeouts that were the client's).
    const r = await autocannon({ url: loaded.origin + path, connections: 200, duration: 10, headers: { 'accept-encoding': 'br, gzip' }, workers: 1 });
    const failed = r.errors + r.timeouts + r.non2xx;
    row(`${path}: errors + timeouts + non-2xx`, String(failed), String(BUDGET.loadErrors), failed <= BUDGET.loadErrors);
    row(`${path}: requests/s (mean), latency p50 / p99 (ms)`, `${Math.round(r.requests.average)}, ${r.latency.p50} / ${r.latency.p99}`);
  }
  await loaded.close();
}

finish();

/** bench.json, the count of budgets over, and (with --check) the exit code. */
function finish(): never {
  writeFileSync('bench.json', JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, load: loadavg(), results }, null, 1) + '\n');
  const over = results.filter((r) => r.ok === false);
  console.log(`\n${results.filter((r) => r.budget).length} budgets, ${over.length} over${over.length ? `: ${over.map((r) => r.label).join('; ')}` : ''} (bench.json)`);
  process.exit(process.argv.includes('--check') && over.length ? 1 : 0);
}
