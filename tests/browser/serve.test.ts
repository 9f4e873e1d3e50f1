/**
 * The static server (scripts/serve.ts, npm start) sends the build's precompressed copies to
 * clients that accept them, as their q-values rank them — pages, chart images and data as well as
 * the framework's assets — and the same bytes, uncompressed, to those that do not; byte ranges stay
 * uncompressed. It answers conditional requests, refuses methods other than GET and HEAD, gives
 * every answer a type and the security headers, and no request ends it: npm start's own process
 * is run here too. tests/browser/serve-fuzz.test.ts sends it random malformed requests.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from '../../scripts/serve';
import { checkServer } from './server-checks';

const BUILD = process.env.BUILD_DIR ?? 'build';
let server: Server;
let origin: string;

async function listen(s: Server) {
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}
beforeAll(async () => {
  server = createSiteServer(BUILD);
  origin = await listen(server);
});
afterAll(() => new Promise((ok) => server?.close(ok)));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  encoding: string | undefined;
  body: Buffer;
}

function raw(path: string, headers: Record<string, string> = {}, opts: { method?: string; origin?: string } = {}): Promise<Answer> {
  return new Promise((ok, fail) =>
    httpRequest(`${opts.origin ?? origin}${path}`, { method: opts.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end(),
  );
}

/** The bytes as written, over a plain socket (an HTTP client would refuse to send a malformed line), and the answer's head. */
function rawSocket(port: number, text: string): Promise<{ status: number; head: string }> {
  return new Promise((ok, fail) => {
    let got = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(text)}`)));
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('error', fail);
    socket.on('close', () => ok({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0), head: got.split('\r\n\r\n')[0]! }));
  });
}

const built = (file: string) => readFileSync(join(BUILD, file));
const portOf = (o: string) => Number(new URL(o).port);

describe('npm start server', () => {
  it('passes the checks every server of the build must (the ones nginx and Caddy pass in tests/browser/hosts.test.ts)', async () => {
    expect(await checkServer(origin, BUILD)).toEqual([]);
  });

  it('sends brotli or gzip where accepted, and the built file otherwise', async () => {
    for (const [path, file] of [
      ['/facilities/stwrtga/', 'facilities/stwrtga/index.html'],
      ['/charts/ice-national-monthly.svg', 'charts/ice-national-monthly.svg'],
      ['/data/geo/zips.json', 'data/geo/zips.json'],
      ['/service-worker.js', 'service-worker.js'],
    ]) {
      const file_ = built(file!);
      const br = await raw(path!, { 'accept-encoding': 'br, gzip' });
      expect([path, br.encoding]).toEqual([path, 'br']);
      expect(brotliDecompressSync(br.body).equals(file_)).toBe(true);
      expect(br.body.length).toBeLessThan(file_.length / 2);
      const gz = await raw(path!, { 'accept-encoding': 'gzip' });
      expect([path, gz.encoding]).toEqual([path, 'gzip']);
      expect(gunzipSync(gz.body).equals(file_)).toBe(true);
      const plain = await raw(path!);
      expect([path, plain.encoding]).toEqual([path, undefined]);
      expect(plain.body.equals(file_)).toBe(true);
      // The compressed copy is labelled with the original's type, not as a .br or .gz file.
      expect(br.headers['content-type']).toBe(plain.headers['content-type']);
      expect(gz.headers['content-type']).toBe(plain.headers['content-type']);
    }
  });

  it('ranks encodings by the q-values of Accept-Encoding, and says the answer varies by it', async () => {
    const cases: [string, string | undefined][] = [
      ['br;q=0, gzip', 'gzip'],
      ['gzip, br;q=0.5', 'gzip'],
      ['br;q=0.8, gzip;q=0.9', 'gzip'],
      ['gzip;q=0.9, br', 'br'],
      ['gzip, deflate, br, zstd', 'br'], // what Chromium sends: equal q, so the server's order (smaller first)
      ['BR', 'br'],
      ['*', 'br'],
      ['identity;q=0, *', 'br'],
      ['*;q=0.5, br;q=0', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['gzip;q=0.5, identity', undefined], // identity is ranked above gzip
      ['deflate', undefined],
      ['', undefined],
      // Nothing acceptable: the file itself, as RFC 9110 §12.5.3 says, rather than an error.
      ['identity;q=0', undefined],
      ['*;q=0', undefined],
    ];
    const file = built('facilities/stwrtga/index.html');
    for (const [accept, expected] of cases) {
      const r = await raw('/facilities/stwrtga/', { 'accept-encoding': accept });
      expect([accept, r.status, r.encoding]).toEqual([accept, 200, expected]);
      expect([accept, r.headers.vary]).toEqual([accept, 'Accept-Encoding']);
      const body = expected === 'br' ? brotliDecompressSync(r.body) : expected === 'gzip' ? gunzipSync(r.body) : r.body;
      expect([accept, body.equals(file)]).toEqual([accept, true]);
    }
  });

  it('answers a byte range with those bytes, uncompressed, under the full answer’s ETag', async () => {
    const r = await raw('/data/geo/zips.json', { 'accept-encoding': 'br, gzip', range: 'bytes=0-9' });
    expect(r.status).toBe(206);
    expect(r.encoding).toBeUndefined();
    expect(r.body.equals(built('data/geo/zips.json').subarray(0, 10))).toBe(true);
    const full = await raw('/data/geo/zips.json');
    expect(full.headers.etag).toBeTruthy();
    expect(r.headers.etag).toBe(full.headers.etag);
    expect(r.headers['content-range']).toBe(`bytes 0-9/${full.body.length}`);
  });

  it('gives DuckDB what it reads the database with: the real length to a HEAD, and one-byte ranges', async () => {
    const size = statSync(join(BUILD, 'data/detention.duckdb')).size;
    const head = await raw('/data/detention.duckdb', { 'accept-encoding': 'gzip, deflate, br, zstd' }, { method: 'HEAD' });
    expect([head.status, head.headers['content-length'], head.headers['accept-ranges'], head.encoding, head.body.length]).toEqual([200, String(size), 'bytes', undefined, 0]);
    const one = await raw('/data/detention.duckdb', { 'accept-encoding': 'br', range: 'bytes=0-0' });
    expect([one.status, one.body.length, one.headers['content-range']]).toEqual([206, 1, `bytes 0-0/${size}`]);
    expect(one.body.equals(built('data/detention.duckdb').subarray(0, 1))).toBe(true);
    const past = await raw('/data/detention.duckdb', { range: `bytes=${size}-` });
    expect([past.status, past.headers['content-range'], past.headers['content-type']]).toEqual([416, `bytes */${size}`, 'text/plain; charset=utf-8']);
  });

  it('answers conditional requests: If-None-Match (*, lists, per encoding), If-Modified-Since, If-Range', async () => {
    const path = '/data/geo/zips.json';
    const full = await raw(path);
    const etag = full.headers.etag!;
    const modified = full.headers['last-modified']!;
    expect((await raw(path, {}, { method: 'HEAD' })).headers.etag).toBe(etag);
    const notModified = async (headers: Record<string, string>) => {
      const r = await raw(path, headers);
      return [JSON.stringify(headers), r.status, r.body.length];
    };
    expect(await notModified({ 'if-none-match': '*' })).toEqual([JSON.stringify({ 'if-none-match': '*' }), 304, 0]);
    expect(await notModified({ 'if-none-match': `"other", ${etag}` })).toEqual([JSON.stringify({ 'if-none-match': `"other", ${etag}` }), 304, 0]);
    expect(await notModified({ 'if-modified-since': modified })).toEqual([JSON.stringify({ 'if-modified-since': modified }), 304, 0]);
    const stale = (await raw(path, { 'if-none-match': '"other"' })).status;
    const older = (await raw(path, { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status;
    expect([stale, older]).toEqual([200, 200]);
    // The brotli copy is another representation, with its own ETag; a 304 still says what varies.
    const br = await raw(path, { 'accept-encoding': 'br' });
    expect(br.headers.etag).not.toBe(etag);
    const brAgain = await raw(path, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect([brAgain.status, brAgain.headers.vary, brAgain.headers.etag]).toEqual([304, 'Accept-Encoding', br.headers.etag]);
    expect((await raw(path, { 'accept-encoding': 'br', 'if-none-match': etag })).status).toBe(200);
    // If-Range: the range while the file is the one the client has, the whole file once it changed.
    expect((await raw(path, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
    const changed = await raw(path, { range: 'bytes=0-9', 'if-range': '"older"' });
    expect([changed.status, changed.body.length]).toEqual([200, full.body.length]);
  });

  it('refuses methods other than GET and HEAD with 405 and Allow; HEAD is GET without the body', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await raw('/', {}, { method });
      expect([method, r.status, r.headers.allow, r.headers['content-type']]).toEqual([method, 405, 'GET, HEAD', 'text/plain; charset=utf-8']);
      expect(r.body.toString()).not.toContain('<html');
    }
    const get = await raw('/', { 'accept-encoding': 'br' });
    const head = await raw('/', { 'accept-encoding': 'br' }, { method: 'HEAD' });
    expect([head.status, head.body.length, head.headers['content-length'], head.headers['content-type'], head.headers.etag]).toEqual([
      200,
      0,
      String(get.body.length),
      get.headers['content-type'],
      get.headers.etag,
    ]);
  });

  it('gives every answer a type and the security headers: 404 pages get a page, the embed 404 the embed index', async () => {
    const page = await raw('/no-such-page/');
    expect([page.status, page.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(page.body.equals(built('not-found/index.html'))).toBe(true);
    expect(page.body.toString()).toMatch(/<h1>Page not found<\/h1>[\s\S]*<a href="\/facilities\/">/);
    const embed = await raw('/embed/no-such-chart/');
    expect([embed.status, embed.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(embed.body.equals(built('embed/index.html'))).toBe(true);
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    const file = await raw('/no-such-file.js');
    expect([file.status, file.headers['content-type']]).toEqual([404, 'text/plain; charset=utf-8']);
    const headOf404 = await raw('/no-such-page/', {}, { method: 'HEAD' });
    expect([headOf404.status, headOf404.headers['content-type'], headOf404.body.length]).toEqual([404, 'text/html; charset=utf-8', 0]);
    const answers = {
      page,
      embed,
      file,
      badEscape: await raw('/%E0%A4%A/'),
      nul: await raw('/index.html%00.js'),
      post: await raw('/', {}, { method: 'POST' }),
      range: await raw('/index.html', { range: 'bytes=99999999-' }),
      folder: await raw('/methodology'),
    };
    for (const [name, r] of Object.entries(answers)) {
      expect([name, r.headers['content-type']?.split(';')[0]]).toEqual([name, r.status === 404 && name !== 'file' ? 'text/html' : 'text/plain']);
      expect([name, r.headers['x-content-type-options'], r.headers['referrer-policy']]).toEqual([name, 'nosniff', 'no-referrer']);
      expect([name, r.headers['content-security-policy']]).toEqual([name, expect.stringMatching(/default-src 'self'.*frame-ancestors/)]);
      expect([name, Number(r.headers['content-length'])]).toEqual([name, r.body.length]);
    }
    expect([answers.badEscape.status, answers.nul.status, answers.range.status, answers.folder.status]).toEqual([400, 400, 416, 301]);
  });

  it('sends a folder without its slash to its page, and frames by the path it serves, not the one asked', async () => {
    const r = await raw('/methodology?from=home');
    expect([r.status, r.headers.location]).toEqual([301, '/methodology/?from=home']);
    // "/embed/..%2f" is the home page; it keeps the home page's frame-ancestors.
    const home = await raw('/embed/..%2f');
    expect([home.status, home.body.equals(built('index.html'))]).toEqual([200, true]);
    expect(home.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const asset = /\/_app\/immutable\/[^"]+\.js/.exec(built('index.html').toString())![0];
    expect((await raw(asset)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw('/')).headers['cache-control']).toBe('no-cache');
  });

  it('keeps serving when a file it listed at start is deleted (a rebuild under a running server)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'serve-'));
    cpSync(join(BUILD, 'index.html'), join(dir, 'index.html'));
    cpSync(join(BUILD, 'methodology'), join(dir, 'methodology'), { recursive: true });
    const own = createSiteServer(dir);
    const ownOrigin = await listen(own);
    rmSync(join(dir, 'methodology'), { recursive: true });
    // The answer for the vanished page fails (or is cut short); the server goes on answering.
    await raw('/methodology/', { 'accept-encoding': 'br' }, { origin: ownOrigin }).catch(() => null);
    await expect(raw('/', {}, { origin: ownOrigin }).then((r) => r.status)).resolves.toBe(200);
    await new Promise((ok) => own.close(ok));
    rmSync(dir, { recursive: true });
  });

  it('npm start’s process answers a malformed request line with 400 and goes on serving', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BUILD_DIR: BUILD } });
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    try {
      const started = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const url = /http:\/\/\S+:\d+/.exec(out);
          if (url) ok(url[0]);
        });
        void exited.then((code) => fail(new Error(`npm start exited (${code}) before listening: ${out}`)));
      });
      const port = portOf(started);
      for (const line of ['GET //[ HTTP/1.1', 'GET http://[/ HTTP/1.1', 'GET /%zz HTTP/1.1', 'GET /a%00b HTTP/1.1']) {
        const r = await rawSocket(port, `${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        expect([line, r.status]).toEqual([line, 400]);
        expect(r.head).toMatch(/\r\ncontent-type: text\/plain; charset=utf-8\r\n/i);
      }
      // Past Node's header limit (the request line counts): 431, with a type, from the server's clientError handler.
      const big = await rawSocket(port, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
      expect(big.status).toBe(431);
      expect(big.head).toMatch(/\r\ncontent-type: text\/plain/i);
      const junk = await rawSocket(port, 'NOT HTTP AT ALL\r\n\r\n');
      expect(junk.status).toBe(400);
      expect(child.exitCode).toBeNull();
      expect((await raw('/', {}, { origin: started })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
