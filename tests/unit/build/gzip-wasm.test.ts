import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gzipWasm } from '../../../scripts/gzip-wasm';
import { gzippedName, inflatedResponse } from '../../../src/lib/data/wasm-gzip';
import { hostLimits } from '../../../scripts/host/limits';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const whole = readFileSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const NAME = '_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm';

/** A build folder holding duckdb-wasm's own eh wasm under the name Vite gives it, and another wasm. */
function buildWithWasm() {
  const dir = mkdtempSync(join(tmpdir(), 'gzip-wasm-'));
  dirs.push(dir);
  mkdirSync(join(dir, '_app/immutable/assets'), { recursive: true });
  writeFileSync(join(dir, NAME), whole);
  writeFileSync(join(dir, 'other.wasm'), whole.subarray(0, 1000));
  return dir;
}

/** A body given in small pieces, as a network body arrives. */
const trickled = (bytes: Uint8Array, piece = 65_536) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (let at = 0; at < bytes.length; at += piece) c.enqueue(bytes.slice(at, at + piece));
      c.close();
    },
  });

describe('DuckDB wasm stored gzipped', () => {
  it("stores DuckDB's wasm gzipped in place of the whole file, small enough for any host, and inflates to the very same bytes", async () => {
    const dir = buildWithWasm();
    expect(hostLimits(dir, { files: 100, bytes: 25e6, fileBytes: 25 * 1024 * 1024 }).over).not.toEqual([]); // else this tests nothing
    expect(gzipWasm(dir)).toEqual([NAME]);
    expect(existsSync(join(dir, NAME))).toBe(false);
    expect(readdirSync(join(dir, '_app/immutable/assets'))).toEqual(['duckdb-eh.9ubY-jlA.wasm.gz']);
    expect(existsSync(join(dir, 'other.wasm'))).toBe(true); // only DuckDB's
    const stored = readFileSync(join(dir, gzippedName(NAME)));
    expect(stored.length).toBeLessThan(whole.length / 3);
    expect(hostLimits(dir, { files: 100, bytes: 25e6, fileBytes: 25 * 1024 * 1024 }).over).toEqual([]);

    const res = await inflatedResponse(Promise.resolve(new Response(trickled(stored))), whole.length);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('content-length')).toBe(String(whole.length));
    expect(Buffer.from(await res.arrayBuffer()).equals(whole)).toBe(true);
    // Run again (an up-to-date build's folder): nothing more to do.
    expect(gzipWasm(dir)).toEqual([]);
  });

  it('fails, naming the file, when the server does not have it, and when what it sends is not the gzip it should be', async () => {
    const missing = new Response('gone', { status: 404 });
    Object.defineProperty(missing, 'url', { value: 'https://example.org/_app/immutable/assets/duckdb-eh.x.wasm.gz' });
    await expect(inflatedResponse(Promise.resolve(missing), whole.length)).rejects.toThrow('https://example.org/_app/immutable/assets/duckdb-eh.x.wasm.gz: HTTP 404');
    const res = await inflatedResponse(Promise.resolve(new Response(trickled(whole.subarray(0, 200_000)))), whole.length);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});
