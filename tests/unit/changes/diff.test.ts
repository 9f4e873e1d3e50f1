import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { diffReleases } from '../../../src/lib/changes/diff';
import type { ReleaseSummary } from '../../../src/lib/changes/types';
import { fixtureLog } from './fixture-log';
import { revisionNotes } from '../../../src/lib/changes/notes';

const DIR = 'tests/fixtures/releases';
const summary = (release: string) => (JSON.parse(readFileSync(`${DIR}/${release}.json`, 'utf8')) as { summary: ReleaseSummary }).summary;
const cell = (file: string, sheet: string, row: number) => ({ file, sheet, row });
const FY26A = 'FY26_detentionStats_01092026.xlsx';
const FY26B = 'FY26_detentionStats_01232026.xlsx';

describe('what changed between two releases', () => {
  it('finds exactly the additions, drops, large moves and revisions the fixtures hold', () => {
    expect(diffReleases(summary('2026-01-09'), summary('2026-01-23'))).toEqual([
      {
        id: '2026-01-23/facility-added/newaz',
        release: '2026-01-23',
        previous: '2026-01-09',
        kind: 'facility-added',
        facility_id: 'newaz',
        name: 'NEW DESERT FACILITY',
        state: 'AZ',
        fiscal_year: 2026,
        before: null,
        after: 250.4,
        text: "NEW DESERT FACILITY appears in ICE's FY2026 statistics, 250 people a day on average.",
        sources: [cell(FY26B, 'Facilities FY26', 20)],
      },
      {
        id: '2026-01-23/facility-dropped/closedtx',
        release: '2026-01-23',
        previous: '2026-01-09',
        kind: 'facility-dropped',
        facility_id: 'closedtx',
        name: 'CLOSED <b>PROCESSING</b> CENTER',
        state: 'TX',
        fiscal_year: 2026,
        before: 300,
        after: null,
        text: `CLOSED <b>PROCESSING</b> CENTER is not in ICE's FY2026 statistics (${FY26B}); it was in FY2026 at 300 people a day.`,
        sources: [cell(FY26A, 'Facilities FY26', 60)],
      },
      {
        id: '2026-01-23/population-change/stwrtga/2026',
        release: '2026-01-23',
        previous: '2026-01-09',
        kind: 'population-change',
        facility_id: 'stwrtga',
        name: 'STEWART DETENTION CENTER',
        state: 'GA',
        fiscal_year: 2026,
        before: 1900,
        after: 2400,
        text: 'STEWART DETENTION CENTER: FY2026 average daily population rose from 1,900 to 2,400 (+500, +26 %).',
        sources: [cell(FY26A, 'Facilities FY26', 190), cell(FY26B, 'Facilities FY26', 191)],
      },
      {
        id: '2026-01-23/revision/stwrtga/2025',
        release: '2026-01-23',
        previous: '2026-01-09',
        kind: 'revision',
        facility_id: 'stwrtga',
        name: 'STEWART DETENTION CENTER',
        state: 'GA',
        fiscal_year: 2025,
        before: 1800.5,
        after: 1812.25,
        text: 'STEWART DETENTION CENTER: FY2025 average daily population revised from 1,800.5 (FY25_detentionStats09242025.xlsx, sheet “Facilities FY25”, row 200) to 1,812.3 (FY25_detentionStats09242025.xlsx, sheet “Facilities FY25”, row 200).',
        sources: [cell('FY25_detentionStats09242025.xlsx', 'Facilities FY25', 200), cell('FY25_detentionStats09242025.xlsx', 'Facilities FY25', 200)],
      },
    ]);
  });

  it('keeps small moves out: under 50 people (40 → 80) or under 25 % (1,000 → 1,100)', () => {
    const ids = diffReleases(summary('2026-01-09'), summary('2026-01-23')).map((c) => c.facility_id);
    expect(ids).not.toContain('smallga');
    expect(ids).not.toContain('quietla');
  });

  it('logs a new fiscal-year file, and the facilities not (yet) in it', () => {
    const changes = diffReleases(summary('2026-01-23'), summary('2026-02-06'));
    expect(changes.map((c) => `${c.kind} ${c.facility_id ?? c.fiscal_year}`)).toEqual(['new-fiscal-year 2027', 'facility-dropped newaz', 'facility-dropped smallga']);
    expect(changes[0]!.text).toBe("ICE's statistics for fiscal year 2027 appear for the first time (FY27_detentionStats_02062026.xlsx).");
  });

  it('an unchanged release has no changes', () => {
    expect(diffReleases(summary('2026-01-23'), { ...summary('2026-01-23'), release: '2026-01-24' })).toEqual([]);
  });
});

describe('the change log', () => {
  it('compares each release with the one before it, newest first', () => {
    const log = fixtureLog(DIR);
    expect(log.releases).toEqual([
      { release: '2026-02-06', previous: '2026-01-23', inputs: 1, changes: 3 },
      { release: '2026-01-23', previous: '2026-01-09', inputs: 1, changes: 4 },
      { release: '2026-01-09', previous: null, inputs: 1, changes: 0 },
    ]);
    expect(log.changes.map((c) => c.release)).toEqual(['2026-02-06', '2026-02-06', '2026-02-06', '2026-01-23', '2026-01-23', '2026-01-23', '2026-01-23']);
  });
});

describe('revisions on chart pages', () => {
  it("a facility's chart notes each revised figure with both cells, and nothing for other facilities", () => {
    const { changes } = fixtureLog(DIR);
    expect(revisionNotes(changes, 'stwrtga')).toEqual([
      "Revised in ICE's release of 2026-01-23: STEWART DETENTION CENTER: FY2025 average daily population revised from 1,800.5 (FY25_detentionStats09242025.xlsx, sheet “Facilities FY25”, row 200) to 1,812.3 (FY25_detentionStats09242025.xlsx, sheet “Facilities FY25”, row 200). The chart shows the current figure.",
    ]);
    expect(revisionNotes(changes, 'quietla')).toEqual([]);
  });
});
