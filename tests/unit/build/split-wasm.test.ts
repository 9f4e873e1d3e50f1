import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { splitWasm } from '../../../scripts/split-wasm';
import { MAX_PART_BYTES, partNames } from '../../../src/lib/data/wasm-parts';
import { hostLimits } from '../../../scripts/host/limits';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A build folder holding duckdb-wasm's own eh wasm under the name Vite gives it. */
function buildWithWasm() {
  const dir = mkdtempSync(join(tmpdir(), 'split-wasm-'));
  dirs.push(dir);
  const whole = readFileSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  writeFileSync(join(dir, 'duckdb-eh.9ubY-jlA.wasm'), whole);
  writeFileSync(join(dir, 'small.wasm'), whole.subarray(0, 1000));
  return { dir, whole };
}

describe('split-wasm', () => {
  it('cuts the wasm over the part size into parts under 25 MiB, which joined in order are the file, and leaves a small one whole', () => {
    const { dir, whole } = buildWithWasm();
    expect(whole.length).toBeGreaterThan(MAX_PART_BYTES); // else this test tests nothing
    expect(splitWasm(dir)).toEqual(['duckdb-eh.9ubY-jlA.wasm']);
    const parts = partNames('duckdb-eh.9ubY-jlA.wasm', whole.length);
    expect(readdirSync(dir).sort()).toEqual([...parts, 'small.wasm'].sort());
    for (const p of parts) expect(statSync(join(dir, p)).size).toBeLessThanOrEqual(MAX_PART_BYTES);
    expect(Buffer.concat(parts.map((p) => readFileSync(join(dir, p)))).equals(whole)).toBe(true);
    expect(hostLimits(dir).over).toEqual([]);
    // Run again (an up-to-date build's folder): nothing more is cut.
    expect(splitWasm(dir)).toEqual([]);
  });

  it('names parts after the whole file, in order', () => {
    expect(partNames('/_app/immutable/assets/duckdb-eh.AbC-1.wasm', 2 * MAX_PART_BYTES + 1)).toEqual([0, 1, 2].map((i) => `/_app/immutable/assets/duckdb-eh.AbC-1.part${i}.wasm`));
    expect(partNames('x.wasm', MAX_PART_BYTES)).toEqual(['x.part0.wasm']);
  });
});
