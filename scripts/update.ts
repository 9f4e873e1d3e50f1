/**
 * npm run update [-- --sources DIR] [--out DIR] [--note FILE] [--no-ingest] [--page URL] [--mirror URL] [--only id,id]
 *
 * Fetches ICE's Detention Management page, downloads the workbooks it links, saves the ones whose
 * bytes are not yet in the sources folder as `ice/ice-detention-stats-releases/<today>_<ICE name>`,
 * ingests (`npm run ingest` into --out, default data/) and writes a release note in Markdown
 * (--note FILE, default stdout). Logs go to stderr; the last line says what happened.
 *
 * Exit codes:
 *   0    new release(s): saved to the sources folder and ingested (with --no-ingest: saved only)
 *   3    nothing new: every linked workbook's sha256 is already in the sources folder
 *   1    failure: the page or a download failed, a file is not a readable ICE workbook (an HTML
 *        page, a cut-off file, a changed layout: named by file, sheet, row and column), or the
 *        ingest failed. Nothing is saved to the sources folder and --out is unchanged.
 *   130, 143  stopped by SIGINT (Ctrl-C) or SIGTERM, with nothing changed, as on a failure
 *
 * --mirror URL fetches https://host/path from URL/host/path (tests serve ICE's addresses locally).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { constants } from 'node:os';
import { Interrupted } from './ingest/lib/errors';
import { writeAtomic } from './update/archive';
import { update } from './update/run';

const EXIT = { new: 0, failure: 1, nothingNew: 3 } as const;

const options = {
  sources: { type: 'string', default: process.env.SOURCES_DIR ?? '../shared/sources' },
  out: { type: 'string', default: 'data' },
  note: { type: 'string' },
  'no-ingest': { type: 'boolean', default: false },
  page: { type: 'string' },
  mirror: { type: 'string' },
  only: { type: 'string' },
} as const;
let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  ({ values } = parseArgs({ options }));
} catch (e) {
  console.error(`update failed: ${(e as Error).message}`);
  process.exit(1);
}

// Ctrl-C reaches this process and the ingest it runs, and npm relays it too: repeats within a second are one request (as in scripts/ingest.ts).
const stop = new AbortController();
let stoppedAt = 0;
const exitCode = (signal: string) => 128 + (constants.signals[signal as keyof typeof constants.signals] ?? 1);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (!stoppedAt) {
      stoppedAt = Date.now();
      stop.abort(new Interrupted(signal));
    } else if (Date.now() - stoppedAt > 1000) process.exit(exitCode(signal));
  });

try {
  const outcome = await update({
    sources: resolve(values.sources!),
    out: resolve(values.out!),
    page: values.page,
    mirror: values.mirror,
    ingest: !values['no-ingest'],
    only: values.only?.split(','),
    signal: stop.signal,
  });
  if (outcome.status === 'nothing new') {
    console.error(`update: nothing new (${outcome.links} workbook links, every one already in ${values.sources})`);
    process.exit(EXIT.nothingNew);
  }
  if (values.note) writeAtomic(resolve(values.note), outcome.note);
  else process.stdout.write(outcome.note);
  const what = outcome.files.map((f) => f.label).join(', ');
  console.error(`update: ${outcome.files.length} new release${outcome.files.length > 1 ? 's' : ''} saved (${what}); ${outcome.ingested ? `ingested into ${values.out}` : 'not ingested (--no-ingest)'}${values.note ? `; note in ${values.note}` : ''}`);
  process.exit(EXIT.new);
} catch (e) {
  if (e instanceof Interrupted) {
    console.error(`update interrupted by ${e.signal}: nothing saved to ${values.sources}, ${values.out} unchanged`);
    process.exit(exitCode(e.signal));
  }
  console.error(`update failed: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  process.exit(EXIT.failure);
}
