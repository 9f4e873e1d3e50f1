/**
 * The one way the built site is served (npm start, the browser tests, the benchmark): static files
 * from the build folder (precompressed copies, byte ranges), security and caching headers, and for
 * an address that does not exist, a 404 with the site's own page — under /embed/, the embed index,
 * which tells the framing page which chart id was unknown.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import sirv from 'sirv';
import { CSP_DIRECTIVES } from '../svelte.config.js';

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic']);
const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([k, vs]) => `${k} ${vs.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v)).join(' ')}`)
    .join('; ');

/**
 * The page's <meta> policy carries the hashes of its inline scripts; a header cannot, so the header
 * allows inline scripts and the browser, enforcing both, allows only the hashed ones. The header
 * adds what a <meta> cannot say: who may frame a page (anyone, for embeds; only us, otherwise).
 */
function cspHeader(path: string): string {
  const framed = path.startsWith('/embed/') ? '*' : 'self';
  return policy({ ...CSP_DIRECTIVES, 'script-src': [...CSP_DIRECTIVES['script-src'], 'unsafe-inline'], 'frame-ancestors': [framed] });
}

/** Security and caching headers for every response: hashed build assets are immutable, everything else revalidates. */
function headers(res: ServerResponse, path: string) {
  res.setHeader('Content-Security-Policy', cspHeader(path));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Nothing about the page (a ZIP in /near's address, a query in /explore's) goes to another site.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', 'geolocation=(self), camera=(), microphone=(), payment=()');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cache-Control', path.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache');
}

export function siteHandler(dir: string) {
  // Precompressed copies (scripts/precompress.ts) go to browsers that accept them.
  const serve = sirv(dir, { dev: false, etag: true, gzip: true, brotli: true });
  const embedIndex = join(dir, 'embed', 'index.html');
  return (req: IncomingMessage, res: ServerResponse) => {
    // sirv lists the files once, at start: one deleted since (a rebuild under a running server) made
    // its read stream throw, unhandled, and the whole server exit. Now only that answer is cut short.
    res.on('pipe', (src) => src.on('error', () => res.destroy()));
    headers(res, new URL(req.url ?? '/', 'http://x').pathname);
    // Byte ranges (the explorer reads detention.duckdb in blocks) go to `send`: sirv answers
    // "bytes=0-0" with the whole file, which made DuckDB download all of it.
    if (req.headers.range) return void send(req, new URL(req.url ?? '/', 'http://x').pathname, { root: dir, etag: true }).pipe(res);
    serve(req, res, () => {
      res.statusCode = 404;
      if (req.url?.startsWith('/embed/') && existsSync(embedIndex)) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(readFileSync(embedIndex));
      } else res.end('Not found');
    });
  };
}
