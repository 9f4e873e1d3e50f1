/**
 * The raw ICE workbooks in the sources folder: the year-end files and every release, each saved
 * as `<day saved>_<ICE's name>` (ice/ice-detention-stats-releases/README.md). A release is known
 * by the sha256 of its bytes, never by its name: ICE replaces files in place and reuses names.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import iceWorkbooks from '../ingest/sources/ice-workbooks';

/** The two folders of the ICE source's declaration: year-end files, then releases. */
export const [YEAR_END, RELEASES] = iceWorkbooks.files as [(typeof iceWorkbooks.files)[0], (typeof iceWorkbooks.files)[1]];

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface KnownFile {
  /** Path under the sources folder, as the ingest cites it. */
  label: string;
  /** ICE's own name (a release file without its date prefix). */
  iceName: string;
  sha256: string;
}

const DATE_PREFIX = /^\d{4}-\d\d-\d\d_/;

/** Every file in either ICE folder, whatever its name: a file the ingest would skip still holds those bytes. */
export function knownFiles(sources: string): KnownFile[] {
  const out: KnownFile[] = [];
  for (const dir of [YEAR_END.dir, RELEASES.dir]) {
    const abs = join(sources, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      const path = join(abs, name);
      if (name.startsWith('.') || !statSync(path).isFile()) continue;
      out.push({ label: `${dir}/${name}`, iceName: name.replace(DATE_PREFIX, ''), sha256: sha256(readFileSync(path)) });
    }
  }
  return out;
}

/**
 * The name a new release is saved under, checked against the release folder's pattern in the
 * source declaration: a file the ingest would not pick up must not be saved as if it were.
 */
export function releaseFileName(day: string, iceName: string): string {
  const name = `${day}_${iceName}`;
  if (/[/\\\0]/.test(iceName) || iceName.startsWith('.')) throw new Error(`expected a plain file name from ICE's address, got ${JSON.stringify(iceName)}`);
  if (!(RELEASES.name as RegExp).test(name))
    throw new Error(`${iceName}: expected an ICE workbook name the ingest reads (${RELEASES.dir}/ pattern ${RELEASES.name}); got ${name}. If ICE renamed its files, update the pattern in scripts/ingest/sources/ice-workbooks.ts`);
  return name;
}

/** Write a file whole or not at all: a temp file beside it, renamed into place. */
export function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
