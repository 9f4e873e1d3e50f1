/**
 * The build served by real servers through the configurations scripts/host/ writes from the one
 * policy: Debian's nginx (with its brotli_static module) and Debian's Caddy, each started on a free
 * port. Each passes the checks npm start passes (./server-checks.ts: headers, precompressed copies,
 * byte ranges, 404 pages, folder redirects), a crawl sample of every template in Chromium, and a
 * query DuckDB answers in the explorer, reading the database through that server. In CI (root,
 * Debian) the packages are installed here, as scripts/test.ts installs Chromium.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caddyfile } from '../../scripts/host/caddy';
import { nginxServer } from '../../scripts/host/nginx';
import { builtPages, sampleOf, templateOf, visit } from './crawl-visit';
import { CHROMIUM } from './harness';
import { checkServer } from './server-checks';

const BUILD = resolve(process.env.BUILD_DIR ?? 'build');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Debian's package, installed when missing and we may (root with apt-get, as in CI); whether the binary is there. */
function ensure(bin: string, packages: string): boolean {
  if (existsSync(bin)) return true;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages}`;
  try {
    execSync(install, { stdio: 'inherit' });
  } catch {
    execSync(`apt-get update && ${install}`, { stdio: 'inherit' });
  }
  return existsSync(bin);
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

async function waitFor(origin: string, proc: ChildProcess, log: () => string) {
  for (let i = 0; i < 150; i++) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}): ${log()}`);
    try {
      if ((await fetch(origin + '/')).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${origin}: ${log()}`);
}

interface Running {
  origin: string;
  stop(): void;
}

async function startNginx(dir: string): Promise<Running> {
  const port = await freePort();
  const brotli = existsSync(BROTLI_MODULE);
  writeFileSync(join(dir, 'site.conf'), nginxServer({ root: BUILD, listen: `127.0.0.1:${port}`, brotli }));
  // The main configuration a Debian server has, reduced to what a test needs: one process, as this user, files in `dir`.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      ...(brotli ? [`load_module ${BROTLI_MODULE};`] : []),
      'events {}',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const proc = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, proc, () => err);
  return { origin, stop: () => proc.kill() };
}

async function startCaddy(dir: string): Promise<Running> {
  const port = await freePort();
  writeFileSync(join(dir, 'Caddyfile'), caddyfile({ root: BUILD, address: `http://127.0.0.1:${port}` }));
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir };
  const proc = spawn('/usr/bin/caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, proc, () => err.slice(-2000));
  return { origin, stop: () => proc.kill() };
}

const SERVERS = [
  { name: 'nginx', bin: '/usr/sbin/nginx', packages: 'nginx-light libnginx-mod-http-brotli-static', start: startNginx },
  { name: 'Caddy', bin: '/usr/bin/caddy', packages: 'caddy', start: startCaddy },
];

let browser: Browser;
beforeAll(async () => (browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS })));
afterAll(async () => browser?.close());

for (const server of SERVERS) {
  const available = ensure(server.bin, server.packages);
  if (!available) console.warn(`${server.name} is not installed and cannot be here (not root, or no apt-get): its tests are skipped. CI installs it.`);
  describe.runIf(available)(`the build served by ${server.name}, configured by scripts/host/`, () => {
    let dir: string;
    let running: Running;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `host-${server.name}-`));
      running = await server.start(dir);
    });
    afterAll(() => {
      running?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('answers as npm start does: policy headers, precompressed copies, byte ranges, 404 pages, folder redirects', async () => {
      expect(await checkServer(running.origin, BUILD)).toEqual([]);
    });

    it('serves a page of every template with nothing failing in Chromium, and the explorer answers a query from the database', async () => {
      const pages = builtPages(BUILD);
      const sample = sampleOf(pages, BUILD, { whole: 2, perTemplate: 1, largest: 0 });
      expect(new Set(sample.map(templateOf))).toEqual(new Set(pages.map(templateOf)));
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const problems: string[] = [];
      for (const path of sample) problems.push(...(await visit(context, running.origin, path, { axe: false })));
      expect(problems).toEqual([]);
      const page = await context.newPage();
      await page.goto(running.origin + '/explore/');
      await page.locator('.explorer[data-db="ready"]').waitFor({ timeout: 60_000 });
      const before = Number(await page.locator('.explorer').getAttribute('data-runs'));
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.waitForFunction((n) => Number(document.querySelector('.explorer')?.getAttribute('data-runs')) > n, before, { timeout: 60_000 });
      await expect.poll(() => page.locator('[data-testid=result-meta]').textContent()).toMatch(/rows? in [\d,]+ ms \(DuckDB in this browser\)/);
      await context.close();
    }, 300_000);
  });
}
