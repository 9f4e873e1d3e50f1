/**
 * The ingest, run as its own CLI (scripts/ingest.ts) rather than by importing the engine: that
 * CLI is what `npm run ingest` runs, so an update publishes exactly as it does, including the
 * release archive it writes when the output is data/ and its own Ctrl-C handling. Started with
 * `node --import tsx`, not the tsx command, which would SIGKILL a child slow to answer a signal
 * (tests/unit/ingest/interrupt.test.ts).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Interrupted } from '../ingest/lib/errors';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface IngestRun {
  sources: string;
  out: string;
  /** Source ids, as `npm run ingest -- --only` takes them. */
  only?: string[];
  /** Aborted with an Interrupted reason: the signal is passed on, and the ingest cleans up as on Ctrl-C. */
  signal?: AbortSignal;
}

/** Resolves when the ingest published `out`; its log goes to stderr, so stdout stays the release note's. */
export function runIngest(o: IngestRun): Promise<void> {
  const args = ['--import', 'tsx', 'scripts/ingest.ts', '--sources', o.sources, '--out', o.out, ...(o.only ? ['--only', o.only.join(',')] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
    const stop = () => child.kill(((o.signal?.reason as Interrupted | undefined)?.signal ?? 'SIGTERM') as NodeJS.Signals);
    o.signal?.addEventListener('abort', stop, { once: true });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      o.signal?.removeEventListener('abort', stop);
      if (code === 0) resolve();
      else if (o.signal?.aborted) reject(o.signal.reason);
      else reject(new Error(`the ingest exited with ${code ?? signal} (its message is above)`));
    });
  });
}
