/**
 * The release note from two output folders, before and after an ingest, each holding small
 * hand-made ice_releases and ice_facility_releases Parquet files (made-up releases and
 * facilities, written with DuckDB): the figures, facilities added and dropped, and the interval
 * moves it reports are the ones put in.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuck } from '../../../scripts/ingest/engine';
import { releaseNote, type NewFile } from '../../../scripts/update/note';

interface Rel { sha256: string; release_date: string; fiscal_year: number; file: string; current: boolean; currently_detained: number | null; adp_fytd: number | null; facility_rows: number; notes: string | null; date_disagreement: boolean }
interface Fac { sha256: string; facility_id: string; name: string; adp_fytd: number | null; interval_adp: number | null; interval_note: string | null; source_row: number }

const DIR = 'ice/ice-detention-stats-releases';
const rel = (sha256: string, release_date: string, currently_detained: number, adp_fytd: number, facility_rows: number, extra: Partial<Rel> = {}): Rel => ({
  sha256, release_date, fiscal_year: 2031, file: `${DIR}/${release_date}_FY31_fixture.xlsx`, current: true, currently_detained, adp_fytd, facility_rows, notes: null, date_disagreement: false, ...extra,
});
const fac = (sha256: string, facility_id: string, adp_fytd: number, interval_adp: number | null, source_row: number, interval_note: string | null = null): Fac => ({
  sha256, facility_id, name: `FIXTURE ${facility_id.toUpperCase()} | CENTER`, adp_fytd, interval_adp, interval_note, source_row,
});

// A (first release of FY2031), B, then the new C. C drops f3, adds f4; f1 and f2 move.
const A = rel('a'.repeat(64), '2030-10-25', 1000, 900.5, 3);
const B = rel('b'.repeat(64), '2030-11-08', 1100, 950.25, 3);
const C = rel('c'.repeat(64), '2030-11-22', 1050, 975.75, 3);
const FACILITIES = [
  fac(A.sha256, 'f1', 100, null, 8, 'first release of FY2031 in the sources'), fac(A.sha256, 'f2', 50, null, 9), fac(A.sha256, 'f3', 20, null, 10),
  fac(B.sha256, 'f1', 110, 120, 8), fac(B.sha256, 'f2', 52, 54, 9), fac(B.sha256, 'f3', 21, 22, 10),
  fac(C.sha256, 'f1', 125, 155.5, 8), fac(C.sha256, 'f2', 51, 48, 9), fac(C.sha256, 'f4', 3, null, 10, 'not listed in the release before (2030-11-08)'),
];
const NEW: NewFile = { iceName: 'FY31_fixture.xlsx', url: 'https://www.ice.gov/doclib/detention/FY31_fixture.xlsx', label: C.file, sha256: C.sha256, bytes: 12345, sameNameAs: [] };

let root: string;
async function write(dir: string, releases: Rel[], facilities: Fac[] | null) {
  mkdirSync(dir, { recursive: true });
  const { instance, con } = await openDuck();
  try {
    const values = (rows: object[]) => rows.map((r) => `(${Object.values(r).map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v))).join(', ')})`).join(', ');
    await con.run(`COPY (SELECT * REPLACE (release_date::DATE AS release_date) FROM (VALUES ${values(releases)}) t(${Object.keys(releases[0]!).join(', ')})) TO '${join(dir, 'ice_releases.parquet')}' (FORMAT parquet)`);
    if (facilities) await con.run(`COPY (SELECT * FROM (VALUES ${values(facilities)}) t(${Object.keys(facilities[0]!).join(', ')})) TO '${join(dir, 'ice_facility_releases.parquet')}' (FORMAT parquet)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'update-note-'));
  await write(join(root, 'before'), [A, B], FACILITIES.filter((f) => f.sha256 !== C.sha256));
  await write(join(root, 'after'), [A, B, C], FACILITIES);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('releaseNote', () => {
  it('compares the new release with the one before: national figures, facilities added and dropped, interval moves', async () => {
    const note = await releaseNote({ files: [NEW], page: 'https://www.ice.gov/detain/detention-management', before: join(root, 'before'), after: join(root, 'after'), top: 2 });
    expect(note).toContain(`| [\`FY31_fixture.xlsx\`](${NEW.url}) | \`cccccccccccc\` | 12,345 | \`${C.file}\` |`);
    expect(note).toContain('Data through **2030-11-22** (FY2031).');
    expect(note).toContain(`Compared with the release before it, \`${B.file}\` (data through 2030-11-08):`);
    expect(note).toContain('| Currently detained | 1,100 | 1,050 | −50 (−4.5 %) |');
    expect(note).toContain('| National ADP, FY2031 to date | 950.3 | 975.8 | +25.5 (+2.7 %) |');
    expect(note).toContain('**Facilities added (1):** FIXTURE F4 \\| CENTER (`f4`)');
    expect(note).toContain('**Facilities no longer listed (1):** FIXTURE F3 \\| CENTER (`f3`)');
    // f1: 120 → 155.5 (+35.5); f2: 54 → 48 (−6): the larger move first.
    const moves = note.slice(note.indexOf('**Largest interval moves**'));
    expect(moves).toContain('| FIXTURE F1 \\| CENTER (`f1`) | 120.0 | 155.5 | +35.5 (+29.6 %) |\n| FIXTURE F2 \\| CENTER (`f2`) | 54.0 | 48.0 | −6.0 (−11.1 %) |');
    expect(note).not.toContain('Other changes to ice_releases');
  });

  it('takes the year-to-date average of a first release of the year as its interval', async () => {
    const files = [{ ...NEW, sha256: B.sha256, label: B.file }];
    const note = await releaseNote({ files, page: 'https://www.ice.gov/detain/detention-management', before: join(root, 'before'), after: join(root, 'after') });
    // B against A: A has no interval (first release of FY2031), so its fiscal-year-to-date figure stands for it.
    expect(note).toContain('| FIXTURE F1 \\| CENTER (`f1`) | 100.0 | 120.0 | +20.0 (+20.0 %) |');
  });

  it('names a release the new one supersedes, and says when the facility dataset is missing', async () => {
    const same = { ...C, sha256: 'd'.repeat(64), file: `${DIR}/2030-11-23_FY31_fixture.xlsx`, currently_detained: 1051 };
    await write(join(root, 'after-repost'), [A, B, { ...C, current: false }, same], null);
    await write(join(root, 'before-repost'), [A, B, C], null);
    const note = await releaseNote({ files: [{ ...NEW, sha256: same.sha256, label: same.file }], page: 'https://www.ice.gov/detain/detention-management', before: join(root, 'before-repost'), after: join(root, 'after-repost') });
    expect(note).toContain(`Compared with the release before it, \`${C.file}\` (data through 2030-11-22):`);
    expect(note).toContain('| Currently detained | 1,050 | 1,051 | +1 (+0.1 %) |');
    expect(note).toContain('Facilities not compared: no ice_facility_releases dataset');
    expect(note).toContain(`- \`${C.file}\` (data through 2030-11-22) is now superseded: a new file has the same data date.`);
  });

  it('without interval figures, says why and lists the largest moves of the year-to-date average instead', async () => {
    const why = "the days behind ICE's averages cannot be worked out for this release or the one before";
    const noIntervals = FACILITIES.map((f) => (f.sha256 === C.sha256 ? { ...f, interval_adp: null, interval_note: why } : f));
    await write(join(root, 'after-no-intervals'), [A, B, C], noIntervals);
    const note = await releaseNote({ files: [NEW], page: 'https://www.ice.gov/detain/detention-management', before: join(root, 'before'), after: join(root, 'after-no-intervals'), top: 2 });
    expect(note).toContain(`**Largest interval moves:** none to compare (${why}).`);
    expect(note).toContain('**Largest moves of the FY2031 year-to-date average** instead:\n\n| facility | 2030-11-08 | 2030-11-22 | change |\n| --- | ---: | ---: | ---: |\n| FIXTURE F1 \\| CENTER (`f1`) | 110.0 | 125.0 | +15.0 (+13.6 %) |\n| FIXTURE F2 \\| CENTER (`f2`) | 52.0 | 51.0 | −1.0 (−1.9 %) |');
  });
});
