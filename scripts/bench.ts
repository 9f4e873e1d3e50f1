/**
 * npm run bench: figures, not pass/fail tests. Ingest time, every output's size, the browser
 * database, and the home page's transfer (gzip) and time to the headline figures, each printed
 * beside its budget. Budgets live here and in the README.
 */
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { ingest } from './ingest/engine';
import { openPage, startSite } from '../tests/browser/harness';

const BUDGET = {
  ingestSeconds: 90,
  committedDataMB: 6,
  homeGzipKB: 60,
  homeFiguresMs: 1500,
};

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const row = (label: string, value: string, budget?: string, ok?: boolean) =>
  console.log(`${label.padEnd(44)} ${value.padStart(14)}${budget ? `   budget ${budget.padEnd(10)} ${ok ? 'ok' : 'OVER'}` : ''}`);

const sources = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
const out = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
const t0 = performance.now();
const summary = await ingest({ sources, out: join(out, 'data'), log: () => {} });
const secs = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });

console.log('\n== ingest');
row('ingest, all sources (s)', secs.toFixed(1), `${BUDGET.ingestSeconds} s`, secs <= BUDGET.ingestSeconds);
for (const s of summary) row(`  ${s.name} (${s.rows} rows)`, kb(s.bytes));

const committed = readdirSync('data').reduce((n, f) => n + statSync(join('data', f)).size, 0);
row('committed data/ (Parquet + datapackage.json)', `${(committed / 1048576).toFixed(2)} MB`, `${BUDGET.committedDataMB} MB`, committed / 1048576 <= BUDGET.committedDataMB);

execSync('npm run build', { stdio: 'ignore' });
const served = readdirSync('static/data');
const csvBytes = served.filter((f) => f.endsWith('.csv')).reduce((n, f) => n + statSync(join('static/data', f)).size, 0);
row('CSV downloads, all datasets (derived at build)', `${(csvBytes / 1048576).toFixed(2)} MB`);
row('detention.duckdb (derived at build)', `${(statSync('static/data/detention.duckdb').size / 1048576).toFixed(2)} MB`);

console.log('\n== home page (built site, local server, Chromium)');
const site = await startSite();
const { page, close } = await openPage(site);
const bodies: Buffer[] = [];
page.on('response', async (r) => {
  try {
    bodies.push(Buffer.from(await r.body()));
  } catch {
    /* redirects have no body */
  }
});
const start = performance.now();
await page.goto(site.origin + '/');
await page.locator('#ice_adp_2020_03 .value').waitFor();
const figuresMs = performance.now() - start;
await page.waitForLoadState('networkidle');
const gz = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
row(`home page transfer, gzip (${bodies.length} responses)`, kb(gz), `${BUDGET.homeGzipKB} KB`, gz / 1024 <= BUDGET.homeGzipKB);
row('home page: navigation to headline figures (ms)', figuresMs.toFixed(0), `${BUDGET.homeFiguresMs} ms`, figuresMs <= BUDGET.homeFiguresMs);
row('home page HTML, gzip', kb(gzipSync(readFileSync('build/index.html'), { level: 9 }).length));
await close();
await site.close();
