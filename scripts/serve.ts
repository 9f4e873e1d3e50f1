/**
 * The one way the built site is served (npm start, the browser tests, the benchmark): static files
 * from the build folder, and for an address that does not exist, a 404 with the site's own page —
 * under /embed/, the embed index, which tells the framing page which chart id was unknown.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';
import sirv from 'sirv';

export function siteHandler(dir: string) {
  // Precompressed copies (scripts/precompress.ts) go to browsers that accept them.
  const serve = sirv(dir, { dev: false, etag: true, gzip: true, brotli: true });
  const embedIndex = join(dir, 'embed', 'index.html');
  return (req: IncomingMessage, res: ServerResponse) => {
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
