/** The change log of a folder of hand-made release summaries (tests/fixtures/releases), oldest first. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logOf } from '../../../src/lib/changes/replay';
import type { ChangeLog, ReleaseSummary } from '../../../src/lib/changes/types';

export function fixtureLog(dir: string): ChangeLog {
  const all = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { summary: ReleaseSummary }).summary);
  return logOf(all);
}
