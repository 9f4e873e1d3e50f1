/**
 * After `vite build`, before precompression: DuckDB's wasm (34 MB) is stored gzipped, the whole
 * file removed (src/lib/data/wasm-gzip.ts says why and under what name); DuckDB's worker inflates it
 * (src/lib/data/wasm-stream.worker.ts). The stored file keeps the whole file's content hash in its
 * name, so it is as immutable as the whole was. Written beside, then renamed: an interrupted build
 * leaves the whole file or the stored one, never half of one.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { gzippedName, STORED_GZIPPED } from '../src/lib/data/wasm-gzip';

export function gzipWasm(root: string): string[] {
  const done: string[] = [];
  for (const rel of readdirSync(root, { recursive: true }) as string[]) {
    if (!STORED_GZIPPED.test(rel)) continue;
    const file = join(root, rel);
    const stored = gzippedName(file);
    writeFileSync(`${stored}.tmp`, gzipSync(readFileSync(file), { level: 9 }));
    renameSync(`${stored}.tmp`, stored);
    rmSync(file);
    done.push(rel);
  }
  return done;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.BUILD_DIR ?? 'build';
  const done = gzipWasm(dir);
  console.log(`${dir}: ${done.length ? done.map((f) => `${f} stored gzipped`).join(', ') : 'no DuckDB wasm to store gzipped'}`);
}
