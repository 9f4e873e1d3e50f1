/**
 * The committed data/ is exactly what the ingest makes from the raw sources: a fresh full run over
 * ../shared/sources gives byte-identical files. This proves the ingest is deterministic and that no
 * committed figure was edited by hand or left stale.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';

const sources = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
const root = mkdtempSync(join(tmpdir(), 'ingest-committed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const digest = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));

describe('committed data', () => {
  it('equals a fresh ingest of ../shared/sources, file for file', { timeout: 180_000 }, async () => {
    const out = join(root, 'data');
    await ingest({ sources, out, log: () => {} });
    expect(digest(out)).toEqual(digest('data'));
  });
});
