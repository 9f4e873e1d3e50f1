/** Find each declared file under the sources root, or fetch it from its original address. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IngestError } from './errors';
import type { FileDecl, ResolvedFile, SourceDecl } from './types';

export function resolveFiles(root: string, decl: FileDecl): ResolvedFile[] {
  const dir = join(root, decl.dir);
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const out: ResolvedFile[] = [];
  for (const name of names) {
    const match = typeof decl.name === 'string' ? (name === decl.name ? null : undefined) : name.match(decl.name);
    if (match === undefined || (match === null && typeof decl.name !== 'string')) continue;
    out.push({ path: join(dir, name), label: `${decl.dir}/${name}`, name, match, decl });
  }
  const min = decl.min ?? 1;
  if (out.length < min)
    throw new IngestError({ file: `${decl.dir}/${String(decl.name)}` }, `expected ${min === 1 ? 'the file' : `at least ${min} files`} under ${root}, found ${out.length}`);
  return out;
}

/**
 * --download: fetch every declared URL into `root` (a cache folder), keeping the file name of the
 * address. `mirror` rewrites https://host/path to mirror/host/path so tests can serve fixtures.
 */
export async function downloadSource(src: SourceDecl, root: string, mirror?: string): Promise<void> {
  for (const f of src.files) {
    for (const url of f.urls ?? []) {
      const from = mirror ? `${mirror.replace(/\/$/, '')}/${url.replace(/^https?:\/\//, '')}` : url;
      let res: Response;
      try {
        res = await fetch(from, { signal: AbortSignal.timeout(60_000) });
      } catch (e) {
        throw new IngestError({ file: `${f.dir}/${basename(new URL(url).pathname)}` }, `expected to download ${from} (${(e as Error).message})`);
      }
      if (!res.ok) throw new IngestError({ file: `${f.dir}/${basename(new URL(url).pathname)}` }, `expected HTTP 200 from ${from}, got ${res.status}`);
      mkdirSync(join(root, f.dir), { recursive: true });
      writeFileSync(join(root, f.dir, decodeURIComponent(basename(new URL(url).pathname))), new Uint8Array(await res.arrayBuffer()));
    }
  }
}
