/**
 * The one way the built site is served (npm start, the browser tests, the benchmark): static files
 * from the build folder through `send` (ETag, Last-Modified, If-None-Match, If-Modified-Since,
 * If-Range, byte ranges), the precompressed copy the client's Accept-Encoding prefers (negotiator,
 * q-values honoured), security and caching headers on every answer, and for an address that does
 * not exist a 404 with a page — under /embed/, the embed index, which tells the framing page which
 * chart id was unknown. No request, however malformed, ends the process: a bad one gets a 4xx.
 * Under a base path (BASE_PATH=/dashboard, src/lib/paths.js) the site is served at /dashboard/ only:
 * "/" is sent there, any other address outside it gets the site's 404 page.
 */
import { readFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, posix, resolve } from 'node:path';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { contentType } from 'mime-types';
import Negotiator from 'negotiator';
import send from 'send';
import { stripBase, withBase } from '../src/lib/paths.js';
import { headersFor, notFoundPage, PRECOMPRESSED } from './host/policy';

/** The policy's headers for every response (./host/policy.ts); every file may have a compressed copy, so caches keep one answer per Accept-Encoding. */
function headers(res: ServerResponse, path: string) {
  for (const [k, v] of Object.entries(headersFor(path))) res.setHeader(k, v);
  res.setHeader('Vary', 'Accept-Encoding');
}

const ALLOW = 'GET, HEAD';
/** scripts/precompress.ts writes these beside every text file; the server's order breaks a tie of q-values. */
const SUFFIX: Record<string, string> = { br: '.br', gzip: '.gz', identity: '' };
const PREFERRED = [...PRECOMPRESSED, 'identity'];
/** Headers that describe a body: dropped when an answer turns into another (a 404 after a stat, say). */
const CONTENT_HEADERS = ['Content-Encoding', 'Content-Type', 'Content-Length', 'Content-Range', 'Accept-Ranges', 'ETag', 'Last-Modified'];
// Used only while the build has no page of its own for a missing address (notFoundPage).
const NOT_FOUND_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
  '<title>Page not found</title></head><body><main><h1>Page not found</h1><p>There is no page at this address. ' +
  '<a href="/">Go to the home page</a>.</p></main></body></html>\n';

