/**
 * /explore in Chromium: the example answers are in the page before DuckDB loads; guided and SQL
 * questions return the counts the committed data holds; the address reopens a question, which runs
 * only when the reader presses Run; errors, cancelling any query (one that streams forever, one
 * the worker cannot interrupt), 100,000-row results and downloads (spreadsheet formulas
 * neutralized); and safety: a pasted query cannot reach another origin, a blob of the whole
 * database is refused with a message, and no other page downloads DuckDB.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../src/lib/explore/examples';
import { axe, offOrigin, openPage, sql, startSite, type Site } from './harness';

let site: Site;
let shared: Awaited<ReturnType<typeof openPage>>;
beforeAll(async () => {
  site = await startSite();
  shared = await openPage(site);
  await shared.page.goto(site.origin + '/explore/');
  await ready(shared.page);
});
afterAll(async () => {
  await shared?.close();
  await site?.close();
});

const ready = (page: Page) => page.locator('.explorer[data-db="ready"]').waitFor({ timeout: 60_000 });
const runs = async (page: Page) => Number(await page.locator('.explorer').getAttribute('data-runs'));
/** Until the explorer has answered (or failed) more than `n` times. */
const answeredAfter = (page: Page, n: number, timeout = 60_000) =>
  page.waitForFunction((k) => Number(document.querySelector('.explorer')?.getAttribute('data-runs')) > k, n, { timeout });
/** Holds every request matching `pattern` until the returned function is called. */
async function holdRequests(page: Page, pattern: RegExp): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((ok) => (release = ok));
  await page.route(pattern, async (route) => (await held, route.continue()));
  return release;
}
/** The page's own code (the framework's and the explorer's modules), held to see the page before it hydrates. */
const PAGE_CODE = /\/_app\/immutable\/(entry|chunks|nodes)\//;
/** The explorer as prerendered, its code held (not hydrated) until `release` is called. */
async function openUnhydrated() {
  const opened = await openPage(site);
  const release = await holdRequests(opened.page, PAGE_CODE);
  await opened.page.goto(site.origin + '/explore/');
  return { ...opened, release };
}
/** A worker's script, without what follows the `#` (what it loads: the stream worker's names the compile worker's script). */
const workerScript = (url: string) => url.split('#')[0]!;
const meta = (page: Page) => page.locator('[data-testid=result-meta]').textContent();
const cells = (page: Page) => page.locator('.scroller tbody tr:not(.spacer)').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

/** Types a query into the editor and runs it with Ctrl+Enter; resolves when DuckDB has answered or failed. */
async function runSql(page: Page, query: string) {
  const before = await runs(page);
  if ((await page.getByRole('button', { name: 'SQL', exact: true }).getAttribute('aria-pressed')) !== 'true') await page.getByRole('button', { name: 'SQL', exact: true }).click();
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.keyboard.press('Control+Enter');
  await answeredAfter(page, before);
}

const count = (n: number | string) => Number(n).toLocaleString('en-US');
const sent = async (page: Page) => Number(await page.locator('.explorer').getAttribute('data-sent'));

