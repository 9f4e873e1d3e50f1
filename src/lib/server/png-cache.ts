/**
 * Rendered PNGs kept by the sha256 of their SVG and the renderer's version (fonts included), in
 * node_modules/.cache/png/ like the precompressed copies: a chart whose drawing did not change is not
 * rasterised again, so a new data release re-draws only the images it changed. Each use touches its
 * entry; after a build, scripts/build.ts removes the entries that build did not touch.
 * Framework-free (node:fs and node:crypto only), so the build script can prune it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PNG_CACHE = process.env.PNG_CACHE ?? 'node_modules/.cache/png';

/** The PNG of `svg`, from the cache when the same renderer drew this SVG before, else drawn by `render` and kept. */
export async function cachedPng(svg: string, renderer: string, render: (svg: string) => Promise<Uint8Array<ArrayBuffer>>, cache = PNG_CACHE): Promise<Uint8Array<ArrayBuffer>> {
  const file = join(cache, `${createHash('sha256').update(renderer).update('\n').update(svg).digest('hex')}.png`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now);
    return new Uint8Array(readFileSync(file));
  }
  const png = await render(svg);
  mkdirSync(cache, { recursive: true });
  // Written under a temporary name first: an interrupted build leaves no half-written entry.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return png;
}

/** Removes the entries not used since `since` (ms): what the last build did not draw. Returns how many. */
export function pruneCache(since: number, cache = PNG_CACHE): number {
  if (!existsSync(cache)) return 0;
  let removed = 0;
  for (const f of readdirSync(cache)) {
    const p = join(cache, f);
    if (statSync(p).mtimeMs < since) {
      rmSync(p, { force: true });
      removed++;
    }
  }
  return removed;
}
