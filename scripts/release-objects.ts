/**
 * The content-addressed store of pinned-embed charts (data/releases/objects/<hash>.json, indexed
 * by data/releases/<release>.json) and of the deaths file's versions (indexed by
 * data/releases/deaths.json): written by scripts/archive-release.ts after an ingest, read by
 * scripts/build-data.ts. Plain files only, so the build step needs none of the app's modules.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const OBJECTS = 'objects';
export const RELEASE_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20);

export function writeAtomic(file: string, text: string) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Store one archived chart by its content; the same chart in two releases is one file. */
export function putObject(dir: string, chart: unknown): string {
  const text = JSON.stringify(chart) + '\n';
  const hash = hashOf(text);
  const file = join(dir, OBJECTS, `${hash}.json`);
  if (!existsSync(file)) writeAtomic(file, text);
  return hash;
}

/** A release's archived charts by key (the index resolved through its objects). */
export function readArchive(dir: string, file: string): { release: string; charts: Record<string, unknown> } {
  const a = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { release: string; charts: Record<string, unknown> };
  const charts = Object.fromEntries(Object.entries(a.charts).map(([k, h]) => [k, typeof h === 'string' ? JSON.parse(readFileSync(join(dir, OBJECTS, `${h}.json`), 'utf8')) : h]));
  return { release: a.release, charts };
}


/** The ledger of the deaths file's versions: each version's latest date of death, count and death keys (an object). */
export const DEATHS_LEDGER = 'deaths.json';
export interface DeathLedger {
  versions: { as_of: string; deaths: number; keys: string }[];
}

export function readDeathLedger(dir: string): DeathLedger {
  const file = join(dir, DEATHS_LEDGER);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DeathLedger) : { versions: [] };
}

/** Each version with its keys read from the store, oldest first. */
export function deathVersions(dir: string): { as_of: string; keys: string[] }[] {
  return readDeathLedger(dir).versions.map((v) => ({ as_of: v.as_of, keys: JSON.parse(readFileSync(join(dir, OBJECTS, `${v.keys}.json`), 'utf8')) as string[] }));
}

/**
 * Adds the deaths file's current version (its sorted death keys) to the ledger unless it is the
 * last one there: a rerun on the same file changes nothing. Returns whether a version was added.
 */
export function recordDeathVersion(dir: string, keys: string[], asOf: string): boolean {
  const ledger = readDeathLedger(dir);
  const hash = putObject(dir, [...keys].sort());
  if (ledger.versions.at(-1)?.keys === hash) return false;
  ledger.versions.push({ as_of: asOf, deaths: keys.length, keys: hash });
  writeAtomic(join(dir, DEATHS_LEDGER), JSON.stringify(ledger, null, 1) + '\n');
  return true;
}