/** What a path may hold unencoded (RFC 3986 pchar and "/"); every file of the build is named within it. */
const PATH_CHARS = /^[\w\-.~!$&'()*+,;=:@/%]*$/;

/**
 * The path a request target names, percent-decoded with its dot segments resolved (so the path
 * that picks the headers is the path that is served), and its query; null when it names none.
 * Origin form ("/a?b") is what browsers send; absolute form ("http://host/a") a server must accept
 * too (RFC 9112 §3.2.2). Built by hand, not with `new URL(target, base)`: that throws on "//[" and
 * reads "//host/a" as another host. A "[" in a path (not a pchar) or a bad %-escape makes a 400.
 */
function sitePath(target: string): { path: string; query: string } | null {
  let t = target;
  if (!t.startsWith('/')) {
    if (!/^https?:\/\//i.test(t)) return null;
    try {
      const u = new URL(t);
      t = u.pathname + u.search;
    } catch {
      return null;
    }
  }
  const q = t.indexOf('?');
  const raw = q < 0 ? t : t.slice(0, q);
  if (!PATH_CHARS.test(raw)) return null;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  return { path: posix.normalize(path), query: q < 0 ? '' : t.slice(q) };
}

/** `send` decodes the path it is given once more: hand it each segment encoded. */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** A short answer of our own (errors, redirects), with a type, a length, and no body for HEAD (Node drops it). */
function reply(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  if (res.headersSent) return void res.destroy();
  for (const h of CONTENT_HEADERS) res.removeHeader(h);
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

const readOrNull = (file: string) => {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
};

/** A missing page gets the policy's page (the embed index under /embed/, else the site's 404 page); a missing file, text. */
function notFound(res: ServerResponse, root: string, path: string, page = notFoundPage(path)) {
  const ext = extname(path);
  if (ext && ext !== '.html') return reply(res, 404, 'Not found\n');
  reply(res, 404, readOrNull(join(root, page)) ?? NOT_FOUND_HTML, 'text/html; charset=utf-8');
}

/** Encodings to try, best first: what the client accepts of ours, then the file itself (RFC 9110 §12.5.3: when none is acceptable, send none). */
function codings(req: IncomingMessage): string[] {
  // Byte ranges are of the file itself (DuckDB reads detention.duckdb in blocks).
  if (req.headers.range) return ['identity'];
  // @types/negotiator describes 0.6, which had no `preferred` (our order among equal q-values; 1.0 added it).
  const negotiator = new Negotiator(req) as unknown as { encodings(available: string[], opts: { preferred: string[] }): string[] };
  const accepted = negotiator.encodings(PREFERRED, { preferred: PREFERRED });
  return accepted.includes('identity') ? accepted : [...accepted, 'identity'];
}

/** Sends `file` in the first of `tries` that exists (a missing .br or .gz moves on to the next). `target.path` is a site path, under `base`. */
function sendFile(req: IncomingMessage, res: ServerResponse, root: string, base: string, target: { path: string; query: string }, file: string, tries: string[]) {
  const [coding = 'identity', ...rest] = tries;
  const next = () => {
    for (const h of CONTENT_HEADERS) res.removeHeader(h);
    res.statusCode = 200;
    sendFile(req, res, root, base, target, file, rest);
  };
  const compressed = coding !== 'identity';
  send(req, encodePath(file + SUFFIX[coding]), { root, index: false, acceptRanges: !compressed })
    .on('headers', () => {
      if (!compressed) return;
      res.setHeader('Content-Encoding', coding);
      // `send` takes the type from the name it serves (.br): the type is the original file's.
      res.setHeader('Content-Type', contentType(extname(file)) || 'application/octet-stream');
    })
    .on('directory', () => {
      if (rest.length) return next();
      // A folder without its slash: to its page, as SvelteKit's trailingSlash 'always' addresses it.
      res.setHeader('Location', `${encodePath(withBase(target.path, base))}/${safeQuery(target.query)}`);
      reply(res, 301, 'Moved permanently\n');
    })
    .on('error', (err: { status?: number; headers?: Record<string, string> }) => {
      if (res.headersSent) return void res.destroy(); // a file deleted while it was being sent
      if (err.status === 404 && rest.length) return next();
      if (err.status === 404) return notFound(res, root, target.path);
      const status = err.status ?? 500;
      reply(res, status, `${STATUS_CODES[status] ?? 'Error'}\n`, undefined, err.headers); // 416's Content-Range
    })
    .pipe(res);
}

/** A query kept in a Location header only when it is plain printable ASCII. */
const safeQuery = (query: string) => (/^\?[\x21-\x7e]*$/.test(query) ? query : '');

/** Serves the build in `dir` at `base` ("" for the root of the host, else a path such as "/dashboard"). */
export function siteHandler(dir: string, base = '') {
  const root = resolve(dir);
  return (req: IncomingMessage, res: ServerResponse) => {
    try {
      const address = sitePath(req.url ?? '');
      // The site path under the base; null for an address outside it.
      const path = address ? stripBase(address.path, base) : null;
      const target = address && path !== null ? { path, query: address.query } : null;
      headers(res, target?.path ?? '/');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', ALLOW);
        return reply(res, 405, 'Method not allowed: this site only answers GET and HEAD\n');
      }
      // RFC 9112 §3.2: an HTTP/1.1 request with no Host, or two, gets a 400 (answered here, with a type).
      const hosts = req.rawHeaders.filter((h, i) => i % 2 === 0 && h.toLowerCase() === 'host').length;
      if ((req.httpVersion === '1.1' && hosts === 0) || hosts > 1) return reply(res, 400, 'Bad request: one Host header is needed\n');
      if (!address) return reply(res, 400, 'Bad request: the address is not a path on this site\n');
      if (!target) {
        // The host's root and the base without its slash lead to the site; anything else outside the base is not ours.
        if (address.path === '/' || address.path === base) {
          res.setHeader('Location', `${encodePath(base)}/${safeQuery(address.query)}`);
          return reply(res, address.path === '/' ? 302 : 301, address.path === '/' ? 'Found\n' : 'Moved permanently\n');
        }
        return notFound(res, root, address.path, notFoundPage('/'));
      }
      const file = target.path.endsWith('/') ? `${target.path}index.html` : target.path;
      sendFile(req, res, root, base, target, file, codings(req));
    } catch (err) {
      // Our bug, not the client's: one answer fails, the server goes on.
      console.error(`serve: ${req.method} ${req.url}:`, err);
      try {
        reply(res, 500, 'Server error\n');
      } catch {
        res.destroy();
      }
    }
  };
}

/**
 * What Node answers itself, with a type and a short text: a request it cannot parse (400), headers
 * past maxHeaderSize, request line included (431), a request too slow to arrive (408). Node's own
 * default sends these without a Content-Type. Bytes that follow a request while its answer is on
 * the way (after "Connection: close", or a broken second request of a pipeline) cut nothing short:
 * that answer goes out, then the connection closes.
 */
function onClientError(err: Error & { code?: string }, duplex: Duplex) {
  const socket = duplex as Socket & { _httpMessage?: ServerResponse | null };
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const inFlight = socket._httpMessage;
  if (inFlight) return void inFlight.once('finish', () => socket.destroySoon());
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const text = STATUS_CODES[status]!;
  const body = `${text}\n`;
  socket.write(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
  // Closed once written, as Node's default does: the rest of what the client sends is not read.
  socket.destroySoon();
}

/**
 * The server npm start runs and the tests run: `siteHandler` with Node's limits set and its own
 * answers to unparseable requests. `intercept` (tests, bench) sees each request first and calls
 * `handle` when the site should answer it.
 */
export function createSiteServer(dir: string, opts: { base?: string; intercept?: (req: IncomingMessage, res: ServerResponse, handle: () => void) => void } = {}): Server {
  const handler = siteHandler(dir, opts.base);
  const { intercept } = opts;
  const server = createServer(
    // The Host check is the handler's, so that its 400 has a type too.
    { maxHeaderSize: 16_384, headersTimeout: 20_000, requestTimeout: 30_000, requireHostHeader: false },
    intercept ? (req, res) => intercept(req, res, () => handler(req, res)) : handler,
  );
  server.on('clientError', onClientError);
  // "Expect: something-else": Node's own 417 has no type.
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    headers(res, '/');
    reply(res, 417, 'Expectation failed\n');
  });
  return server;
}
