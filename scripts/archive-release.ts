/**
 * The release archive pinned embeds read (?release=): after an ingest, every chart variant of the
 * registry, as src/lib/embed/release.ts keeps it, in data/releases/<release>.json (keys sorted, so
 * a rerun on the same data rewrites the same bytes). Charts marked `archived: false` are left out.
 * Runs outside Vite (tsx resolves $lib through tsconfig paths).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHARTS } from '../src/lib/charts/registry';
import { chartVariants, loadChart } from '../src/lib/server/charts';
import { datapackage } from '../src/lib/server/data';
import { archive, type Archived } from '../src/lib/embed/release';

export async function archiveRelease(dir = 'data/releases'): Promise<{ file: string; charts: number; bytes: number }> {
  const release = datapackage().version;
  const charts: Record<string, Archived> = {};
  for (const v of await chartVariants()) if (CHARTS[v.id]!.archived !== false) charts[v.key] = archive(await loadChart(v.id, v.params));
  const text = JSON.stringify({ release, charts }) + '\n';
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${release}.json`);
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
  return { file, charts: Object.keys(charts).length, bytes: Buffer.byteLength(text) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await archiveRelease();
  console.log(`${r.file}: ${r.charts} chart variants, ${(r.bytes / 1024).toFixed(0)} KB`);
}
