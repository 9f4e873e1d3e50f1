/**
 * Publish a folder all at once: outputs are written to `<out>.tmp-<pid>`, and only when every
 * dataset validated is the old folder moved aside and the new one renamed into place.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const base = (out: string) => out.replace(/\/$/, '');

export function tempDirFor(out: string): string {
  const tmp = `${base(out)}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

/** Whether a process with this id is running (signal 0 only asks; EPERM: it runs, as another user). */
export function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * What a run killed before it could clean up left beside `out` (SIGKILL, a power cut, a second
 * Ctrl-C): `<out>.tmp-<pid>` and `<out>.old-<pid>` of processes no longer running. A folder of a
 * live process is never touched: it may be another ingest at work. An `.old-` folder is the
 * previous publication moved aside; if the run died before the new one took its place (`out` is
 * missing), it is put back rather than deleted. Returns one line per folder handled.
 */
export function removeStale(out: string): string[] {
  const parent = dirname(base(out));
  const name = basename(base(out));
  if (!existsSync(parent)) return [];
  const done: string[] = [];
  const stale = readdirSync(parent)
    .map((e) => ({ e, m: e.match(/^(.*)\.(tmp|old)-(\d+)$/) }))
    .filter(({ m }) => m && m[1] === name && !pidAlive(Number(m[3])))
    // .old- first: restoring the previous publication matters more than removing a half-written one.
    .sort((a, b) => (a.m![2] === b.m![2] ? a.e.localeCompare(b.e) : a.m![2] === 'old' ? -1 : 1));
  for (const { e, m } of stale) {
    const path = join(parent, e);
    if (m![2] === 'old' && !existsSync(out)) {
      renameSync(path, out);
      done.push(`restored ${e} as ${name}: process ${m![3]} died between moving it aside and publishing`);
    } else {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed ${e}, left by process ${m![3]}, which is no longer running`);
    }
  }
  return done;
}

export function swapInto(tmp: string, out: string): void {
  const old = `${base(out)}.old-${process.pid}`;
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
