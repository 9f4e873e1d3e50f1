/**
 * npm run ingest [-- --sources DIR] [--out DIR] [--download [--mirror URL]] [--only id,id]
 * Reads the raw public files (default ../shared/sources, or SOURCES_DIR) and publishes data/.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { constants } from 'node:os';
import { ingest, RELEASES } from './ingest/engine';
import { archiveRelease } from './archive-release';
import { IngestError, Interrupted } from './ingest/lib/errors';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: process.env.SOURCES_DIR ?? '../shared/sources' },
    out: { type: 'string', default: 'data' },
    download: { type: 'boolean', default: false },
    mirror: { type: 'string' },
    only: { type: 'string' },
  },
});

/**
 * Ctrl-C (SIGINT) or SIGTERM: the engine stops at its next step, removes its temp folder and
 * download cache, and the process exits 128 + the signal number, as a shell expects. One Ctrl-C
 * reaches this process twice (from the terminal, and relayed by npm), so repeats within a second
 * are the same request; one after that exits at once, leaving the temp folder for the next run
 * to remove (engine: removeStale).
 */
const stop = new AbortController();
let stoppedAt = 0;
let phase: 'ingest' | 'archive' = 'ingest';
const exitCode = (signal: string) => 128 + (constants.signals[signal as keyof typeof constants.signals] ?? 1);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (!stoppedAt) {
      stoppedAt = Date.now();
      console.error(`\n${signal}: stopping the ingest…`);
      stop.abort(new Interrupted(signal));
    } else if (Date.now() - stoppedAt > 1000) {
      console.error(`${signal} again: exiting now; the next npm run ingest removes what this run left`);
      process.exit(exitCode(signal));
    }
  });

const t0 = performance.now();
try {
  const summary = await ingest({ sources: resolve(values.sources!), out: resolve(values.out!), download: values.download, mirror: values.mirror, only: values.only?.split(','), signal: stop.signal });
  console.log('\n' + ['dataset'.padEnd(28), 'rows'.padStart(9), 'parquet B'.padStart(11), 'ms'.padStart(7)].join(' '));
  for (const s of summary) console.log([s.name.padEnd(28), String(s.rows).padStart(9), String(s.bytes).padStart(11), s.ms.toFixed(0).padStart(7)].join(' '));
  console.log(`\n${summary.length} datasets written to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The charts read data/ (src/lib/server/data.ts): archive this release only when that is what changed.
  if (resolve(values.out!) === resolve('data')) {
    phase = 'archive';
    const a = await archiveRelease({ dir: join(values.out!, RELEASES) });
    console.log(`${a.file}: ${a.charts} chart variants archived for pinned embeds, ${a.objects} of them new (${(a.bytes / 1024).toFixed(0)} KB added to ${RELEASES}/)`);
  }
  // A signal that came after the engine's last check: the new datasets are published all the same.
  if (stop.signal.aborted) {
    const { signal } = stop.signal.reason as Interrupted;
    console.error(`${signal} came after the datasets were published: ${values.out} holds this run's data`);
    process.exit(exitCode(signal));
  }
} catch (e) {
  if (e instanceof Interrupted) {
    console.error(`ingest interrupted by ${e.signal}; its temp folder was removed`);
    console.error(`nothing in ${values.out} was changed`);
    process.exit(exitCode(e.signal));
  }
  console.error(e instanceof IngestError ? `ingest failed: ${e.message}` : e);
  // The datasets were swapped in before the release archive: say what did change.
  console.error(phase === 'archive' ? `the datasets in ${values.out} were updated; its release archive was not (rerun npm run ingest)` : `nothing in ${values.out} was changed`);
  process.exit(1);
}
