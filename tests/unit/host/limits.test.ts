/**
 * What a static host is given against the limits common hosts set (scripts/host/limits.ts): the
 * counting (precompressed copies beside their original and the build's own files left out, a
 * .gz-only download counted) on a planted folder, every limit caught when planted over, and the
 * real build (when there is one) within HOST_LIMITS.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_LIMITS, hostFiles, hostLimits } from '../../../scripts/host/limits';

const BUILD = process.env.BUILD_DIR ?? 'build';

/** A folder shaped like a build: a page and its copies, a .gz-only download, the input key, and a file of `big` bytes (sparse: no disk used). */
function planted(big: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'limits-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'index.html'), 'x'.repeat(100));
  writeFileSync(join(dir, 'index.html.gz'), 'x'.repeat(30));
  writeFileSync(join(dir, 'index.html.br'), 'x'.repeat(20));
  writeFileSync(join(dir, 'data', 'daily.csv.gz'), 'x'.repeat(40));
  writeFileSync(join(dir, '.build-key'), 'x'.repeat(64));
  const fd = openSync(join(dir, 'duckdb.wasm'), 'w');
  ftruncateSync(fd, big);
  closeSync(fd);
  return dir;
}

describe('static host limits', () => {
  it('counts what a host serves: originals and .gz-only downloads, not the copies or the build’s own files', () => {
    expect(hostFiles(planted(10)).map((f) => f.path).sort()).toEqual(['data/daily.csv.gz', 'duckdb.wasm', 'index.html']);
    expect(hostLimits(planted(10))).toMatchObject({ files: 3, bytes: 150, over: [] });
  });

  it('names every limit it is over', () => {
    const dir = planted(HOST_LIMITS.fileBytes + 1);
    expect(hostLimits(dir).over).toEqual([`duckdb.wasm: ${((HOST_LIMITS.fileBytes + 1) / 1e6).toFixed(1)} MB, over 26.2 MB (25 MiB)`]);
    expect(hostLimits(dir, { files: 2, bytes: HOST_LIMITS.fileBytes, fileBytes: HOST_LIMITS.fileBytes * 2 }).over).toEqual(['3 files, over 2', `${((HOST_LIMITS.fileBytes + 141) / 1e6).toFixed(1)} MB in all, over 26.2 MB`]);
  });

  describe.skipIf(!existsSync(join(BUILD, 'index.html')))('the build', () => {
    it('has no more files than a static host takes, and none over 25 MiB', () => {
      const r = hostLimits(BUILD);
      expect(r.files).toBeLessThanOrEqual(HOST_LIMITS.files);
      expect(r.largest[0]!.bytes, r.largest[0]!.path).toBeLessThanOrEqual(HOST_LIMITS.fileBytes);
    });

    it('is no more bytes in all than the 250 MB issue 20 sets', () => {
      const r = hostLimits(BUILD);
      expect(r.bytes, `${(r.bytes / 1e6).toFixed(1)} MB`).toBeLessThanOrEqual(HOST_LIMITS.bytes);
    });
  });
});
