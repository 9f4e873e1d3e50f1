/**
 * A copy of a sources folder without its newest ICE biweekly release, made of symbolic links
 * (nothing copied): the sources as they were before that release, for measuring what a new
 * release costs (npm run bench) and what it changes (tests/unit/ingest/ice/releases.test.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RELEASES_DIR = 'ice/ice-detention-stats-releases';

/** The newest biweekly workbook of a sources folder (file names start with the day it was saved). */
export const newestRelease = (sources: string) => readdirSync(join(sources, RELEASES_DIR)).filter((f) => f.endsWith('.xlsx')).sort().at(-1)!;

export function sourcesWithout(sources: string, drop = newestRelease(sources)): string {
  const dir = mkdtempSync(join(tmpdir(), 'sources-without-'));
  for (const e of readdirSync(sources)) if (e !== 'ice') symlinkSync(join(sources, e), join(dir, e));
  mkdirSync(join(dir, 'ice'));
  for (const e of readdirSync(join(sources, 'ice'))) if (e !== 'ice-detention-stats-releases') symlinkSync(join(sources, 'ice', e), join(dir, 'ice', e));
  mkdirSync(join(dir, RELEASES_DIR));
  for (const f of readdirSync(join(sources, RELEASES_DIR))) if (f !== drop) symlinkSync(join(sources, RELEASES_DIR, f), join(dir, RELEASES_DIR, f));
  return dir;
}
