/**
 * The release archive after an ingest: every chart variant of the registry as src/lib/embed/release.ts
 * keeps it (what pinned embeds read, ?release=; charts marked `archived: false` are left out),
 * content-addressed so the committed history grows only by what a release changed:
 * data/releases/objects/<hash>.json holds one archived chart, and data/releases/<release>.json maps
 * each chart key to its object. A rerun on the same data rewrites the same bytes. The deaths file's
 * version goes to data/releases/deaths.json (archiveDeaths).
 * Runs outside Vite (tsx resolves $lib through tsconfig paths).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHARTS } from '../src/lib/charts/registry';
import { chartVariants, loadChart } from '../src/lib/server/charts';
import { datapackage } from '../src/lib/server/data';
import { archive } from '../src/lib/embed/release';
import { query } from '../src/lib/server/data';
import { deathKey } from '../src/lib/changes/deaths';
import { OBJECTS, putObject, readDeathLedger, recordDeathVersion, RELEASE_FILE, writeAtomic } from './release-objects';

export interface ArchiveOptions {
  /** The releases folder (data/releases). */
  dir: string;
}

/** An archive written before objects existed (charts inline) is rewritten as an index of objects. */
function migrate(dir: string): void {
  for (const f of readdirSync(dir).filter((n) => RELEASE_FILE.test(n))) {
    const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { release: string; charts: Record<string, unknown> };
    if (Object.values(a.charts).every((c) => typeof c === 'string')) continue;
    const charts = Object.fromEntries(Object.entries(a.charts).map(([k, c]) => [k, typeof c === 'string' ? c : putObject(dir, c)]));
    writeAtomic(join(dir, f), JSON.stringify({ release: a.release, charts }, null, 0) + '\n');
  }
}

/** Objects no release nor the deaths ledger refers to any more (a rerun that changed a chart): removed. */
function prune(dir: string): void {
  const used = new Set(readDeathLedger(dir).versions.map((v) => v.keys));
  for (const f of readdirSync(dir).filter((n) => RELEASE_FILE.test(n)))
    for (const h of Object.values((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { charts: Record<string, string> }).charts)) used.add(h);
  for (const o of readdirSync(join(dir, OBJECTS))) if (!used.has(o.replace(/\.json$/, ''))) rmSync(join(dir, OBJECTS, o));
}

/**
 * The deaths file's version in the ledger (data/releases/deaths.json), so a later version's new
 * deaths are entries of the change log (src/lib/changes/deaths.ts). Named by its latest date of death.
 */
export async function archiveDeaths(dir: string): Promise<boolean> {
  const rows = await query<{ death_date: string; name: string }>(`SELECT death_date::VARCHAR AS death_date, name FROM ice_deaths`);
  if (!rows.length) return false;
  return recordDeathVersion(dir, rows.map(deathKey), rows.map((r) => r.death_date).sort().at(-1)!);
}

export async function archiveRelease({ dir }: ArchiveOptions): Promise<{ file: string; charts: number; objects: number; bytes: number }> {
  const release = datapackage().version;
  mkdirSync(join(dir, OBJECTS), { recursive: true });
  migrate(dir);
  const before = new Set(readdirSync(join(dir, OBJECTS)));
  const charts: Record<string, string> = {};
  for (const v of await chartVariants()) if (CHARTS[v.id]!.archived !== false) charts[v.key] = putObject(dir, archive(await loadChart(v.id, v.params)));
  const file = join(dir, `${release}.json`);
  writeAtomic(file, JSON.stringify({ release, charts }) + '\n');
  await archiveDeaths(dir);
  prune(dir);
  const added = readdirSync(join(dir, OBJECTS)).filter((o) => !before.has(o));
  const bytes = added.reduce((n, o) => n + readFileSync(join(dir, OBJECTS, o)).length, 0) + readFileSync(file).length;
  return { file, charts: Object.keys(charts).length, objects: added.length, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await archiveRelease({ dir: 'data/releases' });
  console.log(`${r.file}: ${r.charts} chart variants, ${r.objects} new objects (${(r.bytes / 1024).toFixed(0)} KB added)`);
}
