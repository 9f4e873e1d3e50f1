/**
 * Same inputs, same bytes: two runs over the real ICE workbooks must publish identical files, so
 * a re-run changes nothing in git and the sha256 in datapackage.json is stable.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';

// The same default as scripts/ingest.ts.
const sources = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
const root = mkdtempSync(join(tmpdir(), 'ingest-determinism-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const digest = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('determinism', () => {
  it.skipIf(!existsSync(join(sources, 'ice')))('two runs of ice-workbooks on the real sources give byte-identical files', async () => {
    const a = join(root, 'a');
    const b = join(root, 'b');
    await ingest({ sources, out: a, only: ['ice-workbooks'], log: () => {} });
    await ingest({ sources, out: b, only: ['ice-workbooks'], log: () => {} });
    const da = digest(a);
    expect(Object.keys(da)).toEqual(expect.arrayContaining(['datapackage.json', 'ice_national_monthly.parquet']));
    expect(digest(b)).toEqual(da);
    // The package's own hashes describe the files as written.
    const pkg = JSON.parse(readFileSync(join(a, 'datapackage.json'), 'utf8')) as { resources: { path: string; hash: string }[] };
    for (const r of pkg.resources) expect(`sha256:${da[r.path]}`).toBe(r.hash);
  });
});
