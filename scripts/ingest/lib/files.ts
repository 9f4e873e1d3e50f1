/** Find each declared file under the sources root, or fetch it from its original address. */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { IngestError } from './errors';
import type { FileDecl, ResolvedFile, SourceDecl } from './types';

/**
 * Why the file system refused a path, in words: "permission denied" must not be reported as
 * "expected the file to exist". A dangling symbolic link names its target.
 */
export function fsReason(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'it is a folder, not a file (EISDIR)';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder (ENOTDIR)';
    case 'ELOOP':
      return 'a loop of symbolic links (ELOOP)';
    case 'ENOENT':
      try {
        if (lstatSync(path).isSymbolicLink()) return `it is a symbolic link to ${readlinkSync(path)}, which does not exist (ENOENT)`;
      } catch {
        // not there at all
      }
      return 'it does not exist (ENOENT)';
    default:
      return (e as Error)?.message ?? String(e);
  }
}

/** The bytes of a source file, or an IngestError naming it and why it could not be read. */
export function readBytes(path: string, label: string): Buffer<ArrayBuffer> {
  try {
    return readFileSync(path);
  } catch (e) {
    // A plain missing file keeps the message the tests and the README quote.
    if ((e as NodeJS.ErrnoException)?.code === 'ENOENT' && !isLink(path)) throw new IngestError({ file: label }, `expected the file to exist at ${path}`);
    throw new IngestError({ file: label }, `expected to read the file at ${path}: ${fsReason(e, path)}`);
  }
}

const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

/** The names in a source folder; a missing folder has none, one that cannot be read is an error saying why. */
function listFolder(dir: string, label: string): string[] {
  if (!existsSync(dir) && !isLink(dir)) return [];
  try {
    return readdirSync(dir).sort();
  } catch (e) {
    const why = (e as NodeJS.ErrnoException)?.code === 'ENOTDIR' && statSync(dir).isFile() ? 'it is a file, not a folder (ENOTDIR)' : fsReason(e, dir);
    throw new IngestError({ file: label }, `expected to read the folder ${dir}: ${why}`);
  }
}

export function resolveFiles(root: string, decl: FileDecl): ResolvedFile[] {
  const dir = join(root, decl.dir);
  const names = listFolder(dir, decl.dir);
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
 * `signal` (Ctrl-C) aborts a fetch under way.
 */
export async function downloadSource(src: SourceDecl, root: string, mirror?: string, signal?: AbortSignal): Promise<void> {
  for (const f of src.files) {
    for (const url of f.urls ?? []) {
      signal?.throwIfAborted();
      const from = mirror ? `${mirror.replace(/\/$/, '')}/${url.replace(/^https?:\/\//, '')}` : url;
      let res: Response;
      let bytes: Uint8Array;
      try {
        res = await fetch(from, { signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(60_000)]) : AbortSignal.timeout(60_000) });
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        signal?.throwIfAborted();
        throw new IngestError({ file: `${f.dir}/${basename(new URL(url).pathname)}` }, `expected to download ${from} (${(e as Error).message})`);
      }
      if (!res.ok) throw new IngestError({ file: `${f.dir}/${basename(new URL(url).pathname)}` }, `expected HTTP 200 from ${from}, got ${res.status}`);
      mkdirSync(join(root, f.dir), { recursive: true });
      writeFileSync(join(root, f.dir, decodeURIComponent(basename(new URL(url).pathname))), bytes);
    }
  }
}
