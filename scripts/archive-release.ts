/**
 * The release archive, data/releases/<release>.json, after an ingest: every chart variant of the
 * registry as src/lib/embed/release.ts keeps it (what pinned embeds read, ?release=; charts marked
 * `archived: false` are left out), and the release's summary (scripts/release-summary.ts: input
 * hashes, per-facility figures) the change log compares. Then the change log is written again
 * (scripts/change-log.ts). A rerun on the same data rewrites the same bytes.
 * Runs outside Vite (tsx resolves $lib through tsconfig paths).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHARTS } from '../src/lib/charts/registry';
import { chartVariants, loadChart } from '../src/lib/server/charts';
import { datapackage } from '../src/lib/server/data';
import { archive, type Archived } from '../src/lib/embed/release';
import { summarizeRelease } from './release-summary';
import { writeChangeLog, CHANGE_LOG } from './change-log';

export interface ArchiveOptions {
  /** The releases folder (data/releases). */
  dir: string;
  /** The raw sources the release was ingested from (their hashes identify it). */
  sources: string;
}

export async function archiveRelease({ dir, sources }: ArchiveOptions): Promise<{ file: string; charts: number; bytes: number; changes: number }> {
  const release = datapackage().version;
  const charts: Record<string, Archived> = {};
  for (const v of await chartVariants()) if (CHARTS[v.id]!.archived !== false) charts[v.key] = archive(await loadChart(v.id, v.params));
  const summary = await summarizeRelease(sources);
  const text = JSON.stringify({ release, charts, summary }) + '\n';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${release}.json`);
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  const log = writeChangeLog(dir, join(dir, CHANGE_LOG));
  return { file, charts: Object.keys(charts).length, bytes: Buffer.byteLength(text), changes: log.changes.filter((c) => c.release === release).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await archiveRelease({ dir: 'data/releases', sources: process.env.SOURCES_DIR ?? '../shared/sources' });
  console.log(`${r.file}: ${r.charts} chart variants, ${(r.bytes / 1024).toFixed(0)} KB; ${r.changes} changes from the release before`);
}
