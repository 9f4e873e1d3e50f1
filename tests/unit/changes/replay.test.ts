/** The change log replayed from a hand-made release stream: what each release changed, in order, with the tables left out. */
import { describe, expect, it } from 'vitest';
import { replay, type FacilityReleaseRow, type ReleaseRow } from '../../../src/lib/changes/replay';

const rel = (date: string, sha: string, o: Partial<ReleaseRow> = {}): ReleaseRow => ({ sha256: sha, release_date: date, fiscal_year: 2025, file: `ice/x/${sha}.xlsx`, current: true, facilities_repeated: false, facilities_repeat_of: null, facilities_inconsistent: false, notes: null, ...o });
const fac = (sha: string, id: string, adp: number, row: number): FacilityReleaseRow => ({ sha256: sha, facility_id: id, name: id.toUpperCase(), state: 'GA', adp_fytd: adp, source_file: `ice/x/${sha}.xlsx`, source_sheet: 'Facilities FY25', source_row: row });

const releases = [
  rel('2025-01-11', 'a'),
  rel('2025-01-25', 'b0', { current: false }), // superseded by b: skipped
  rel('2025-01-25', 'b'),
  rel('2025-02-08', 'c', { facilities_repeated: true, facilities_repeat_of: 'ice/x/b.xlsx', notes: 'facilities table repeated from ice/x/b.xlsx (every figure the same)' }),
  rel('2025-02-22', 'd'),
  rel('2025-03-08', 'e', { facilities_inconsistent: true, notes: "facilities table does not add up to the national figure: 90 people a day in all, 195 % of ICE's national average for the year to date (46); one of the two tables is not what it claims" }),
];
const rows = [
  fac('a', 'stew', 1000, 8), fac('a', 'otay', 40, 9),
  fac('b0', 'stew', 9999, 8),
  fac('b', 'stew', 1010, 8), // Otay not listed
  fac('c', 'stew', 1010, 8),
  fac('d', 'stew', 1400, 8), fac('d', 'otay', 45, 9), fac('d', 'krome', 60, 10),
  fac('e', 'stew', 1, 8),
];

describe('replay', () => {
  const log = replay(releases, rows);
  it('compares each current release with the one before, newest first, leaving out superseded files', () => {
    expect(log.releases.map((r) => [r.release, r.previous])).toEqual([['2025-02-22', '2025-01-25'], ['2025-01-25', '2025-01-11'], ['2025-01-11', null]]);
    expect(log.changes.every((c) => c.text.indexOf('9,999') < 0)).toBe(true);
  });
  it('says a facility dropped, back, added and a large move, each with the cells compared', () => {
    const by = (release: string) => log.changes.filter((c) => c.release === release).map((c) => [c.kind, c.facility_id]);
    expect(by('2025-01-25')).toEqual([['facility-dropped', 'otay']]);
    expect(by('2025-02-22')).toEqual(expect.arrayContaining([['facility-added', 'otay'], ['facility-added', 'krome'], ['population-change', 'stew']]));
    const back = log.changes.find((c) => c.release === '2025-02-22' && c.facility_id === 'otay')!;
    expect(back.text).toBe("OTAY is back in ICE's FY2025 statistics, 45 people a day on average; it was not in the release before (last listed in ICE's release of 2025-01-11).");
    const move = log.changes.find((c) => c.kind === 'population-change')!;
    expect(move.sources.map((s) => s.file)).toEqual(['ice/x/b.xlsx', 'ice/x/d.xlsx']);
    expect([move.before, move.after]).toEqual([1010, 1400]);
  });
  it('leaves repeated and inconsistent tables out of the comparisons, saying so', () => {
    const out = log.changes.filter((c) => c.kind === 'table-left-out');
    expect(out.map((c) => c.release)).toEqual(['2025-03-08', '2025-02-08']);
    expect(out[0]!.text).toContain('does not add up to the national figure: 90 people a day in all');
    expect(out[1]!.text).toContain('repeats the facilities table of an earlier release, every figure the same (ice/x/b.xlsx)');
    // Stewart's "1 person a day" of the inconsistent table is never compared.
    expect(log.changes.some((c) => c.after === 1)).toBe(false);
  });
});
