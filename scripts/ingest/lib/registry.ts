/** Every source and dataset declaration, found by file name so adding one touches no other file. */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DatasetDecl, SourceDecl } from './types';

const here = dirname(fileURLToPath(import.meta.url));

async function load<T>(folder: string): Promise<T[]> {
  const dir = join(here, '..', folder);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)));
  return mods.map((m) => m.default as T);
}

export const loadSources = () => load<SourceDecl>('sources');

/** Datasets in an order where each comes after the ones it reads (`after`). */
export async function loadDatasets(): Promise<DatasetDecl[]> {
  const all = await load<DatasetDecl>('datasets');
  const byName = new Map(all.map((d) => [d.name, d]));
  const out: DatasetDecl[] = [];
  const visit = (d: DatasetDecl, path: string[]) => {
    if (out.includes(d)) return;
    if (path.includes(d.name)) throw new Error(`dataset cycle: ${[...path, d.name].join(' -> ')}`);
    for (const a of d.after ?? []) {
      const dep = byName.get(a);
      if (!dep) throw new Error(`dataset ${d.name} runs after unknown dataset ${a}`);
      visit(dep, [...path, d.name]);
    }
    out.push(d);
  };
  for (const d of all) visit(d, []);
  return out;
}
