/**
 * The address of an island's entry file (hashed by its build, vite.islands.config.ts), for the
 * page that carries it in `data-island`. The islands are built before the site (scripts/build.ts);
 * a page built without them fails here, saying so, rather than shipping a dead map or embed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base } from '$app/paths';
import { ISLANDS, ISLANDS_OUT, ISLANDS_PATH } from '$lib/islands/names.js';

type Manifest = Record<string, { file: string; name?: string; isEntry?: boolean }>;
let manifest: Manifest | null = null;

export function islandSrc(name: (typeof ISLANDS)[number]): string {
  const file = join(ISLANDS_OUT, '.vite/manifest.json');
  if (!manifest) {
    if (!existsSync(file)) throw new Error(`${file} is missing: build the islands first (npm run build does: vite build --config vite.islands.config.ts)`);
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  }
  const entry = Object.values(manifest).find((e) => e.isEntry && e.name === name);
  if (!entry) throw new Error(`${file} names no island "${name}"`);
  return `${base}${ISLANDS_PATH}${entry.file}`;
}
