/**
 * The committed data/ is exactly what the ingest makes from the raw sources: a fresh full run over
 * ../shared/sources gives byte-identical files. This proves the ingest is deterministic and that no
 * committed figure was edited by hand or left stale.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';

const sources = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
const root = mkdtempSync(join(tmpdir(), 'ingest-committed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The datasets and datapackage.json; data/releases/ holds earlier releases' archives, history rather than output.
const digest = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => f.name)
      .sort()
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );

describe('committed data', () => {
  it('equals a fresh ingest of ../shared/sources, file for file', { timeout: 180_000 }, async () => {
    const out = join(root, 'data');
    // An earlier release's archive in the folder being replaced survives the swap.
    mkdirSync(join(out, 'releases'), { recursive: true });
    writeFileSync(join(out, 'releases', '2000-01-01.json'), '{"release":"2000-01-01","charts":{}}\n');
    await ingest({ sources, out, log: () => {} });
    expect(digest(out)).toEqual(digest('data'));
    expect(readFileSync(join(out, 'releases', '2000-01-01.json'), 'utf8')).toBe('{"release":"2000-01-01","charts":{}}\n');
  });
  it('holds the archive of its own release (charts as drawn now), content-addressed: a rerun adds nothing', { timeout: 120_000 }, async () => {
    const { archiveRelease } = await import('../../../scripts/archive-release');
    const { OBJECTS } = await import('../../../scripts/release-objects');
    const dir = join(root, 'releases');
    cpSync('data/releases', dir, { recursive: true });
    const { file, objects } = await archiveRelease({ dir });
    const name = basename(file);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join('data/releases', name), 'utf8'));
    expect(objects).toBe(0);
    expect(readdirSync(join(dir, OBJECTS)).sort()).toEqual(readdirSync(join('data/releases', OBJECTS)).sort());
  });
});
