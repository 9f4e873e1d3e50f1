/**
 * Property-based test (fast-check) of the server npm start runs (`createSiteServer`, scripts/serve.ts)
 * under random malformed requests, written as raw bytes to a TCP socket on 127.0.0.1 so that what an
 * HTTP client would refuse to send gets sent: odd or lower-case methods, targets like "//[" or
 * "http://[", percent-encoding junk and NUL bytes, ".." in every spelling, bad HTTP versions, odd
 * line ends, missing or doubled Host headers, huge and oddly named headers, bad Range,
 * Accept-Encoding and conditional headers, pipelined requests. For each request:
 *  - no exception escapes the server, and it still answers GET / with 200 afterwards;
 *  - the answer, if any, is HTTP/1.1 with a status under 500 (every one of these is the client's error
 *    or a plain request), has a Content-Type unless it is a 304, and redirects only within the site;
 *  - no byte of a file outside the served folder (beside it, in a sibling with the same prefix, or
 *    /etc/passwd), nor of a dotfile inside it, is ever sent.
 * The served folder is a copy of a few built files, with those secrets planted around it.
 *
 * Deterministic: the seed is fixed (and printed in the suite name); FC_SEED=n explores others and
 * FC_RUNS sets the number of runs (default 800: about 5 s on 2 cores; stopped after 20 s whatever the count).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from '../../scripts/serve';

const SEED = Number(process.env.FC_SEED ?? 20261202);
const RUNS = Number(process.env.FC_RUNS ?? 800);
const BUILD = process.env.BUILD_DIR ?? 'build';
const OUTSIDE = 'SECRET-OUTSIDE-THE-SITE-7f3c9';
const DOTFILE = 'SECRET-IN-A-DOTFILE-2b81e';
const PASSWD = 'root:x:0:0';

let tmp: string;
let server: Server;
let port: number;
const escaped: unknown[] = [];
const onEscape = (e: unknown) => escaped.push(e);

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'serve-fuzz-'));
  const site = join(tmp, 'site');
  for (const f of ['index.html', 'index.html.br', 'index.html.gz', 'favicon.svg', 'service-worker.js', 'service-worker.js.br', 'service-worker.js.gz', 'embed/index.html', 'methodology'])
    cpSync(join(BUILD, f), join(site, f), { recursive: true });
  writeFileSync(join(site, '.secret'), DOTFILE);
  writeFileSync(join(tmp, 'secret.txt'), OUTSIDE);
  writeFileSync(join(tmp, 'site.txt'), OUTSIDE);
  mkdirSync(join(tmp, 'site-secret'));
  writeFileSync(join(tmp, 'site-secret', 'secret.txt'), OUTSIDE);
  server = createSiteServer(site);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  // An exception thrown in a request listener is uncaught: seen here, it fails the run that caused it.
  process.on('uncaughtException', onEscape);
});
afterAll(async () => {
  process.off('uncaughtException', onEscape);
  await new Promise((ok) => server?.close(ok));
  if (tmp) rmSync(tmp, { recursive: true });
});

/** The first final (non-1xx) answer in `bytes`: status, headers, and whether its body has all arrived. */
function firstAnswer(bytes: Buffer, head: boolean) {
  let at = 0;
  for (;;) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) return null;
    const lines = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(lines[0]!)?.[1] ?? NaN);
    const headers = new Map(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    if (status >= 100 && status < 200) {
      at = end + 4;
      continue;
    }
    const length = head || status === 304 || status === 204 ? 0 : Number(headers.get('content-length') ?? NaN);
    return { status, statusLine: lines[0]!, headers, complete: bytes.length - (end + 4) >= length };
  }
}

/**
 * Writes the bytes, and reads until the first answer is complete or the server closes. A request the
 * server is still waiting on (a line end it does not take, a body never sent) gets an end of input
 * after 250 ms of silence, which it must answer or close on.
 */
function exchange(payload: Buffer, head: boolean): Promise<Buffer> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    let idle: NodeJS.Timeout;
    const done = () => {
      clearTimeout(idle);
      clearTimeout(limit);
      socket.destroy();
      ok(Buffer.concat(chunks));
    };
    const limit = setTimeout(done, 3000);
    const quiet = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.end(), 250);
    };
    socket.on('connect', () => {
      socket.write(payload);
      quiet();
    });
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (firstAnswer(Buffer.concat(chunks), head)?.complete) done();
      else quiet();
    });
    socket.on('error', () => {}); // a reset after the server gives up on a request is an answer too
    socket.on('close', done);
  });
}

const homeStatus = () =>
  new Promise<number>((ok, fail) => get(`http://127.0.0.1:${port}/`, { agent: false }, (res) => res.resume().on('end', () => ok(res.statusCode ?? 0))).on('error', fail));

