/** Build steps keyed by content: the compressed copies of a file are made once per content, and a rebuild compresses only what changed. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress';

const root = mkdtempSync(join(tmpdir(), 'precompress-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const [site, cache] = [join(root, 'build'), join(root, 'cache')];
const page = (n: number) => `<!doctype html><title>${n}</title>${'<p>ICE detention, facility by facility.</p>'.repeat(60 + n)}`;

describe('precompress', () => {
  it('compresses each file once, then only the files whose bytes changed, and drops what no file uses', async () => {
    rmSync(site, { recursive: true, force: true });
    const files = [1, 2, 3].map((n) => join(site, `p${n}.html`));
    mkdirSync(site, { recursive: true });
    files.forEach((f, i) => writeFileSync(f, page(i)));
    writeFileSync(join(site, 'tiny.html'), 'x'); // under 1 KB: left as it is

    expect(await precompress(site, cache)).toMatchObject({ files: 3, compressed: 3 });
    expect(await precompress(site, cache)).toMatchObject({ files: 3, compressed: 0 });
    writeFileSync(files[1]!, page(9)); // a new release changed one page
    expect(await precompress(site, cache)).toMatchObject({ files: 3, compressed: 1 });
    // The copies beside each file are of its current bytes, whether made now or taken from the cache.
    for (const f of files) {
      expect(gunzipSync(readFileSync(`${f}.gz`)).toString()).toBe(readFileSync(f, 'utf8'));
      expect(brotliDecompressSync(readFileSync(`${f}.br`)).toString()).toBe(readFileSync(f, 'utf8'));
    }
    // The cache keeps the current contents only: 3 files × (gzip + brotli).
    expect(readdirSync(cache)).toHaveLength(6);
  });
});
