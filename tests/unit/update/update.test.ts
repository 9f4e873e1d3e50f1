/**
 * `npm run update` end to end, as its own process, against a local HTTP server: `--mirror` serves
 * https://www.ice.gov/… from http://127.0.0.1:PORT/www.ice.gov/…, with the fixture page and
 * workbooks built by tests/fixtures/ice-workbook.ts. Every case gets its own small sources folder
 * and output folder in the temp folder; a failure must leave both byte for byte as they were.
 * Only one case runs the ingest (restricted to the ICE workbooks with --only, under a second);
 * the others stop before it (--no-ingest, or nothing new, or a failure).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openDuck, rows } from '../../../scripts/ingest/engine';
import { RELEASES, YEAR_END, sha256 } from '../../../scripts/update/archive';
import { count } from '../../../src/lib/format';
import { columnOf, ICE_FILES, iceWorkbook, LAYOUT, sheetOf, setCell, writeIceSources, xlsxBytes } from '../../fixtures/ice-workbook';
import { CURRENT, detainedTotal, footnoteDate, nextRelease, PAGE_HTML, PAGE_PATH } from '../../fixtures/ice-page/releases';
import { snapshot } from '../ingest/snapshot';

const HOST = 'www.ice.gov';
const FY25 = ICE_FILES.find((n) => n.startsWith('FY25'))!;
const FY26_YEAR_END = ICE_FILES.find((n) => n.startsWith('FY26'))!;
const today = () => new Date().toISOString().slice(0, 10);

let root: string;
let baseSources: string; // the eight fixture year-end files
let baseOut: string; // a published output folder (the ICE datasets of baseSources)
let server: Server;
let mirror: string;
/** What the server answers, by path: the page, the year-end files, and each case's FY2026 file. */
const served = new Map<string, Buffer | string>();
/** Paths the server takes and never answers (a download under way when a signal comes). */
const hang = new Set<string>();
const requests: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'update-test-'));
  baseSources = join(root, 'sources');
  const files = await writeIceSources(baseSources);
  baseOut = join(root, 'out');
  await ingest({ sources: baseSources, out: baseOut, only: ['ice-workbooks'], log: () => {} });

  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (hang.has(path)) return;
    const body = served.get(path);
    if (body === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }).end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  served.set(`/${HOST}${PAGE_PATH}`, PAGE_HTML);
  // The page links FY2026 under a new name; the seven earlier years under the year-end files' names.
  for (const name of ICE_FILES.filter((n) => n !== FY26_YEAR_END)) served.set(`/${HOST}/doclib/detention/${name}`, readFileSync(files[name]!));
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A fresh copy of the sources and output folders for one case. */
function caseFolders(): { sources: string; out: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  cpSync(baseSources, join(dir, 'sources'), { recursive: true });
  cpSync(baseOut, join(dir, 'out'), { recursive: true });
  return { sources: join(dir, 'sources'), out: join(dir, 'out') };
}

const serve = (name: string, body: Buffer | string) => served.set(`/${HOST}/doclib/detention/${name}`, body);

/** The CLI as `npm run update` starts it, through the mirror. */
function start(args: string[]) {
  requests.length = 0;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/update.ts', '--mirror', mirror, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const done = (once(child, 'exit') as Promise<[number | null]>).then(([code]) => ({ code, stdout, stderr, lastLine: stderr.trim().split('\n').at(-1)! }));
  return { child, done };
}
const run = (args: string[]) => start(args).done;

const releaseFiles = (sources: string) => readdirSync(join(sources, RELEASES.dir));

