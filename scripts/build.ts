/**
 * npm run build: derive static/data from data/ (scripts/build-data.ts, itself keyed by content),
 * then `vite build` (prerender), prune and precompress — skipped when none of their inputs changed
 * since the last build: the code, the static files (static/data included), the committed data, the
 * lockfile, the configuration and the environment that shapes the output (SITE_URL). The key of the
 * inputs is kept in the build folder, written last, so an interrupted build never counts as done.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BUILD = process.env.BUILD_DIR ?? 'build';
const KEY_FILE = join(BUILD, '.build-key');
const INPUTS = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package-lock.json', 'scripts/build.ts', 'scripts/prune-build.ts', 'scripts/precompress.ts', process.env.DATA_DIR ?? 'data'];
const ENV = ['SITE_URL', 'DATA_DIR', 'KIT_OUT', 'BUILD_DIR'];

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
run('tsx scripts/build-data.ts');
const key = inputKey();
if (existsSync(KEY_FILE) && readFileSync(KEY_FILE, 'utf8') === key) {
  console.log(`${BUILD}: up to date (no input changed since the last build)`);
} else {
  rmSync(KEY_FILE, { force: true });
  run('vite build');
  run('tsx scripts/prune-build.ts');
  run('tsx scripts/precompress.ts');
  writeFileSync(KEY_FILE, key);
}
