/**
 * After `vite build`: gzip and brotli copies beside every text file of the build — the pages (a
 * facility page is 137 KB of HTML, 22 KB as brotli), feeds, chart images and data, the framework's
 * assets — which the server (scripts/serve.ts) sends to browsers that accept them. The .duckdb
 * file is left alone: the explorer reads it by byte ranges, which a compressed copy cannot serve;
 * and DuckDB's wasm is already stored gzipped (scripts/gzip-wasm.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const dir = process.env.BUILD_DIR ?? 'build';
const COMPRESSIBLE = /\.(html|xml|js|mjs|css|wasm|json|csv|svg|txt)$/;
const MIN_BYTES = 1024;
const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** Files worth compressing: every text file of the build from 1 KB up. */
export function candidates(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => statSync(f).size >= MIN_BYTES);
}

/**
 * Compressed copies are kept by the sha256 of what they compress (node_modules/.cache/precompress/),
 * so a rebuild compresses only the files that changed: a new release changes a few hundred pages and
 * data files, not the framework's assets. Entries no build used are removed.
 */
export const CACHE = process.env.PRECOMPRESS_CACHE ?? 'node_modules/.cache/precompress';

async function compress(file: string, cache: string): Promise<{ key: string; raw: number; gzip: number; brotli: number; hit: boolean }> {
  const raw = readFileSync(file);
  // Brotli at 9 rather than 11 on large files: within 5 % of the size at a tenth of the time (measured on
  // duckdb-wasm's 34 MB). On the thousands of pages under 1 MB, 5 is as small as 9 (measured) at a tenth of the time.
  const quality = raw.length > 1048576 ? 9 : 5;
  const key = `${createHash('sha256').update(raw).digest('hex')}-${quality}`;
  const [gzFile, brFile] = [join(cache, `${key}.gz`), join(cache, `${key}.br`)];
  const hit = existsSync(gzFile) && existsSync(brFile);
  if (!hit) {
    const [g, b] = await Promise.all([gz(raw, { level: 9 }), br(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })]);
    // Written under a temporary name first: an interrupted build leaves no half-written entry.
    for (const [to, bytes] of [[gzFile, g], [brFile, b]] as const) {
      writeFileSync(`${to}.tmp`, bytes);
      renameSync(`${to}.tmp`, to);
    }
  }
  copyFileSync(gzFile, `${file}.gz`);
  copyFileSync(brFile, `${file}.br`);
  return { key, raw: raw.length, gzip: statSync(gzFile).size, brotli: statSync(brFile).size, hit };
}

/** Compressed copies beside every candidate of `root`; returns what was done. */
export async function precompress(root: string, cache = CACHE): Promise<{ files: number; compressed: number; raw: number; gzip: number; brotli: number }> {
  mkdirSync(cache, { recursive: true });
  const files = candidates(root);
  const t = { files: files.length, compressed: 0, raw: 0, gzip: 0, brotli: 0 };
  const used = new Set<string>();
  // zlib runs in libuv's thread pool: a few at a time keep both cores busy without holding every file in memory.
  for (let i = 0; i < files.length; i += 8)
    for (const c of await Promise.all(files.slice(i, i + 8).map((f) => compress(f, cache)))) {
      used.add(c.key);
      [t.raw, t.gzip, t.brotli] = [t.raw + c.raw, t.gzip + c.gzip, t.brotli + c.brotli];
      if (!c.hit) t.compressed++;
    }
  for (const f of readdirSync(cache)) if (!used.has(f.replace(/\.(gz|br)(\.tmp)?$/, ''))) rmSync(join(cache, f));
  return t;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const t = await precompress(dir);
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  console.log(`${dir}: ${t.files} files precompressed in ${((Date.now() - started) / 1000).toFixed(1)} s (${t.compressed} compressed, ${t.files - t.compressed} unchanged from the cache): ${mb(t.raw)} raw, ${mb(t.gzip)} gzip, ${mb(t.brotli)} brotli`);
}
