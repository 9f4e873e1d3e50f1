/**
 * Publish a folder all at once: outputs are written to `<out>.tmp-<pid>`, and only when every
 * dataset validated is the old folder moved aside and the new one renamed into place.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';

export function tempDirFor(out: string): string {
  const tmp = `${out.replace(/\/$/, '')}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

export function swapInto(tmp: string, out: string): void {
  const old = `${out.replace(/\/$/, '')}.old-${process.pid}`;
  if (existsSync(out)) renameSync(out, old);
  try {
    renameSync(tmp, out);
  } catch (e) {
    if (existsSync(old)) renameSync(old, out);
    throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

export function discard(tmp: string): void {
  rmSync(tmp, { recursive: true, force: true });
}
