/**
 * The floor the explorer is measured against (npm run bench): a bare page that only loads
 * duckdb-wasm (./floor-page.ts) with the same wasm and worker files the build ships, attaches the
 * same detention.duckdb and answers the same query, from the same server (scripts/serve.ts).
 *
 * It is never served to readers: the bench makes a temporary folder holding a link to each entry
 * of the build plus `__bench-floor/` (the page, its bundle, duckdb-wasm's wasm and worker from
 * node_modules with the gzip and brotli copies the build's files have), serves that folder, and
 * removes it when done. The build folder itself is not touched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { precompress } from '../precompress';

export const FLOOR_PATH = '/__bench-floor/';
/** Compressed copies of the floor's files, kept apart from the build's cache (whose unused entries each build removes). */
const CACHE = 'node_modules/.cache/bench-floor';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>duckdb-wasm floor (bench only)</title>
<script type="module" src="floor.js"></script></head>
<body data-db="loading" data-runs="0"><textarea aria-label="SQL" rows="4" cols="80"></textarea><output></output></body></html>
`;

export interface Floor {
  /** The folder to serve: the build plus the floor page. */
  dir: string;
  remove(): void;
}

export async function buildFloor(buildDir: string): Promise<Floor> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  for (const entry of readdirSync(buildDir)) symlinkSync(resolve(buildDir, entry), join(dir, entry));
  const out = join(dir, FLOOR_PATH);
  mkdirSync(out);
  const dist = (f: string) => createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${f}`);
  for (const f of ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js']) copyFileSync(dist(f), join(out, f));
  writeFileSync(join(out, 'index.html'), PAGE);
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: out,
      emptyOutDir: false,
      target: 'esnext',
      reportCompressedSize: false,
      lib: { entry: resolve('scripts/bench/floor-page.ts'), formats: ['es'], fileName: () => 'floor.js' },
    },
  });
  await precompress(out, CACHE);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
