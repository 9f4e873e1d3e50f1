/**
 * npm run build: derive static/data from data/ (scripts/build-data.ts, itself keyed by content),
 * then the islands (vite.islands.config.ts) and `vite build` (prerender), prune, store DuckDB's wasm gzipped, strip the hydration markers of pages that load no framework, and precompress — skipped when none of their inputs changed
 * since the last build: the code, the static files (static/data included), the committed data, the
 * lockfile, the configuration and the environment that shapes the output (SITE_URL: required for a
 * public build; without it the build warns on stderr what it leaves out; BASE_PATH, the path the
 * site is served under, checked first). The key of the
 * inputs is kept in the build folder, written last, so an interrupted build never counts as done.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PNG_CACHE, pruneCache } from '../src/lib/server/png-cache';
import { LOCAL_BUILD_WARNING, siteUrl } from '../src/lib/server/site';
import { basePath } from '../src/lib/paths.js';
import { HOST_DIR, writeHostFiles } from './host/write';
import { ISLANDS_OUT, ISLANDS_PATH } from '../src/lib/islands/names.js';

const BUILD = process.env.BUILD_DIR ?? 'build';
const KEY_FILE = join(BUILD, '.build-key');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'vite.islands.config.ts', 'tsconfig.json', 'package-lock.json', 'scripts/build.ts', 'scripts/prune-build.ts', 'scripts/gzip-wasm.ts', 'scripts/strip-hydration.ts', 'scripts/precompress.ts', 'scripts/host', process.env.DATA_DIR ?? 'data'];
const ENV = ['SITE_URL', 'BASE_PATH', 'DATA_DIR', 'KIT_OUT', 'BUILD_DIR'];

/** sha256 over every input file's path and bytes, in a stable order, and the environment that matters. */
export function inputKey(): string {
  const h = createHash('sha256');
  const add = (p: string) => {
    if (!existsSync(p)) return void h.update(`missing ${p}\n`);
    const files = statSync(p).isDirectory()
      ? readdirSync(p, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()
      : [p];
    for (const f of files) h.update(`${f}\n`).update(readFileSync(f));
  };
  for (const p of INPUTS) add(p);
  for (const e of ENV) h.update(`${e}=${process.env[e] ?? ''}\n`);
  return h.digest('hex');
}

const run = (cmd: string) => execSync(cmd, { stdio: 'inherit' });
// A malformed BASE_PATH or SITE_URL stops the build before anything is made; an unset one makes a local build,
// said loudly on stderr (every time, up to date or not) with what it leaves out.
basePath();
if (siteUrl() === null) console.warn(`\n${'!'.repeat(78)}\n${LOCAL_BUILD_WARNING}\n${'!'.repeat(78)}\n`);
run('tsx scripts/build-data.ts');
const key = inputKey();
if (existsSync(KEY_FILE) && readFileSync(KEY_FILE, 'utf8') === key) {
  console.log(`${BUILD}: up to date (no input changed since the last build)`);
} else {
  rmSync(KEY_FILE, { force: true });
  const started = Date.now();
  // The islands first: the pages carry their hashed addresses (src/lib/server/islands.ts).
  run('vite build --config vite.islands.config.ts');
  run('vite build');
  cpSync(ISLANDS_OUT, join(BUILD, ISLANDS_PATH), { recursive: true, filter: (src) => !src.includes('/.vite') });
  // The chart PNGs this build did not draw or reuse are of charts that changed or went: drop them.
  console.log(`${PNG_CACHE}: ${pruneCache(started - 1000)} unused PNGs removed`);
  run('tsx scripts/prune-build.ts');
  run('tsx scripts/gzip-wasm.ts');
  run('tsx scripts/strip-hydration.ts');
  run('tsx scripts/precompress.ts');
  writeFileSync(KEY_FILE, key);
}
// Cheap, and shaped by HOST_ROOT / HOST_LISTEN too: written on every build, up to date or not.
// Another build folder (BUILD_DIR, e.g. the test's build under a base path) has its own, so neither overwrites the other's.
const HOST_OUT = BUILD === 'build' ? HOST_DIR : join(HOST_DIR, basename(BUILD));
console.log(`host configurations: ${writeHostFiles(BUILD, HOST_OUT).length} files (${BUILD}/_headers, ${BUILD}/_redirects, ${HOST_OUT}/nginx.conf, ${HOST_OUT}/Caddyfile)`);
