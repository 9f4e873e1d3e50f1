/**
 * After the build: the host configurations, all from the one policy. Into the build folder, what
 * static hosts read from the folder they publish (`_headers`, `_redirects`, 404.html copies); into
 * host/, the nginx server block and the Caddyfile for a server of your own (their root is the build
 * folder's absolute path unless HOST_ROOT says otherwise; they listen on HOST_LISTEN, default 8080),
 * all under the base path the build was made for (BASE_PATH).
 * Run by scripts/build.ts; `tsx scripts/host/write.ts` writes them again.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { basePath } from '../../src/lib/paths.js';
import { caddyfile } from './caddy';
import { nginxServer } from './nginx';
import { headersFile, notFoundCopies, redirectsFile } from './static-hosts';

export const HOST_DIR = 'host';

export function writeHostFiles(build: string, out = HOST_DIR): string[] {
  const base = basePath();
  const root = resolve(process.env.HOST_ROOT ?? build);
  const listen = process.env.HOST_LISTEN ?? '8080';
  const written: string[] = [];
  const put = (file: string, text: string) => {
    writeFileSync(file, text);
    written.push(file);
  };
  put(join(build, '_headers'), headersFile(build, base));
  put(join(build, '_redirects'), redirectsFile(base));
  for (const { to, from } of notFoundCopies()) if (existsSync(join(build, from))) put(join(build, to), readFileSync(join(build, from), 'utf8'));
  mkdirSync(out, { recursive: true });
  put(join(out, 'nginx.conf'), nginxServer({ root, listen, base }));
  put(join(out, 'Caddyfile'), caddyfile({ root, address: `:${listen.replace(/^.*:/, '')}`, base }));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = writeHostFiles(process.env.BUILD_DIR ?? 'build');
  console.log(`host: ${files.join(', ')}`);
}