// Path pieces: the site's own, every spelling of "..", the secrets' names; escapes good and bad.
const SEGMENTS = [
  '', '.', '..', '...', '%2e', '%2e%2e', '%2E%2e', '.%2e', '..%2f', '..%2F', '..%5c', '%2f', '%5c', '%252e%252e', '%c3%a9', '~', ';', "'", '@', ':',
  'index.html', 'index.html.br', 'embed', 'methodology', 'favicon.svg', '_app', 'immutable', 'etc', 'passwd',
  'secret.txt', 'site-secret', 'site.txt', '.secret', '%2esecret', 'a'.repeat(300),
];
const BAD_SEGMENTS = ['%00', 'a%00.html', '%', '%zz', '%e0%a4%a', '%ff', '%c0%ae%c0%ae', '..\\', '[', ']', '//[', '|', '^', '{', '`'];
const encoded = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ed%a0%80'; // a lone surrogate, which has no UTF-8: as a client would send it
  }
};
/** Pieces a client could send (escaped), with a few bad escapes and characters that a path may not hold. */
const segment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...SEGMENTS) },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map(encoded) },
  { weight: 1, arbitrary: fc.constantFrom(...BAD_SEGMENTS) },
);
const anySegment = fc.oneof(segment, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }));
const pathOf = (seg: fc.Arbitrary<string>) => fc.array(seg, { maxLength: 5 }).map((s) => `/${s.join('/')}`);
const query = fc.oneof(fc.constant(''), fc.string({ unit: 'binary', maxLength: 12 }).map((q) => `?${encoded(q)}`), fc.constantFrom('?%', '?a=%zz', '?x=1&y=[]', '?from=home'));
const target = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(pathOf(anySegment), fc.oneof(query, fc.string({ maxLength: 12 }).map((q) => `?${q}`))).map(([p, q]) => p + q) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '//[', '*', '', ' ', 'a', '//', '///etc/passwd', '/..', '/../secret.txt', '/../site-secret/secret.txt', '/..%2fsite.txt',
      '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', 'http://x/../secret.txt', 'http://[', 'https://x/%2e%2e/secret.txt',
      'http://127.0.0.1/%2e%2e%2fsecret.txt', 'file:///etc/passwd', '//evil.example/', '/\\evil.example/', '/methodology',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 8000, max: 40_000 }).map((n) => `/${'a'.repeat(n)}`) },
);
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'GET', 'HEAD') },
  { weight: 3, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'PRI', 'get', 'G\u0000ET', '', 'GET GET') },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const version = fc.oneof({ weight: 6, arbitrary: fc.constant('HTTP/1.1') }, { weight: 2, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.10', 'http/1.1', 'HTTP/1.1 x', '', 'HTTP/') });
const range = fc.oneof(
  fc.constantFrom('bytes=0-0', 'bytes=0-9', 'bytes=-5', 'bytes=5-', 'bytes=5-1', 'bytes=0-0,2-3', 'bytes=a-b', 'bytes=99999999999999999999-', 'bytes=-0', 'items=0-1', 'bytes=', '=', 'bytes=0-0\u0000'),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => `bytes=${a}-${b}`),
  fc.string({ maxLength: 16 }),
);
const coding = fc.constantFrom('br', 'gzip', 'identity', '*', 'deflate', 'zstd', 'BR', '', 'x-gzip', ';', 'br;q', 'gzip;q=');
const accept = fc.oneof(
  fc.array(fc.tuple(coding, fc.option(fc.oneof(fc.constantFrom('0', '1', '0.5', '2', '-1', 'abc', '0.0001', '1e3')))), { maxLength: 4 }).map((cs) => cs.map(([c, q]) => (q === null ? c : `${c};q=${q}`)).join(', ')),
  fc.string({ maxLength: 20 }),
);
const condition = fc.oneof(fc.constantFrom('*', '"a", "b"', 'W/"x"', '"', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'not a date', ''), fc.string({ maxLength: 20 }));
const anyValue = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('\u0000', ' ', 'a\r\n b', '-1', '99999999999999999999'));
const header = fc.oneof(
  fc.tuple(fc.constant('Range'), range),
  fc.tuple(fc.constant('Accept-Encoding'), accept),
  fc.tuple(fc.constantFrom('If-None-Match', 'If-Match', 'If-Modified-Since', 'If-Unmodified-Since', 'If-Range'), condition),
  fc.tuple(fc.constantFrom('Content-Length', 'Transfer-Encoding', 'Expect', 'Connection', 'Upgrade', 'Cache-Control', 'Cookie', 'Host', 'X-Forwarded-Host'), anyValue),
  fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('Bad Name', 'X\u0000', ' Leading', ':', 'Ünï')), anyValue),
  fc.integer({ min: 1000, max: 40_000 }).map((n) => ['X-Big', 'a'.repeat(n)] as [string, string]),
);
/** Anything goes: most of these fail in Node's parser (a 400 or 431 from the clientError handler). */
const malformed = fc.record({
  method,
  target,
  version,
  host: fc.constantFrom<string | null>('127.0.0.1', '127.0.0.1', '127.0.0.1', null, '', 'evil.example', '['),
  headers: fc.array(header, { maxLength: 5 }),
  eol: fc.constantFrom('\r\n', '\r\n', '\r\n', '\r\n', '\n', '\r', '\r\r\n'),
  body: fc.constantFrom('', '', '', 'x=1', '0\r\n\r\n'),
  twice: fc.boolean(),
  bytes: fc.constantFrom<'utf8' | 'latin1'>('utf8', 'latin1'),
});
type Request = typeof malformed extends fc.Arbitrary<infer T> ? T : never;
/** Requests Node parses, so that the site's handler meets the odd paths and headers. */
const parsed: fc.Arbitrary<Request> = fc.record({
  method: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('GET', 'GET', 'HEAD') }, { weight: 1, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'OPTIONS') }),
  target: fc.oneof(
    // The site's files, so that the odd Range, Accept-Encoding and conditions meet a file to apply to.
    { weight: 4, arbitrary: fc.constantFrom('/', '/index.html', '/methodology/', '/methodology', '/embed/x/', '/favicon.svg', '/service-worker.js') },
    { weight: 6, arbitrary: fc.tuple(pathOf(segment), query).map(([p, q]) => p + q) },
    { weight: 1, arbitrary: target },
  ),
  version: fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0'),
  host: fc.constant<string | null>('127.0.0.1'),
  headers: fc.array(fc.oneof(fc.tuple(fc.constant('Range'), range), fc.tuple(fc.constant('Accept-Encoding'), accept), fc.tuple(fc.constantFrom('If-None-Match', 'If-Modified-Since', 'If-Range', 'If-Match'), condition)), { maxLength: 4 }),
  eol: fc.constant('\r\n'),
  body: fc.constant(''),
  twice: fc.boolean(),
  bytes: fc.constant<'utf8' | 'latin1'>('utf8'),
});
const request = fc.oneof({ weight: 3, arbitrary: parsed }, { weight: 1, arbitrary: malformed });

