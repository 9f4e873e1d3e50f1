/**
 * The static server (scripts/serve.ts, npm start) sends the build's precompressed copies to
 * clients that accept them — pages, chart images and data as well as the framework's
 * assets — and the same bytes, uncompressed, to those that do not; byte ranges stay uncompressed.
 */
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteHandler } from '../../scripts/serve';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './harness';

const BUILD = process.env.BUILD_DIR ?? 'build';
let site: Site;
beforeAll(async () => (site = await startSite()));
afterAll(async () => site?.close());

function raw(path: string, headers: Record<string, string> = {}, origin = site.origin): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((ok, fail) =>
    get(origin + path, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    }).on('error', fail),
  );
}

describe('npm start server', () => {
  it('sends brotli or gzip where accepted, and the built file otherwise', async () => {
    for (const [path, file] of [
      ['/facilities/stwrtga/', 'facilities/stwrtga/index.html'],
      ['/charts/ice-national-monthly.svg', 'charts/ice-national-monthly.svg'],
      ['/data/geo/zips.json', 'data/geo/zips.json'],
      ['/service-worker.js', 'service-worker.js'],
    ]) {
      const built = readFileSync(join(BUILD, file!));
      const br = await raw(path!, { 'accept-encoding': 'br, gzip' });
      expect([path, br.encoding]).toEqual([path, 'br']);
      expect(brotliDecompressSync(br.body).equals(built)).toBe(true);
      expect(br.body.length).toBeLessThan(built.length / 2);
      const gz = await raw(path!, { 'accept-encoding': 'gzip' });
      expect([path, gz.encoding]).toEqual([path, 'gzip']);
      expect(gunzipSync(gz.body).equals(built)).toBe(true);
      const plain = await raw(path!);
      expect([path, plain.encoding]).toEqual([path, undefined]);
      expect(plain.body.equals(built)).toBe(true);
    }
  });

  it('answers a byte range with those bytes, uncompressed', async () => {
    const r = await raw('/data/geo/zips.json', { 'accept-encoding': 'br, gzip', range: 'bytes=0-9' });
    expect(r.status).toBe(206);
    expect(r.encoding).toBeUndefined();
    expect(r.body.equals(readFileSync(join(BUILD, 'data/geo/zips.json')).subarray(0, 10))).toBe(true);
  });

  it('keeps serving when a file it listed at start is deleted (a rebuild under a running server)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-'));
    cpSync(join(BUILD, 'index.html'), join(dir, 'index.html'));
    cpSync(join(BUILD, 'methodology'), join(dir, 'methodology'), { recursive: true });
    const server = createServer(siteHandler(dir));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    rmSync(join(dir, 'methodology'), { recursive: true });
    // The answer for the vanished page fails (or is cut short); the server goes on answering.
    await raw('/methodology/', { 'accept-encoding': 'br' }, origin).catch(() => null);
    await expect(raw('/', {}, origin).then((r) => r.status)).resolves.toBe(200);
    await new Promise((ok) => server.close(ok));
    rmSync(dir, { recursive: true });
  });
});
