/**
 * The build served by real servers through the configurations scripts/host/ writes from the one
 * policy: Debian's nginx (with its brotli_static module) and Debian's Caddy, each started on a free
 * port. Each passes the checks npm start passes (./server-checks.ts: headers, precompressed copies,
 * byte ranges, 404 pages, folder redirects), a crawl sample of every template in Chromium, and a
 * query DuckDB answers in the explorer, reading the database through that server. The servers are
 * started (and in CI installed) by ./host-servers.ts; tests/browser/base-path.test.ts runs the same
 * under a base path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedSiteProblems } from './crawl-visit';
import { launchChromium } from './harness';
import { ensure, SERVERS, type Running } from './host-servers';
import { checkServer } from './server-checks';

const BUILD = resolve(process.env.BUILD_DIR ?? 'build');

let browser: Browser;
beforeAll(async () => (browser = await launchChromium()));
afterAll(async () => browser?.close());

for (const server of SERVERS) {
  const available = ensure(server.bin, server.packages);
  if (!available) console.warn(`${server.name} is not installed and cannot be here (not root, or no apt-get): its tests are skipped. CI installs it.`);
  describe.runIf(available)(`the build served by ${server.name}, configured by scripts/host/`, () => {
    let dir: string;
    let running: Running;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `host-${server.name}-`));
      running = await server.start(dir, { build: BUILD });
    });
    afterAll(() => {
      running?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('answers as npm start does: policy headers, precompressed copies, byte ranges, 404 pages, folder redirects', async () => {
      expect(await checkServer(running.origin, BUILD)).toEqual([]);
    });

    it('serves a page of every template with nothing failing in Chromium, and the explorer answers a query from the database', async () => {
      expect(await servedSiteProblems(browser, running.origin, BUILD)).toEqual([]);
    }, 300_000);
  });
}
