/**
 * The content-addressed store of pinned-embed charts (data/releases/objects/<hash>.json, indexed
 * by data/releases/<release>.json): written by scripts/archive-release.ts after an ingest, read by
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

