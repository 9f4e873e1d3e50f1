/**
 * --download against a local server: `mirror` rewrites https://www.ice.gov/doclib/… to
 * http://127.0.0.1:PORT/www.ice.gov/doclib/…, so the fixture files are served from a folder laid
 * out as <host>/<path>. Nothing here contacts any other host.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, openDuck, rows } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { ICE_DECL, ICE_DIR, expectedMonthly, writeIceSources } from '../../fixtures/ice-workbook';

const quiet = () => {};
let root: string;
let served: string; // <host>/<path> tree
let server: Server;
let mirror: string;
const requests: { path: string; host: string | undefined }[] = [];

const urlPaths = (ICE_DECL.urls ?? []).map((u) => u.replace(/^https:\/\//, ''));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ingest-download-test-'));
  // Write the fixtures as a sources tree, then move the folder to where the URLs point.
  const staging = join(root, 'staging');
  await writeIceSources(staging);
  const dirs = new Set(urlPaths.map((p) => p.slice(0, p.lastIndexOf('/'))));
  expect(dirs.size).toBe(1);
  served = join(root, 'served');
  const target = join(served, [...dirs][0]!);
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(join(staging, ICE_DIR), target);

  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ path, host: req.headers.host });
    const file = normalize(join(served, path));
    if (!file.startsWith(served + '/') || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }).end(readFileSync(file));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  expect(server.listening).toBe(false);
  rmSync(root, { recursive: true, force: true });
});

// The engine downloads into a folder under os.tmpdir(): point that at a private folder to see
// that it is removed whether the run succeeds or fails.
let privateTmp: string;
let savedTmp: string | undefined;
beforeEach(() => {
  requests.length = 0;
  privateTmp = mkdtempSync(join(root, 'tmp-'));
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  expect(tmpdir()).toBe(privateTmp);
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});

describe('ingest --download', () => {
  it('fetches every declared address through the mirror and publishes what it fetched', async () => {
    const out = join(root, 'out-ok');
    await ingest({ sources: join(root, 'no-sources-here'), out, download: true, mirror, only: ['ice-workbooks'], log: quiet });

    expect(requests.map((r) => r.path).sort()).toEqual(urlPaths.map((p) => `/${p}`).sort());
    expect(new Set(requests.map((r) => r.host))).toEqual(new Set([mirror.replace('http://', '')]));
    expect(readdirSync(privateTmp)).toEqual([]);

    const { instance, con } = await openDuck();
    try {
      const got = await rows(
        con,
        `SELECT month, fiscal_year::INT AS fiscal_year, adp, partial, data_through::VARCHAR AS data_through, source_file, source_row::INT AS source_row, source_column
         FROM read_parquet('${join(out, 'ice_national_monthly.parquet')}') ORDER BY month`,
      );
      expect(got).toEqual(expectedMonthly());
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  it('fails on a 404, naming the file and the address, and changes nothing', async () => {
    const missing = urlPaths.find((p) => p.includes('FY23'))!;
    const file = join(served, missing);
    renameSync(file, `${file}.away`);
    const out = join(root, 'out-404');
    mkdirSync(out);
    try {
      const err = await ingest({ sources: root, out, download: true, mirror, only: ['ice-workbooks'], log: quiet }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      const name = missing.slice(missing.lastIndexOf('/') + 1);
      expect((err as IngestError).message).toBe(`${ICE_DIR}/${name}: expected HTTP 200 from ${mirror}/${missing}, got 404`);
    } finally {
      renameSync(`${file}.away`, file);
    }
    expect(readdirSync(out)).toEqual([]);
    expect(readdirSync(root).filter((n) => n.startsWith('out-404'))).toEqual(['out-404']);
    // Regression: a failed download used to leave its ingest-download-* folder in the temp folder.
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('fails when the mirror cannot be reached, naming the address', async () => {
    // A port that was just free on this host: connection refused, no other host involved.
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const dead = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const err = await ingest({ sources: root, out: join(root, 'out-dead'), download: true, mirror: dead, only: ['ice-workbooks'], log: quiet }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    const first = urlPaths[0]!;
    const e = err as IngestError;
    expect(e.where.file).toBe(`${ICE_DIR}/${first.slice(first.lastIndexOf('/') + 1)}`);
    expect(e.expected.startsWith(`expected to download ${dead}/${first} (`)).toBe(true);
    expect(existsSync(join(root, 'out-dead'))).toBe(false);
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});
