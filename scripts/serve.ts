/**
 * The one way the built site is served (npm start, the browser tests, the benchmark): static files
 * from the build folder, and for an address that does not exist, a 404 with the site's own page —
 * under /embed/, the embed index, which tells the framing page which chart id was unknown.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

export function siteHandler(dir: string) {
  const serve = sirv(dir, { dev: false, etag: true });
  const embedIndex = join(dir, 'embed', 'index.html');
  return (req: IncomingMessage, res: ServerResponse) =>
    serve(req, res, () => {
      res.statusCode = 404;
      if (req.url?.startsWith('/embed/') && existsSync(embedIndex)) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(readFileSync(embedIndex));
      } else res.end('Not found');
    });
}
