/**
 * The explorer against the floor (./floor.ts), in one run: each measurement is a fresh browser
 * context (cold caches), ours and the floor alternating (the order swapped every other round, so a
 * drift in the machine's load falls on both), medians of ROUNDS. Timings are wall time from
 * navigation, unthrottled (as the explorer has always been measured here).
 * - typed: navigation → DuckDB ready → a query typed and run (Ctrl+Enter) → its answer on screen.
 * - link: a query's address opened (`/explore/?sql=…`; the floor runs it at once, the explorer when
 *   the reader presses Run, which the bench does as soon as the page offers it) → its answer.
 * - second visit: the typed run's browser, a profile on disk as a returning reader's is
 *   (openProfilePage), opens the page again: navigation → DuckDB ready, and the wasm bytes the
 *   server sent (0 when the browser's HTTP cache had it).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, openProfilePage, startSite, untilShown } from '../../tests/browser/harness';
import { buildFloor, FLOOR_PATH } from './floor';

export const EXPLORE_QUERY = 'SELECT state, round(sum(adp_total)) AS adp FROM ice_facility_fy WHERE fiscal_year = 2026 GROUP BY state ORDER BY adp DESC';
const ROUNDS = 5;

type Row = (label: string, value: string, budget?: string, ok?: boolean) => void;
export interface ExploreBudget {
  exploreFirstResultMs: number;
  /** Ours ÷ the floor, navigation → a typed query answered. */
  exploreTypedVsFloor: number;
  /** Ours ÷ the floor, a query's link opened → answered. */
  exploreLinkVsFloor: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const answered = (page: Page, selector: string) => page.waitForFunction((s) => Number(document.querySelector(s)?.getAttribute('data-runs')) > 0, selector, { timeout: 60_000 });

/** What differs between the two pages: where they are, how they say "ready" and "answered", how a query is typed and run. */
const PAGES = {
  ours: {
    path: '/explore/',
    root: '.explorer',
    ready: '.explorer[data-db="ready"]',
    async type(page: Page) {
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+A');
    },
    /** The page has shown the linked query (hydrated): Run can be pressed. */
    async runLink(page: Page) {
      await untilShown(page, '[data-testid=linked]');
      await page.getByRole('button', { name: 'Run', exact: true }).click();
    },
  },
  floor: {
    path: FLOOR_PATH,
    root: 'body',
    ready: 'body[data-db="ready"]',
    async type(page: Page) {
      await page.locator('textarea').click();
    },
    async runLink() {},
  },
};
type Which = keyof typeof PAGES;

export async function benchExplorer(buildDir: string, row: Row, budget: ExploreBudget) {
  const floor = await buildFloor(buildDir);
  const sent = { wasm: 0, wasmRequests: 0, worker: 0, database: 0, ranges: 0 };
  const site = await startSite(floor.dir, {
    onResponse: (path, bytes) => {
      if (/\.wasm(\.gz)?$/.test(path)) [sent.wasm, sent.wasmRequests] = [sent.wasm + bytes, sent.wasmRequests + 1];
      else if (/duckdb-browser.*worker|wasm-(stream|compile)\.worker/.test(path)) sent.worker += bytes;
      else if (path === '/data/detention.duckdb') [sent.database, sent.ranges] = [sent.database + bytes, sent.ranges + 1];
    },
  });
  const reset = () => Object.assign(sent, { wasm: 0, wasmRequests: 0, worker: 0, database: 0, ranges: 0 });
  const times = { first: [] as number[], typed: { ours: [] as number[], floor: [] as number[] }, link: { ours: [] as number[], floor: [] as number[] } };
  const again = { ours: [] as { first: number; second: number; wasm: number; requests: number }[], floor: [] as { first: number; second: number; wasm: number; requests: number }[] };
  let bytes = { ...sent };

  async function typed(which: Which) {
    const p = PAGES[which];
    const { page, close } = await openProfilePage();
    reset();
    const t0 = performance.now();
    await page.goto(site.origin + p.path, { waitUntil: 'commit' });
    if (which === 'ours') {
      await untilShown(page, '[data-testid=result-meta]');
      times.first.push(performance.now() - t0);
    }
    await untilShown(page, p.ready);
    const ready = performance.now() - t0;
    await p.type(page);
    await page.keyboard.insertText(EXPLORE_QUERY);
    await page.keyboard.press('Control+Enter');
    await answered(page, p.root);
    times.typed[which].push(performance.now() - t0);
    if (which === 'ours') bytes = { ...sent };
    // The second visit, in the same browser (same HTTP cache, on disk).
    reset();
    const t1 = performance.now();
    await page.goto(site.origin + p.path, { waitUntil: 'commit' });
    await untilShown(page, p.ready);
    again[which].push({ first: ready, second: performance.now() - t1, wasm: sent.wasm, requests: sent.wasmRequests });
    await close();
  }

  async function link(which: Which) {
    const p = PAGES[which];
    const { page, close } = await openPage(site);
    const t0 = performance.now();
    await page.goto(`${site.origin}${p.path}?sql=${encodeURIComponent(EXPLORE_QUERY)}`, { waitUntil: 'commit' });
    await p.runLink(page);
    await answered(page, p.root);
    times.link[which].push(performance.now() - t0);
    await close();
  }

  try {
    for (let i = 0; i < ROUNDS; i++) {
      const order: Which[] = i % 2 ? ['floor', 'ours'] : ['ours', 'floor'];
      for (const w of order) await typed(w);
      for (const w of order) await link(w);
    }
  } finally {
    await site.close();
    floor.remove();
  }

  console.log(`\n== explorer (/explore, each run a fresh browser (the typed run and its second visit: a profile on disk), unthrottled; against the floor, a bare duckdb-wasm page (scripts/bench/floor.ts); paired, median of ${ROUNDS})`);
  const first = median(times.first);
  row('navigation → first example answer on screen (ms)', first.toFixed(0), `${budget.exploreFirstResultMs} ms`, first <= budget.exploreFirstResultMs);
  for (const [kind, label, limit] of [
    ['typed', 'navigation → new typed query answered', budget.exploreTypedVsFloor],
    ['link', 'query opened from a link → answered', budget.exploreLinkVsFloor],
  ] as const) {
    const [ours, bare] = [median(times[kind].ours), median(times[kind].floor)];
    row(`${label}: ours / floor (ms)`, `${ours.toFixed(0)} / ${bare.toFixed(0)}`);
    row(`${label}: ours ÷ floor`, `${(ours / bare).toFixed(2)}×`, `${limit}×`, ours / bare <= limit);
  }
  for (const w of ['ours', 'floor'] as const) {
    const v = again[w];
    row(`${w}, second visit: navigation → DuckDB ready, first / second visit (ms)`, `${median(v.map((x) => x.first)).toFixed(0)} / ${median(v.map((x) => x.second)).toFixed(0)}`);
    row(`${w}, second visit: wasm requests, bytes sent`, `${median(v.map((x) => x.requests))}, ${median(v.map((x) => x.wasm))}`);
  }
  const mb = (n: number) => `${(n / 1048576).toFixed(2)} MB`;
  row('ours, DuckDB bytes sent (last typed run): wasm, stored gzipped', mb(bytes.wasm));
  row('  worker scripts (duckdb-wasm\'s and ours), brotli', `${(bytes.worker / 1024).toFixed(1)} KB`);
  row(`  database blocks (${bytes.ranges} range requests of a ${mb(statSync(join(buildDir, 'data/detention.duckdb')).size)} file)`, mb(bytes.database));
}
