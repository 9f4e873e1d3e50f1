/**
 * After `vite build`, before precompression: every .wasm of the build over the 25 MiB a static
 * host takes (duckdb-wasm's, 34 MB) is cut into parts (src/lib/data/wasm-parts.ts), and the whole
 * file removed; DuckDB's worker streams the parts as one file (src/lib/data/wasm-stream.worker.ts). The parts carry the whole file's
 * content hash in their names, so they are as immutable as it was.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PART_BYTES, partLayout, partNames } from '../src/lib/data/wasm-parts';

export function splitWasm(root: string): string[] {
  const split: string[] = [];
  for (const rel of readdirSync(root, { recursive: true }) as string[]) {
    const file = join(root, rel);
    if (!/\.wasm$/.test(rel) || /\.part\d+\.wasm$/.test(rel) || statSync(file).size <= MAX_PART_BYTES) continue;
    const bytes = readFileSync(file);
    const { size } = partLayout(bytes.length);
    partNames(file, bytes.length).forEach((part, i) => writeFileSync(part, bytes.subarray(i * size, (i + 1) * size)));
    rmSync(file);
    split.push(rel);
  }
  return split;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.BUILD_DIR ?? 'build';
  const split = splitWasm(dir);
  console.log(`${dir}: ${split.length ? split.map((f) => `${f} cut into parts`).join(', ') : 'no wasm over the part size'}`);
}
