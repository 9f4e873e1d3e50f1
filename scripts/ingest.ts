/**
 * npm run ingest [-- --sources DIR] [--out DIR] [--download [--mirror URL]] [--only id,id]
 * Reads the raw public files (default ../shared/sources, or SOURCES_DIR) and publishes data/.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest, RELEASES } from './ingest/engine';
import { archiveRelease } from './archive-release';
import { IngestError } from './ingest/lib/errors';

const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: process.env.SOURCES_DIR ?? '../shared/sources' },
    out: { type: 'string', default: 'data' },
    download: { type: 'boolean', default: false },
    mirror: { type: 'string' },
    only: { type: 'string' },
  },
});

const t0 = performance.now();
try {
  const summary = await ingest({ sources: resolve(values.sources!), out: resolve(values.out!), download: values.download, mirror: values.mirror, only: values.only?.split(',') });
  console.log('\n' + ['dataset'.padEnd(28), 'rows'.padStart(9), 'parquet B'.padStart(11), 'ms'.padStart(7)].join(' '));
  for (const s of summary) console.log([s.name.padEnd(28), String(s.rows).padStart(9), String(s.bytes).padStart(11), s.ms.toFixed(0).padStart(7)].join(' '));
  console.log(`\n${summary.length} datasets written to ${values.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The charts read data/ (src/lib/server/data.ts): archive this release only when that is what changed.
  if (resolve(values.out!) === resolve('data')) {
    const a = await archiveRelease({ dir: join(values.out!, RELEASES), sources: resolve(values.sources!) });
    console.log(`${a.file}: ${a.charts} chart variants archived for pinned embeds (${(a.bytes / 1024).toFixed(0)} KB); ${a.changes} changes from the release before (${RELEASES}/changes.json)`);
  }
} catch (e) {
  console.error(e instanceof IngestError ? `ingest failed: ${e.message}` : e);
  console.error(`nothing in ${values.out} was changed`);
  process.exit(1);
}