describe('npm run update', () => {
  it('saves a new release as <today>_<ICE name>, byte for byte, and writes the note (--no-ingest)', async () => {
    const { sources, out } = caseFolders();
    const bytes = await xlsxBytes(nextRelease());
    serve(CURRENT, bytes);
    const outBefore = snapshot(out);
    const day = today();

    const r = await run(['--sources', sources, '--out', out, '--no-ingest']);
    expect(r.code, r.stderr).toBe(0);
    const saved = `${day}_${CURRENT}`;
    expect(releaseFiles(sources)).toEqual([saved]);
    expect(readFileSync(join(sources, RELEASES.dir, saved)).equals(bytes)).toBe(true);
    expect(r.lastLine).toBe(`update: 1 new release saved (${RELEASES.dir}/${saved}); not ingested (--no-ingest)`);
    expect(r.stdout).toContain(`| [\`${CURRENT}\`](https://${HOST}/doclib/detention/${CURRENT}) | \`${sha256(bytes).slice(0, 12)}\` | ${count(bytes.length)} | \`${RELEASES.dir}/${saved}\` |`);
    expect(r.stdout).toContain('Not ingested (`--no-ingest`)');
    expect(snapshot(out)).toEqual(outBefore);
    // The page, then each linked workbook once (the FY2026 link appears twice on the page), all through the mirror.
    expect(requests).toEqual([PAGE_PATH, `/doclib/detention/${CURRENT}`, ...ICE_FILES.filter((n) => n !== FY26_YEAR_END).reverse().map((n) => `/doclib/detention/${n}`)].map((p) => `/${HOST}${p}`));
  });

  it('exits 3 when every linked file is already in the sources, whatever its name, and changes nothing', async () => {
    const { sources, out } = caseFolders();
    // ICE links the FY2026 year-end bytes under a new name: the same release, known by its sha256.
    serve(CURRENT, readFileSync(join(sources, YEAR_END.dir, FY26_YEAR_END)));
    const before = { sources: snapshot(sources), out: snapshot(out) };

    const r = await run(['--sources', sources, '--out', out]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.lastLine).toBe(`update: nothing new (8 workbook links, every one already in ${sources})`);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/^dataset /m); // the ingest did not run
    expect({ sources: snapshot(sources), out: snapshot(out) }).toEqual(before);
  });

  it('saves a file whose name is known but whose bytes are new as a new release ("same name, new bytes")', async () => {
    const { sources, out } = caseFolders();
    serve(CURRENT, readFileSync(join(sources, YEAR_END.dir, FY26_YEAR_END)));
    const revised = iceWorkbook(2025);
    setCell(sheetOf(revised, /^Facilities/), LAYOUT.facilities.first, columnOf(sheetOf(revised, /^Facilities/), LAYOUT.facilities.header, 'Level A'), 700.25);
    const bytes = await xlsxBytes(revised);
    serve(FY25, bytes);
    const yearEnd = readFileSync(join(sources, YEAR_END.dir, FY25));
    try {
      const r = await run(['--sources', sources, '--out', out, '--no-ingest']);
      expect(r.code, r.stderr).toBe(0);
      const saved = releaseFiles(sources);
      expect(saved).toHaveLength(1);
      expect(saved[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d_${FY25.replace('.', '\\.')}$`));
      expect(readFileSync(join(sources, RELEASES.dir, saved[0]!)).equals(bytes)).toBe(true);
      expect(readFileSync(join(sources, YEAR_END.dir, FY25)).equals(yearEnd)).toBe(true);
      expect(r.stdout).toContain(`Same name, new bytes: ICE reused the name \`${FY25}\`, already in the sources as \`${YEAR_END.dir}/${FY25}\``);
    } finally {
      serve(FY25, yearEnd);
    }
  });

  describe('a bad file stops the run, names the problem, and leaves the sources and output folders as they were', () => {
    async function fails(body: Buffer | string, also?: () => Promise<void>) {
      const { sources, out } = caseFolders();
      serve(CURRENT, body);
      await also?.();
      const before = { sources: snapshot(sources), out: snapshot(out) };
      const r = await run(['--sources', sources, '--out', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(/^dataset /m);
      expect({ sources: snapshot(sources), out: snapshot(out) }).toEqual(before);
      return r.lastLine;
    }

    it('an HTML error page served as .xlsx', async () => {
      const line = await fails('<!DOCTYPE html>\n<html><head><title>Access Denied</title></head><body>Reference #18</body></html>\n');
      expect(line).toBe(`update failed: ${CURRENT}: expected a readable XLSX workbook (the file is an HTML page, not a zip archive)`);
    });

    it('a truncated file', async () => {
      const bytes = await xlsxBytes(nextRelease());
      const line = await fails(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      expect(line.startsWith(`update failed: ${CURRENT}: expected a readable XLSX workbook (`)).toBe(true);
    });

    it('a changed column layout (a renamed "Level A" header), with a good new file beside it that is not saved either', async () => {
      const spec = nextRelease();
      const fac = sheetOf(spec, /^Facilities/);
      setCell(fac, LAYOUT.facilities.header, columnOf(fac, LAYOUT.facilities.header, 'Level A'), 'Level A (ADP)');
      const good = iceWorkbook(2025);
      setCell(sheetOf(good, /^Facilities/), LAYOUT.facilities.first, columnOf(sheetOf(good, /^Facilities/), LAYOUT.facilities.header, 'Level A'), 701.5);
      const yearEnd = served.get(`/${HOST}/doclib/detention/${FY25}`)!;
      try {
        const line = await fails(await xlsxBytes(spec), async () => void serve(FY25, await xlsxBytes(good)));
        expect(line.startsWith(`update failed: ${CURRENT} sheet "${fac.name}" row ${LAYOUT.facilities.header}, column "Level A": expected a header row with Name, Address, City, State, Zip, AOR, Level A; found `)).toBe(true);
        expect(line).toContain('"Level A (ADP)"');
      } finally {
        serve(FY25, yearEnd);
      }
    });

    it('a workbook without its Footnotes sheet', async () => {
      const spec = nextRelease();
      spec.sheets = spec.sheets.filter((s) => !/^Footnotes/.test(s.name));
      const line = await fails(await xlsxBytes(spec));
      expect(line).toBe(`update failed: ${CURRENT}: expected a sheet matching /^Footnotes/; sheets are "Header", "Detention FY26", "Facilities FY26"`);
    });

    it('a link that answers 404', async () => {
      const { sources, out } = caseFolders();
      served.delete(`/${HOST}/doclib/detention/${CURRENT}`);
      const before = { sources: snapshot(sources), out: snapshot(out) };
      const r = await run(['--sources', sources, '--out', out]);
      expect(r.code).toBe(1);
      expect(r.lastLine).toBe(`update failed: expected HTTP 200 from ${mirror}/${HOST}/doclib/detention/${CURRENT}, got 404`);
      expect({ sources: snapshot(sources), out: snapshot(out) }).toEqual(before);
    });

    it('a page without workbook links (ICE changed the page)', async () => {
      const { sources, out } = caseFolders();
      served.set(`/${HOST}/detain/empty`, '<!DOCTYPE html><html><body><a href="/detain">Detention</a></body></html>');
      const r = await run(['--sources', sources, '--out', out, '--page', `https://${HOST}/detain/empty`]);
      expect(r.code).toBe(1);
      expect(r.lastLine).toBe(`update failed: https://${HOST}/detain/empty: expected links to workbooks under /doclib/detention/, found none (ICE may have changed the page)`);
    });
  });

  it('ingests the new release (--only ice-workbooks): ice_releases gets its data date and currently detained from the workbook, and the note compares it with the release before', async () => {
    const { sources, out } = caseFolders();
    const spec = nextRelease();
    serve(CURRENT, await xlsxBytes(spec));
    const notes = mkdtempSync(join(root, 'notes-'));
    const note = join(notes, 'release-note.md');

    const r = await run(['--sources', sources, '--out', out, '--only', 'ice-workbooks', '--note', note]);
    expect(r.code, r.stderr).toBe(0);
    const [saved] = releaseFiles(sources);
    expect(r.lastLine).toBe(`update: 1 new release saved (${RELEASES.dir}/${saved}); ingested into ${out}; note in ${note}`);
    expect(r.stdout).toBe('');

    const { instance, con } = await openDuck();
    try {
      const got = await rows(con, `SELECT release_date::VARCHAR AS release_date, currently_detained, current FROM read_parquet('${join(out, 'ice_releases.parquet')}') WHERE file = '${RELEASES.dir}/${saved}'`);
      expect(got).toEqual([{ release_date: footnoteDate(spec), currently_detained: detainedTotal(spec), current: true }]);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
    const text = readFileSync(note, 'utf8');
    expect(text).toContain(`Data through **${footnoteDate(spec)}** (FY2026).`);
    expect(text).toContain(`\`${YEAR_END.dir}/${FY26_YEAR_END}\` (data through ${footnoteDate(iceWorkbook(2026))})`);
    expect(text).toContain(`| Currently detained | ${count(detainedTotal(iceWorkbook(2026)))} | ${count(detainedTotal(spec))} |`);
    expect(text).toContain('Facilities not compared: no ice_facility_releases dataset');
    expect(readdirSync(notes)).toEqual(['release-note.md']); // written whole: no temp file left beside it
  });
});

describe('npm run update, stopped by a signal', () => {
  it('SIGTERM during a download: exits 143, nothing saved', async () => {
    const { sources, out } = caseFolders();
    serve(CURRENT, await xlsxBytes(nextRelease()));
    const slow = `/${HOST}/doclib/detention/${FY25}`;
    hang.add(slow);
    const before = { sources: snapshot(sources), out: snapshot(out) };
    try {
      const { child, done } = start(['--sources', sources, '--out', out]);
      const t0 = Date.now();
      while (!requests.includes(slow)) {
        if (Date.now() - t0 > 20_000) throw new Error(`no request for ${slow}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGTERM');
      const r = await done;
      expect(r.code, r.stderr).toBe(143);
      expect(r.lastLine).toBe(`update interrupted by SIGTERM: nothing saved to ${sources}, ${out} unchanged`);
      expect({ sources: snapshot(sources), out: snapshot(out) }).toEqual(before);
    } finally {
      hang.delete(slow);
    }
  });
});

// A failed ingest removes the files the run saved: shown with a release the ingest itself refuses.
describe('npm run update, when the ingest fails', () => {
  it('removes the new file from the sources folder and leaves the output folder as it was', async () => {
    const { sources, out } = caseFolders();
    const spec = nextRelease();
    // Readable, with a Facilities table the check accepts, but its data run past its fiscal year: the ingest stops on the footnote.
    const footnotes = sheetOf(spec, /^Footnotes/);
    footnotes.rows[LAYOUT.footnotes.through - 1]![1] = String(footnotes.rows[LAYOUT.footnotes.through - 1]![1]).replace('updated through 04/18/2026', 'updated through 04/18/2031');
    serve(CURRENT, await xlsxBytes(spec));
    const before = { sources: snapshot(sources), out: snapshot(out) };
    const notes = mkdtempSync(join(root, 'notes-'));
    const note = join(notes, 'release-note.md');

    const r = await run(['--sources', sources, '--out', out, '--only', 'ice-workbooks', '--note', note]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^ingest failed: /m);
    expect(r.lastLine).toMatch(/^update failed: the ingest exited with 1 \(its message is above\)$/);
    expect({ sources: snapshot(sources), out: snapshot(out) }).toEqual(before);
    expect(readdirSync(notes)).toEqual([]);
  });
});
