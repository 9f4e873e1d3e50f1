/**
 * After `vite build`: gzip and brotli copies beside every text file of the build — the pages (a
 * facility page is 137 KB of HTML, 22 KB as brotli), feeds, chart images and data, the framework's
 * assets and the DuckDB wasm (34 MB raw, 7.7 MB gzip, 5.9 MB brotli) — which the server
 * (scripts/serve.ts) sends to browsers that accept them. The .duckdb file is left alone: the
 * explorer reads it by byte ranges, which a compressed copy cannot serve.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

async function compress(file: string): Promise<[number, number, number]> {
  const raw = readFileSync(file);
  // Brotli at 9 rather than 11 on large files: within 5 % of the size at a tenth of the time on the
  // 34 MB wasm. On the thousands of pages under 1 MB, 5 is as small as 9 (measured) at a tenth of the time.
  const quality = raw.length > 1048576 ? 9 : 5;
  const [g, b] = await Promise.all([gz(raw, { level: 9 }), br(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })]);
  writeFileSync(`${file}.gz`, g);
  writeFileSync(`${file}.br`, b);
  return [raw.length, g.length, b.length];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const files = candidates(dir);
  const totals = [0, 0, 0];
  // zlib runs in libuv's thread pool: a few at a time keep both cores busy without holding every file in memory.
  for (let i = 0; i < files.length; i += 8)
    for (const sizes of await Promise.all(files.slice(i, i + 8).map(compress))) sizes.forEach((s, k) => (totals[k]! += s));
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  console.log(`${dir}: ${files.length} files precompressed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${mb(totals[0]!)} raw, ${mb(totals[1]!)} gzip, ${mb(totals[2]!)} brotli`);
}
