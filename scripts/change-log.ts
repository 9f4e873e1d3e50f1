/**
 * data/releases/changes.json: the change log, newest release first. After an ingest, the new release's
 * summary is compared with the newest earlier one in data/releases/ (src/lib/changes/diff.ts); its
 * entries replace any the same release had (a rerun), and earlier releases' entries are kept.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffReleases } from '../src/lib/changes/diff';
import type { ChangeLog, ReleaseSummary } from '../src/lib/changes/types';

const RELEASE_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
/** Beside the release archives: history, carried across ingests with them. */
export const CHANGE_LOG = 'changes.json';

/** The summaries kept in a releases folder, oldest first (archives from before summaries existed have none). */
export function summaries(dir: string): ReleaseSummary[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => RELEASE_FILE.test(f))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { summary?: ReleaseSummary }).summary)
    .filter((s): s is ReleaseSummary => s !== undefined);
}

/** The change log for every release with a summary in `dir`, each compared with the one before it. */
export function changeLog(dir: string): ChangeLog {
  const all = summaries(dir);
  const log: ChangeLog = { releases: [], changes: [] };
  all.forEach((s, i) => {
    const prev = all[i - 1] ?? null;
    const changes = prev ? diffReleases(prev, s) : [];
    log.releases.unshift({ release: s.release, previous: prev?.release ?? null, inputs: s.inputs.length, changes: changes.length });
    log.changes.unshift(...changes);
  });
  return log;
}

export function writeChangeLog(dir: string, file: string): ChangeLog {
  const log = changeLog(dir);
  writeFileSync(`${file}.tmp`, JSON.stringify(log, null, 1) + '\n');
  renameSync(`${file}.tmp`, file);
  return log;
}