function payload(r: Request): Buffer {
  const lines = [`${r.method} ${r.target} ${r.version}`, ...(r.host === null ? [] : [`Host: ${r.host}`]), ...r.headers.map(([n, v]) => `${n}: ${v}`)];
  const one = lines.map((l) => l + r.eol).join('') + r.eol + r.body;
  return Buffer.from(r.twice ? one + one : one, r.bytes);
}

/** The inputs that once stopped the server or that name a secret, run every time before the random ones. */
const base: Request = { method: 'GET', target: '/', version: 'HTTP/1.1', host: '127.0.0.1', headers: [], eol: '\r\n', body: '', twice: false, bytes: 'utf8' };
const EXAMPLES: Request[] = [
  { ...base, target: '//[' },
  { ...base, target: 'http://[' },
  { ...base, target: '/../secret.txt' },
  { ...base, target: '/%2e%2e/secret.txt' },
  { ...base, target: '/..%2f..%2fsite-secret%2fsecret.txt' },
  { ...base, target: '/%2e%2e%2fsite.txt' },
  { ...base, target: 'http://x/%2e%2e/secret.txt' },
  { ...base, target: '/.secret' },
  { ...base, target: '/%2esecret' },
  { ...base, target: '/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd' },
  { ...base, target: '/a%00.html' },
  { ...base, target: '//evil.example/' },
  { ...base, headers: [['Range', 'bytes=99999999999999999999-']] },
  { ...base, headers: [['Accept-Encoding', 'br;q=abc, gzip;q=-1']] },
  { ...base, headers: [['X-Big', 'a'.repeat(40_000)]] },
  { ...base, method: 'POST', body: 'x=1' },
  { ...base, host: null },
];

describe(`npm start's server under random malformed requests (fast-check seed ${SEED})`, () => {
  it('never stops, never answers a client error with 5xx, never sends a file from outside the site', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const bytes = await exchange(payload(r), r.method === 'HEAD');
        const text = bytes.toString('latin1');
        expect(escaped).toEqual([]);
        for (const secret of [OUTSIDE, DOTFILE, PASSWD]) expect(text).not.toContain(secret);
        if (bytes.length) {
          const answer = firstAnswer(bytes, r.method === 'HEAD');
          expect(answer, text.slice(0, 200)).not.toBeNull();
          const { status, statusLine, headers } = answer!;
          expect([statusLine, status >= 200 && status < 500]).toEqual([statusLine, true]);
          if (status !== 304) expect([statusLine, headers.get('content-type')]).toEqual([statusLine, expect.stringMatching(/^[a-z]+\/[\w.+-]+(; charset=utf-8)?$/)]);
          const location = headers.get('location');
          if (location !== undefined) expect(location).toMatch(/^\/(?![/\\])/);
        }
        expect(await homeStatus()).toBe(200);
      }),
      { seed: SEED, numRuns: RUNS, examples: EXAMPLES.map((e) => [e]), interruptAfterTimeLimit: 20_000 },
    );
  });
});