/** Presses Run; resolves when DuckDB has answered or failed. */
async function pressRun(page: Page) {
  const before = await runs(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await answeredAfter(page, before);
}

describe('/explore', () => {
  it('opens with the first example answered (the same rows as the data), before and without DuckDB', async () => {
    const doubled = await sql<{ n: string }>(
      "SELECT count(*) AS n FROM 'data/ice_facility_fy.parquet' a JOIN 'data/ice_facility_fy.parquet' b ON a.facility_id = b.facility_id AND a.fiscal_year = 2025 AND b.fiscal_year = 2026 WHERE a.adp_total >= 10 AND b.adp_total > 2 * a.adp_total",
    );
    const { page, requests, close } = await openPage(site, { javaScriptEnabled: false });
    await page.goto(site.origin + '/explore/');
    await expect(meta(page)).resolves.toContain(`${count(doubled[0]!.n)} rows`);
    await expect.poll(() => page.locator('.scroller tbody tr').count()).toBe(Math.min(50, Number(doubled[0]!.n)));
    await expect.poll(() => page.locator('.result').textContent()).toContain('ICE Detention Statistics');
    expect(requests.filter((u) => /duckdb/.test(u))).toEqual([]);
    await close();

    // With JavaScript: the answer is there at once, DuckDB loads behind it with a progress bar.
    const js = await openPage(site);
    await js.page.goto(site.origin + '/explore/');
    await expect(meta(js.page)).resolves.toContain(`${count(doubled[0]!.n)} rows`);
    await ready(js.page);
    expect(js.requests.some((u) => /\/data\/detention\.duckdb$/.test(u))).toBe(true);
    expect(offOrigin(js.requests, site.origin)).toEqual([]);
    expect(js.errors).toEqual([]);
    expect(await axe(js.page)).toEqual([]);
    await js.close();
  });

  it('answers a guided question with the count the data holds, and shows its SQL', async () => {
    const { page } = shared;
    const [want] = await sql<{ n: string }>("SELECT count(*) AS n FROM 'data/ice_facility_fy.parquet' WHERE fiscal_year = 2026 AND state = 'TX'");
    await page.getByRole('button', { name: 'Guided' }).click();
    await page.getByLabel('Dataset', { exact: true }).selectOption('ice_facility_fy');
    for (const [column, value] of [['fiscal_year', '2026'], ['state', 'TX']] as const) {
      await page.getByRole('button', { name: 'Add a filter' }).click();
      const i = await page.locator('.filter').count();
      await page.getByLabel(`Filter ${i} column`).selectOption(column);
      await page.getByLabel(`Filter ${i} value`).fill(value);
    }
    await expect.poll(() => page.getByTestId('guided-sql').textContent()).toContain(`"fiscal_year" = 2026\n  AND "state" = 'TX'`);
    const before = await runs(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await answeredAfter(page, before);
    expect(await cells(page)).toEqual([[count(want!.n)]]);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('guided');

    // Grouped: one row per fiscal year, each the count in the data.
    await page.getByLabel('Group by').selectOption('fiscal_year');
    await page.getByRole('button', { name: /Remove filter 1/ }).click();
    const byYear = await sql<{ fiscal_year: string; n: string }>("SELECT fiscal_year, count(*) AS n FROM 'data/ice_facility_fy.parquet' WHERE state = 'TX' GROUP BY 1 ORDER BY 1");
    const again = await runs(page);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await answeredAfter(page, again);
    expect(await cells(page)).toEqual(byYear.map((r) => [String(r.fiscal_year), count(r.n)])); // years without separators
    await expect.poll(() => page.locator('.result figure svg').count()).toBe(1); // year → a line
  });

  it('runs SQL typed in the editor with Ctrl+Enter, and a link reopens the same result', async () => {
    const { page } = shared;
    const query = "SELECT state, count(*) AS facilities FROM facilities WHERE state IN ('GA', 'TX') GROUP BY state ORDER BY state";
    const want = await sql<{ state: string; n: string }>("SELECT state, count(*) AS n FROM 'data/facilities.parquet' WHERE state IN ('GA', 'TX') GROUP BY state ORDER BY state");
    await runSql(page, query);
    const rows = want.map((r) => [r.state, count(r.n)]);
    expect(await cells(page)).toEqual(rows);
    await expect(meta(page)).resolves.toMatch(/2 rows in [\d,]+ ms \(DuckDB in this browser\)/);
    expect(new URL(page.url()).searchParams.get('sql')).toBe(query);

    // The link opens the query in the editor, and sends nothing to DuckDB until the reader presses Run.
    const other = await openPage(site);
    await other.page.goto(page.url());
    await ready(other.page);
    await other.page.locator('.cm-content').waitFor();
    expect([await sent(other.page), await runs(other.page)]).toEqual([0, 0]);
    await expect.poll(() => other.page.locator('.cm-content').textContent()).toBe(query);
    await expect.poll(() => other.page.getByTestId('linked').textContent()).toContain('press Run');
    await expect.poll(() => other.page.locator('.status').textContent()).toContain('press Run to answer the question from the link');
    await expect.poll(() => other.page.locator('.result').count()).toBe(0);
    await pressRun(other.page);
    expect(await sent(other.page)).toBe(1);
    expect(await cells(other.page)).toEqual(rows);
    // An example by its address is shown at once, from the page.
    // (The HTML holds the first example; the page switches to the one asked for as soon as it starts.)
    await other.page.goto(site.origin + '/explore/?example=ice-by-state');
    await other.page.locator('#result-h', { hasText: 'five states' }).waitFor({ timeout: 10_000 });
    await expect(meta(other.page)).resolves.toContain('answer computed when the site was built');
    await other.close();
  });

  it('opens a guided link with its form and SQL, and runs it only when Run is pressed', async () => {
    const { page, close } = await openPage(site);
    const [want] = await sql<{ n: string }>("SELECT count(*) AS n FROM 'data/ice_facility_fy.parquet' WHERE state = 'TX'");
    await page.goto(site.origin + '/explore/?mode=guided&dataset=ice_facility_fy&filter=state~=~TX');
    await ready(page);
    expect([await sent(page), await runs(page)]).toEqual([0, 0]);
    await expect.poll(() => page.getByTestId('guided-sql').textContent()).toContain(`"state" = 'TX'`);
    await expect.poll(() => page.getByTestId('linked').textContent()).toContain('press Run');
    await pressRun(page);
    expect(await cells(page)).toEqual([[count(want!.n)]]);
    await expect.poll(() => page.getByTestId('linked').count()).toBe(0);
    await close();
  });

  it('on a phone, a linked query with a long line scrolls in the editor, not the page; once run (even failing) the link note goes', async () => {
    const { page, close } = await openPage(site, { width: 390 });
    const query = "SELECT * FROM read_blob('detention.duckdb') WHERE octet_length(content) > 0";
    await page.goto(site.origin + `/explore/?sql=${encodeURIComponent(query)}`);
    await ready(page);
    await page.locator('.cm-content').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    // No example is marked as the one shown: the page shows the link's question.
    await expect.poll(() => page.locator('.examples button[aria-pressed="true"]').count()).toBe(0);
    await pressRun(page);
    await expect.poll(() => page.getByTestId('query-error').textContent()).toMatch(/^Row 1, column “content” holds/);
    await expect.poll(() => page.getByTestId('linked').count()).toBe(0);
    await expect.poll(() => page.locator('.status').textContent()).not.toContain('from the link');
    expect(await overflow()).toBe(0);
    await close();
  });

  it('compiles DuckDB from its wasm stored gzipped, inflated in its worker: one request, none for the whole file, no blob', async () => {
    // The worker (src/lib/data/wasm-stream.worker.ts) answers DuckDB's request for the whole wasm, which
    // no server has, with the stored file inflated: not inflated or not answered, and no query runs.
    const { page, requests, errors, close } = await openPage(site);
    await page.goto(site.origin + '/explore/');
    await ready(page);
    expect(requests.filter((u) => /\.wasm(\.gz)?$/.test(u)).map((u) => u.replace(/.*\//, ''))).toEqual([expect.stringMatching(/^duckdb-eh\.[\w-]+\.wasm\.gz$/)]);
    expect(requests.filter((u) => u.startsWith('blob:'))).toEqual([]);
    await runSql(page, 'SELECT 6 * 7 AS n');
    expect(await cells(page)).toEqual([['42']]);
    expect(errors).toEqual([]);
    await close();
  });

  it("starts DuckDB's download from its HTML, before any framework code, in the one worker DuckDB runs in", async () => {
    // The framework's code never arrives: the head script alone must start the worker and the wasm's download.
    const blocked = await openPage(site);
    await blocked.page.route(PAGE_CODE, (route) => route.abort());
    await blocked.page.goto(site.origin + '/explore/');
    await expect.poll(() => blocked.requests.filter((u) => /\.wasm\.gz$/.test(u)).length).toBe(1);
    await expect.poll(() => blocked.requests.filter((u) => PAGE_CODE.test(u)).length).toBeGreaterThan(0); // asked (after the wasm, on a loaded machine), refused
    await blocked.close();

    // Then one stream worker, the head script's, which DuckDB runs in (the explorer's code takes it, starts no other),
    // and the one it starts to download and compile the wasm, which is ended once DuckDB has started.
    const { page, errors, close } = await openPage(site);
    const workers: string[] = [];
    const ended: string[] = [];
    page.on('worker', (w) => (workers.push(workerScript(w.url())), w.on('close', () => ended.push(workerScript(w.url())))));
    await page.goto(site.origin + '/explore/');
    await ready(page);
    await runSql(page, 'SELECT 6 * 7 AS n');
    expect(await cells(page)).toEqual([['42']]);
    expect(workers.filter((u) => /wasm-stream/.test(u))).toHaveLength(1);
    expect(workers.filter((u) => /wasm-compile/.test(u))).toHaveLength(1);
    await expect.poll(() => ended.filter((u) => /wasm-compile/.test(u))).toHaveLength(1);
    expect(ended.filter((u) => /wasm-stream/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('a page whose code arrives after the wasm has compiled still hears the whole download, and its queries run', async () => {
    // The page's code is held until the wasm has been downloaded and compiled (the compile worker has ended): DuckDB
    // has started in its worker without it, and the page's progress still reaches the whole wasm ("opening").
    const { page, errors, close } = await openPage(site);
    const release = await holdRequests(page, PAGE_CODE);
    page.on('worker', (w) => /wasm-compile/.test(workerScript(w.url())) && w.on('close', release));
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __db: string[] }).__db = []);
      new MutationObserver(() => {
        const db = document.querySelector<HTMLElement>('.explorer')?.dataset.db;
        if (db && seen.at(-1) !== db) seen.push(db);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-db'] });
    });
    await page.goto(site.origin + '/explore/');
    await ready(page);
    // From the prerendered "loading": the whole wasm counted ("opening"), then ready.
    expect(await page.evaluate(() => (window as unknown as { __db: string[] }).__db)).toEqual(['opening', 'ready']);
    await runSql(page, 'SELECT 6 * 7 AS n');
    expect(await cells(page)).toEqual([['42']]);
    expect(errors).toEqual([]);
    await close();
  });

  it('draws the columns of a dataset opened before the page could answer', async () => {
    const { page, errors, close, release } = await openUnhydrated();
    const facilities = page.locator('.schema > li', { has: page.locator('summary code', { hasText: /^facilities$/ }) });
    await facilities.locator('summary').click(); // prerendered: the link to the catalog, until the page can draw them
    await expect.poll(() => facilities.locator('a', { hasText: 'Its columns in the data catalog' }).count()).toBe(1);
    release();
    const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { resources: { name: string; schema: { fields: unknown[] } }[] };
    await expect.poll(() => facilities.locator('tbody tr').count(), { timeout: 30_000 }).toBe(pkg.resources.find((r) => r.name === 'facilities')!.schema.fields.length);
    expect(errors).toEqual([]);
    await close();
  });

  it('says the wasm is in while DuckDB, attaching the database, cannot answer the page yet, and loads the editor meanwhile', async () => {
    // DuckDB's worker reads the database with synchronous requests: held, it answers nothing, and the
    // page knows of the download only from what its head script heard.
    const { page, errors, close } = await openPage(site);
    const release = await holdRequests(page, /\/data\/detention\.duckdb$/);
    await page.goto(site.origin + '/explore/');
    await expect.poll(() => page.locator('.explorer').getAttribute('data-db'), { timeout: 30_000 }).toBe('opening');
    await page.locator('.cm-content').waitFor({ timeout: 30_000 });
    expect(await page.locator('.explorer').getAttribute('data-db')).toBe('opening');
    release();
    await ready(page);
    expect(errors).toEqual([]);
    await close();
  });

  it('presses again a button pressed before the page could answer: an example chosen while its code loads is shown', async () => {
    const { page, errors, close, release } = await openUnhydrated();
    const [first, second] = [page.locator('.examples button').nth(0), page.locator('.examples button').nth(1)];
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await second.click(); // prerendered, not hydrated: the head script keeps the press
    release();
    await expect.poll(() => second.getAttribute('aria-pressed'), { timeout: 30_000 }).toBe('true');
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    expect(new URL(page.url()).searchParams.get('example')).toBe(EXAMPLES[1]!.id);
    expect(errors).toEqual([]);
    await close();
  });

  it('says why DuckDB could not load when its wasm is missing, and the example answers stay (on a phone, the long address wraps)', async () => {
    const { page, close } = await openPage(site, { width: 390 });
    await page.route(/\.wasm\.gz$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(site.origin + '/explore/');
    await expect.poll(() => page.locator('.explorer').getAttribute('data-db'), { timeout: 30_000 }).toBe('failed');
    expect(await page.locator('.status').textContent()).toMatch(/DuckDB could not load: \S*duckdb-eh\.[\w-]+\.wasm\.gz: HTTP 404/);
    expect(await meta(page)).toMatch(/\d rows/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await close();
  });

  it('saves the site for offline use only once DuckDB is open, so its requests never queue before the wasm', async () => {
    const { page, errors, close } = await openPage(site, { serviceWorkers: 'allow' });
    const release = await holdRequests(page, /\.wasm\.gz$/);
    const registered = () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
    await page.goto(site.origin + '/explore/');
    await page.waitForLoadState('load');
    await page.waitForTimeout(500); // time enough for a registration at load to show
    expect(await registered()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.dataset.busy)).toBe('duckdb');
    release();
    await ready(page);
    await expect.poll(registered).toBe(true);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-busy'))).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('loads the SQL editor only when asked (not with the page), and a query typed before DuckDB is ready runs when it is', async () => {
    const { page, errors, close } = await openPage(site);
    // Hold DuckDB's wasm (the worker's fetch) until the editor has been checked: the page cannot get further on its own.
    const release = await holdRequests(page, /\.wasm\.gz$/);
    await page.goto(site.origin + '/explore/');
    const text = page.locator('.editor [role=textbox]');
    await text.waitFor(); // hydrated: the SQL is a textbox that loads the editor when focused
    await expect.poll(() => text.textContent()).toContain('SELECT');
    await page.waitForTimeout(500); // time enough for an editor loading with the page to show up
    expect(await page.locator('.cm-editor').count()).toBe(0);

    await text.focus();
    await page.waitForFunction(() => document.activeElement?.closest('.cm-editor') != null); // the editor, focused, DuckDB still held
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT 7 AS n');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.status').textContent()).toContain('your query runs when it is ready');
    release();
    await answeredAfter(page, 0);
    expect(await cells(page)).toEqual([['7']]);
    expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT 7 AS n');
    expect(errors).toEqual([]);
    await close();

    // Choosing SQL (back from the guided form) loads it too, DuckDB or not.
    const other = await openPage(site);
    await other.page.route(/\.wasm\.gz$/, () => {}); // never answered
    await other.page.goto(site.origin + '/explore/');
    await other.page.locator('.editor [role=textbox]').waitFor();
    await other.page.getByRole('button', { name: 'Guided' }).click();
    await other.page.getByRole('button', { name: 'SQL', exact: true }).click();
    await other.page.locator('.cm-content').waitFor();
    await other.close();
  });

  it('warms DuckDB with the example on show once it is ready; a query asked before then is the first it runs', async () => {
    // The queries each page sends DuckDB's worker, in order (duckdb-wasm's messages: the SQL is the string in `data`).
    const queries = (page: Page) => page.evaluate(() => (window as unknown as { __queries: string[] }).__queries);
    const recordQueries = (page: Page) =>
      page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { __queries: string[] }).__queries = []);
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (this: Worker, m: { type?: string; data?: unknown }, ...rest: unknown[]) {
          const text = Array.isArray(m?.data) ? m.data.find((x) => typeof x === 'string') : undefined;
          if (m?.type === 'START_PENDING_QUERY' || m?.type === 'GET_TABLE_NAMES') seen.push(`${m.type} ${text}`);
          return (post as (...a: unknown[]) => void).call(this, m, ...rest);
        };
      });
    const { page, errors, close } = await openPage(site);
    await recordQueries(page);
    await page.goto(site.origin + '/explore/');
    await ready(page);
    // The warm-up: the example on show, read through and its tables asked, nothing shown or counted as the reader's.
    await expect.poll(() => queries(page)).toEqual([`START_PENDING_QUERY ${EXAMPLES[0]!.sql}`, `GET_TABLE_NAMES ${EXAMPLES[0]!.sql}`]);
    expect([await sent(page), await runs(page)]).toEqual([0, 0]);
    await runSql(page, 'SELECT 41 + 1 AS n');
    expect(await cells(page)).toEqual([['42']]);
    expect(errors).toEqual([]);
    await close();

    // A link's query, Run pressed while DuckDB opens: it runs first, and no warm-up is sent.
    const linked = await openPage(site);
    await recordQueries(linked.page);
    const release = await holdRequests(linked.page, /\/data\/detention\.duckdb$/);
    await linked.page.goto(`${site.origin}/explore/?sql=${encodeURIComponent('SELECT 6 * 7 AS n')}`);
    await expect.poll(() => linked.page.getByTestId('linked').textContent()).toContain('press Run');
    await linked.page.getByRole('button', { name: 'Run', exact: true }).click();
    release();
    await answeredAfter(linked.page, 0);
    expect(await cells(linked.page)).toEqual([['42']]);
    expect(await queries(linked.page)).toEqual(['START_PENDING_QUERY SELECT 6 * 7 AS n', 'GET_TABLE_NAMES SELECT 6 * 7 AS n']);
    await linked.close();
  });

  it('completes table and column names in the editor, and Tab leaves it', async () => {
    const { page } = shared;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT * FROM ice_facility_f');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => page.locator('.cm-tooltip-autocomplete').textContent()).toContain('ice_facility_fy');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);
  });

  it('shows DuckDB’s error for a bad query', async () => {
    const { page } = shared;
    await runSql(page, 'SELECT * FROM no_such_table');
    await expect.poll(() => page.getByTestId('query-error').textContent()).toMatch(/Catalog Error.*no_such_table/);
  });

  it('cannot reach another origin, load extensions or unlock the configuration', async () => {
    const { page, requests } = shared;
    let hits = 0;
    const other: Server = createServer((_, res) => (hits++, res.end('a\n1\n')));
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    for (const q of [`SELECT * FROM read_csv('${url}/x.csv')`, `SELECT * FROM '${url}/x.csv'`, `ATTACH '${url}/x.duckdb' AS x`, "COPY (SELECT 1) TO 'x.csv'", 'LOAD spatial']) {
      await runSql(page, q);
      await expect(page.getByTestId('query-error').textContent(), q).resolves.toMatch(/^Permission Error/);
    }
    await runSql(page, 'SET enable_external_access = true');
    await expect.poll(() => page.getByTestId('query-error').textContent()).toContain('the configuration has been locked');
    await runSql(page, 'INSTALL spatial'); // a no-op here: the request below shows it fetched nothing
    expect(hits).toBe(0);
    expect(offOrigin(requests, site.origin)).toEqual([]);
    await new Promise((ok) => other.close(ok));
  });

  it('cancels a long query', async () => {
    const { page } = shared;
    const before = await runs(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Cancel' }).click({ timeout: 10_000 });
    await answeredAfter(page, before, 30_000);
    await expect.poll(() => page.getByTestId('query-error').textContent()).toBe('Query cancelled.');
    // And the next query runs.
    await runSql(page, 'SELECT 42 AS answer');
    expect(await cells(page)).toEqual([['42']]);
  });

  it('cancels a cross join that streams rows forever, within seconds, and the next query answers', async () => {
    const { page } = shared;
    const before = await runs(page);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT * FROM range(100000) a, range(100000) b');
    await page.keyboard.press('Control+Enter');
    // Rows are arriving (DuckDB's interrupt cannot stop a result that is streaming).
    await page.locator('.status', { hasText: 'rows so far' }).waitFor({ timeout: 30_000 });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await answeredAfter(page, before, 10_000);
    console.log(`streaming cross join: cancelled ${Date.now() - t0} ms after Cancel`);
    await expect.poll(() => page.getByTestId('query-error').textContent()).toBe('Query cancelled.');
    await runSql(page, "SELECT count(*) AS n FROM facilities WHERE state = 'GA'");
    const [want] = await sql<{ n: string }>("SELECT count(*) AS n FROM 'data/facilities.parquet' WHERE state = 'GA'");
    expect(await cells(page)).toEqual([[count(want!.n)]]);
  });

  it('cancels a query the worker cannot interrupt by starting DuckDB again, locked as before', async () => {
    const { page, errors, close } = await openPage(site);
    // DuckDB's workers, started and not yet ended.
    const started: string[] = [];
    const live = new Set<string>();
    page.on('worker', (w) => {
      if (!/wasm-stream/.test(workerScript(w.url()))) return; // the worker DuckDB runs in (each starts a compile worker, which it ends)
      const id = `${started.length}`;
      started.push(id);
      live.add(id);
      w.on('close', () => live.delete(id));
    });
    await page.goto(site.origin + '/explore/');
    await ready(page);
    const first = started.length;
    expect(live.size).toBe(1);
    const before = await runs(page);
    await page.getByRole('button', { name: 'SQL', exact: true }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    // One long step inside the worker: DuckDB's interrupt is never read.
    await page.keyboard.insertText('SELECT count(*) FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = -1');
    await page.keyboard.press('Control+Enter');
    await page.locator('.status', { hasText: 'Running' }).waitFor();
    // Into that step: "Running" shows as the query is sent. In a full run on a loaded machine the Cancel
    // came before the step began, DuckDB's interrupt stopped the query, and no new worker was needed.
    await page.waitForTimeout(3000);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await answeredAfter(page, before, 10_000);
    await expect.poll(() => page.getByTestId('query-error').textContent()).toBe('Query cancelled.');
    await runSql(page, 'SELECT 42 AS answer');
    expect(await cells(page)).toEqual([['42']]);
    expect(started.length).toBe(first + 1); // a new worker…
    // …and the stuck one ended: Chromium stops a thread busy in wasm on its own time, which on a
    // loaded 2-core machine (the ingest tests running beside this one) can pass the 5 s default.
    await expect.poll(() => live.size, { timeout: 30_000 }).toBe(1);
    // The new DuckDB is locked like the first: no other origin, no unlocking.
    await runSql(page, "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')");
    await expect.poll(() => page.getByTestId('query-error').textContent()).toMatch(/^Permission Error/);
    await runSql(page, 'SET enable_external_access = true');
    await expect.poll(() => page.getByTestId('query-error').textContent()).toContain('the configuration has been locked');
    expect(errors).toEqual([]);
    await close();
  });

  it('refuses a blob of the whole database with a message, and the page keeps working', async () => {
    const { page, errors, close } = await openPage(site);
    let crashed = false;
    page.on('crash', () => (crashed = true));
    await page.goto(site.origin + '/explore/');
    await ready(page);
    await runSql(page, "SELECT * FROM read_blob('detention.duckdb')");
    await expect.poll(() => page.getByTestId('query-error').textContent()).toMatch(/^Row 1, column “content” holds [\d,]+ bytes: the explorer shows at most 100,000 in a cell\./);
    await runSql(page, "SELECT octet_length(content) AS bytes FROM read_blob('detention.duckdb')");
    expect(Number((await cells(page))[0]![0]!.replace(/,/g, ''))).toBeGreaterThan(1_000_000);
    await runSql(page, 'SELECT 42 AS answer');
    expect(await cells(page)).toEqual([['42']]);
    expect(crashed).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps a 100,000-row result fast: a few rows in the page, scrolled and sorted', async () => {
    const { page } = shared;
    await runSql(page, 'SELECT detention_facility_code, date, n_detained FROM ice_facility_daily ORDER BY date, detention_facility_code LIMIT 100000');
    await expect(meta(page)).resolves.toContain('100,000 rows');
    expect(await page.locator('.scroller tbody tr').count()).toBeLessThan(120);
    await page.locator('.scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.locator('.scroller tbody tr[aria-rowindex="100001"]').waitFor();
    const [top] = await sql<{ n: number }>(
      "SELECT max(n_detained) AS n FROM (SELECT n_detained FROM 'data/ice_facility_daily.parquet' ORDER BY date, detention_facility_code LIMIT 100000)",
    );
    await page.getByRole('button', { name: 'n_detained', exact: true }).click();
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    expect((await cells(page))[0]![2]).toBe(count(top!.n));
    await expect.poll(() => page.getByTestId('no-chart').textContent()).toMatch(/\d+ values of detention_facility_code to draw as lines/);
  });

  it('downloads Parquet and a CSV zip that carry the sources and licenses of what was read', async () => {
    const { page } = shared;
    await runSql(page, "SELECT facility_id, name, population FROM facilities WHERE state = 'GA' ORDER BY facility_id");
    const [parquetDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Parquet' }).click()]);
    const file = await parquetDownload.path();
    const want = await sql("SELECT facility_id, name, population FROM 'data/facilities.parquet' WHERE state = 'GA' ORDER BY facility_id");
    expect(await sql(`SELECT * FROM read_parquet('${file}')`)).toEqual(want);
    const kv = await sql<{ key: string; value: string }>(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`);
    const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { resources: { name: string; sources: { title: string }[]; licenses: { name: string }[] }[] };
    const facilities = pkg.resources.find((r) => r.name === 'facilities')!;
    expect(JSON.parse(kv.find((k) => k.key === 'sources')!.value).map((s: { title: string }) => s.title)).toEqual(facilities.sources.map((s) => s.title));
    expect(JSON.parse(kv.find((k) => k.key === 'licenses')!.value)).toEqual(facilities.licenses.map((l) => l.name));
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    expect(zip.suggestedFilename()).toBe('result.zip');
  });

  it('writes a formula from a query result as text in the CSV zip, and its README says so', async () => {
    const { page } = shared;
    await runSql(page, `SELECT '=HYPERLINK("x")' AS v, 7 AS n`);
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).click()]);
    const files = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    expect(strFromU8(files['result.csv']!)).toBe(`v,n\n"'=HYPERLINK(""x"")",7`);
    expect(strFromU8(files['README.txt']!)).toContain("is written with an apostrophe (') in front");
  });

  it('lists every dataset with its columns', async () => {
    const { page } = shared;
    const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { resources: { name: string; schema: { fields: unknown[] } }[] };
    await expect.poll(() => page.locator('.schema > li').count()).toBe(pkg.resources.length);
    const facilities = page.locator('.schema > li', { has: page.locator('summary code', { hasText: /^facilities$/ }) });
    await facilities.locator('summary').click();
    await expect.poll(() => facilities.locator('tbody tr').count()).toBe(pkg.resources.find((r) => r.name === 'facilities')!.schema.fields.length);
    // A completion list the queries typed above may have left open (CodeMirror's listbox, reached by
    // arrow keys from the editor) is not part of this page's state: close it as a reader would.
    await page.locator('.cm-content').press('Escape');
    await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
    expect(await axe(page)).toEqual([]);
  });

  it('is the only page that downloads DuckDB', async () => {
    const { page, requests, close } = await openPage(site);
    for (const path of ['/', '/facilities/stwrtga/', '/near/', '/charts/', '/data/', '/embed/ice-national-monthly/']) {
      await page.goto(site.origin + path);
      await page.waitForLoadState('networkidle');
    }
    expect(requests.filter((u) => /duckdb|wasm-stream/i.test(u))).toEqual([]);
    await close();
  });
});
