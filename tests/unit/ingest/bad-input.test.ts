/**
 * Bad inputs through the real engine: each must fail with an IngestError that says where the
 * bad value sits (file, sheet, 1-based row, column, value, what was expected), and must leave the
 * published folder exactly as it was, with no temp folder behind (STYLE.md, Errors).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openDuck, rows } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import {
  ICE_DECL,
  ICE_DIR,
  ICE_FILES,
  LAYOUT,
  columnOf,
  expectedMonthly,
  fyOf,
  iceWorkbook,
  setCell,
  sheetOf,
  xlsxBytes,
  writeIceSources,
  type WorkbookSpec,
} from '../../fixtures/ice-workbook';
import { snapshot } from './snapshot';

const ONLY = ['ice-workbooks'];
const quiet = () => {};
let root: string; // everything this file writes
let goodSources: string;
let goodOut: string;

const nameOf = (fy: number) => ICE_FILES.find((n) => fyOf(n) === fy)!;
const labelOf = (fy: number) => `${ICE_DIR}/${nameOf(fy)}`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ingest-bad-input-'));
  goodSources = join(root, 'good-sources');
  await writeIceSources(goodSources);
  goodOut = join(root, 'good-out');
  await ingest({ sources: goodSources, out: goodOut, only: ONLY, log: quiet });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A case folder: a copy of the good sources to break, and an `out` holding a previous good run plus a sentinel. */
function caseFolder(): { dir: string; src: string; out: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  const src = join(dir, 'sources');
  cpSync(goodSources, src, { recursive: true });
  const out = join(dir, 'out');
  cpSync(goodOut, out, { recursive: true });
  writeFileSync(join(out, 'SENTINEL.txt'), 'published by an earlier run\n');
  return { dir, src, out };
}

/** Run the engine and return its IngestError, after checking that `out` is untouched and nothing was left behind. */
async function mustFail(c: { dir: string; src: string; out: string }, only = ONLY): Promise<IngestError> {
  const before = snapshot(c.out);
  expect(Object.keys(before).length).toBeGreaterThan(2);
  const err = await ingest({ sources: c.src, out: c.out, only, log: quiet }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'the run should have failed').toBeInstanceOf(IngestError);
  expect(snapshot(c.out)).toEqual(before);
  // No `out.tmp-<pid>` (or `out.old-<pid>`) next to the folder.
  expect(readdirSync(c.dir).sort()).toEqual(['out', 'sources']);
  return err as IngestError;
}

async function rewrite(src: string, fy: number, edit: (spec: WorkbookSpec) => void, name = nameOf(fy)): Promise<void> {
  const spec = iceWorkbook(fy);
  edit(spec);
  writeFileSync(join(src, ICE_DIR, name), await xlsxBytes(spec));
}

const { detention: D, facilities: F, footnotes: N } = LAYOUT;

describe('a good fixture run', () => {
  it('gives one ice_national_monthly row per month reached, with the partial month flagged', async () => {
    const { instance, con } = await openDuck();
    try {
      const got = await rows(
        con,
        `SELECT month, fiscal_year::INT AS fiscal_year, adp, partial, data_through::VARCHAR AS data_through, source_file, source_row::INT AS source_row, source_column
         FROM read_parquet('${join(goodOut, 'ice_national_monthly.parquet')}') ORDER BY month`,
      );
      expect(got).toEqual(expectedMonthly());
      const months = got.map((r) => r.month);
      expect(months).toHaveLength(8 * 12 - 5);
      // FY26 data run through 4/4/2026: April is partial, May–September (0 in ICE's table) are absent.
      expect(got.filter((r) => r.partial).map((r) => r.month)).toEqual(['2025-09', '2026-04']);
      expect(months.at(-1)).toBe('2026-04');
      expect(months).not.toContain('2026-05');
      expect(got.every((r) => (r.adp as number) > 0)).toBe(true);
      const [sheet] = await rows(con, `SELECT DISTINCT source_sheet FROM read_parquet('${join(goodOut, 'ice_national_monthly.parquet')}') WHERE month = '2020-03'`);
      expect(sheet).toEqual({ source_sheet: 'Detention FY20' });
    } finally {
      con.closeSync();
      instance.closeSync();
    }
    const pkg = JSON.parse(readFileSync(join(goodOut, 'datapackage.json'), 'utf8'));
    expect(pkg.resources.find((r: { name: string }) => r.name === 'ice_national_monthly')).toMatchObject({ rows: 91, temporal: { field: 'month', start: '2018-10', end: '2026-04' } });
  });

  it('replaces the published folder whole on success and leaves no temp folder', async () => {
    const c = caseFolder();
    await ingest({ sources: c.src, out: c.out, only: ONLY, log: quiet });
    expect(existsSync(join(c.out, 'SENTINEL.txt'))).toBe(false);
    expect(snapshot(c.out)).toEqual(snapshot(goodOut));
    expect(readdirSync(c.dir).sort()).toEqual(['out', 'sources']);
  });
});

describe('bad input fails loudly and publishes nothing', () => {
  it('a missing file', async () => {
    const c = caseFolder();
    unlinkSync(join(c.src, ICE_DIR, nameOf(2022)));
    const e = await mustFail(c);
    expect(e.where.file).toBe(`${ICE_DIR}/${String(ICE_DECL.name)}`);
    expect(e.message).toBe(`${ICE_DIR}/${String(ICE_DECL.name)}: expected at least 8 files under ${c.src}, found 7`);
  });

  it('an empty sources folder', async () => {
    const c = caseFolder();
    rmSync(join(c.src, 'ice'), { recursive: true });
    mkdirSync(join(c.src, 'ice'));
    expect((await mustFail(c)).expected).toBe(`expected at least 8 files under ${c.src}, found 0`);
  });

  it('a renamed header label ("Level A" -> "Lvl A")', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2021, (s) => setCell(sheetOf(s, /^Facilities/), F.header, columnOf(sheetOf(s, /^Facilities/), F.header, 'Level A'), 'Lvl A'));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2021), sheet: 'Facilities FY21', row: F.header, column: 'Level A' });
    expect(e.message).toMatch(new RegExp(`^${labelOf(2021)} sheet "Facilities FY21" row 7, column "Level A": expected a header row with Name, Address, City, State, Zip, AOR, Level A; found "Name", "Address", .*"Lvl A", "Level B"`));
  });

  it('a renamed data column ("Level B" -> "Lvl B")', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2022, (s) => setCell(sheetOf(s, /^Facilities/), F.header, columnOf(sheetOf(s, /^Facilities/), F.header, 'Level B'), 'Lvl B'));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2022), sheet: 'Facilities FY22', row: 7, column: 'Level B' });
    expect(e.expected).toMatch(/^expected this column in the header row; found "Name", .*"Level A", "Lvl B", "Level C"/);
  });

  it('a renamed month column in the national table ("Oct" -> "October")', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2023, (s) => setCell(sheetOf(s, /^Detention/), D.adpHeader, 2, 'October'));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2023)} sheet "Detention FY23" row 15, column "Oct": expected a "Oct" column in the national ADP table`);
  });

  it('text in a facility number cell ("12 people")', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2023, (s) => setCell(sheetOf(s, /^Facilities/), F.first + 1, columnOf(sheetOf(s, /^Facilities/), F.header, 'Level B'), '12 people'));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2023), sheet: 'Facilities FY23', row: 9, column: 'Level B', value: '12 people' });
    expect(e.message).toBe(`${labelOf(2023)} sheet "Facilities FY23" row 9, column "Level B": expected a number, got "12 people"`);
  });

  it('a near-miss missing marker in the national total ("N/A?")', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2020, (s) => setCell(sheetOf(s, /^Detention/), D.adpTotal, columnOf(sheetOf(s, /^Detention/), D.adpHeader, 'Jan'), 'N/A?'));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2020)} sheet "Detention FY20" row 16, column "Jan": expected a number, got "N/A?"`);
  });

  it('a negative count in the national total', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2019, (s) => setCell(sheetOf(s, /^Detention/), D.adpTotal, columnOf(sheetOf(s, /^Detention/), D.adpHeader, 'Mar'), -12));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2019), sheet: 'Detention FY19', row: 16, column: 'Mar', value: -12 });
    expect(e.expected).toBe('expected a number ≥ 0');
  });

  it('a negative count in a facility row', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2025, (s) => setCell(sheetOf(s, /^Facilities/), F.first, columnOf(sheetOf(s, /^Facilities/), F.header, 'Level C'), -3));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2025)} sheet "Facilities FY25" row 8, column "Level C": expected a number ≥ 0, got -3`);
  });

  it('a blank facility name', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2019, (s) => setCell(sheetOf(s, /^Facilities/), F.first + 2, 1, null));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2019)} sheet "Facilities FY19" row 10, column "Name": expected a value (this column is required), got null`);
  });

  it('a truncated workbook (bytes cut in half)', async () => {
    const c = caseFolder();
    const p = join(c.src, ICE_DIR, nameOf(2024));
    const bytes = readFileSync(p);
    writeFileSync(p, bytes.subarray(0, bytes.length >> 1));
    const e = await mustFail(c);
    expect(e.where.file).toBe(labelOf(2024));
    expect(e.message).toMatch(new RegExp(`^${labelOf(2024)}: expected a readable XLSX workbook \\(.+\\)$`));
  });

  it('an error page saved with an .xlsx name (not a zip)', async () => {
    const c = caseFolder();
    writeFileSync(join(c.src, ICE_DIR, nameOf(2025)), '<!DOCTYPE html><html><body>404 Not Found</body></html>\n');
    const e = await mustFail(c);
    expect(e.message).toMatch(new RegExp(`^${labelOf(2025)}: expected a readable XLSX workbook \\(.*zip.*\\)$`, 'i'));
  });

  it('an empty file', async () => {
    const c = caseFolder();
    writeFileSync(join(c.src, ICE_DIR, nameOf(2026)), '');
    const e = await mustFail(c);
    expect(e.message).toMatch(new RegExp(`^${labelOf(2026)}: expected a readable XLSX workbook`));
  });

  it('a missing sheet (no Footnotes)', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2024, (s) => s.sheets.splice(s.sheets.indexOf(sheetOf(s, /^Footnotes/)), 1));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2024)}: expected a sheet matching /^Footnotes/; sheets are "Header", "Detention FY24", "Facilities FY24"`);
  });

  it('a renamed sheet (no Facilities sheet)', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2021, (s) => void (sheetOf(s, /^Facilities/).name = 'Facility list FY21'));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2021)}: expected a sheet matching /^Facilities/; sheets are "Header", "Detention FY21", "Facility list FY21", "Footnotes"`);
  });

  it('a missing table title', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2022, (s) => setCell(sheetOf(s, /^Detention/), D.adpTitle, 1, 'ICE ADP, all facilities'));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2022), sheet: 'Detention FY22' });
    expect(e.expected).toBe('expected a table titled /^ICE Average Daily Population by (Facility Type and )?Month/');
  });

  it('a missing "Total" row', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2026, (s) => setCell(sheetOf(s, /^Detention/), D.adpTotal, 1, 'All facilities'));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2026)} sheet "Detention FY26" row 15: expected a "Total" row under the national ADP by month`);
  });

  it('a missing footnote date', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2021, (s) => setCell(sheetOf(s, /^Footnotes/), N.through, 2, 'FY2021 ICE Detention data are preliminary.'));
    const e = await mustFail(c);
    expect(e.message).toBe(`${labelOf(2021)} sheet "Footnotes": expected a footnote giving the date the detention data run through`);
  });

  it('an impossible footnote date (02/30/2022)', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2022, (s) => setCell(sheetOf(s, /^Footnotes/), N.through, 2, 'FY2022 ICE Detention data are updated through 02/30/2022 (IIDS v.2.0 run date 09/26/2022).'));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2022), sheet: 'Footnotes', row: 6, column: 'B', value: '02/30/2022' });
    expect(e.expected).toMatch(/^expected a date \(/);
  });

  it('an impossible inspection date (13/45/2020)', async () => {
    const c = caseFolder();
    await rewrite(c.src, 2020, (s) => setCell(sheetOf(s, /^Facilities/), F.first, columnOf(sheetOf(s, /^Facilities/), F.header, 'Last Inspection Date'), '13/45/2020'));
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: labelOf(2020), sheet: 'Facilities FY20', row: 8, column: 'Last Inspection Date', value: '13/45/2020' });
  });

  it('a second FY20 workbook with other figures is a second release: the yearly tables read the later one, each month once', async () => {
    const c = caseFolder();
    const copy = nameOf(2020).replace(/\.xlsx$/, '_copy.xlsx');
    expect(copy).toMatch(ICE_DECL.name);
    // Same months, a later snapshot and other facility names: another release of FY2020 with the same data date.
    await rewrite(c.src, 2020, (s) => {
      setCell(sheetOf(s, /^Footnotes/), N.snapshot, 2, 'ICE National Docket data are a snapshot as of 10/09/2020 (EID as of 10/09/2020).');
      for (const r of sheetOf(s, /^Facilities/).rows.slice(F.first - 1, F.first + 2)) r[0] = `${r[0]} (COPY)`;
    }, copy);
    await ingest({ sources: c.src, out: c.out, only: ONLY, log: quiet });
    const { instance, con } = await openDuck();
    try {
      const rel = await rows(con, `SELECT file, yearly, current FROM '${join(c.out, 'ice_releases.parquet')}' WHERE fiscal_year = 2020 ORDER BY file`);
      expect(rel.map((r) => r.file).sort()).toEqual([labelOf(2020), `${ICE_DIR}/${copy}`].sort());
      expect(rel.filter((r) => r.yearly)).toHaveLength(1);
      // The same data date: the file posted later (by name, with no archive date) supersedes the other.
      expect(rel.filter((r) => r.current)).toEqual(rel.filter((r) => r.yearly));
      const months = await rows(con, `SELECT month, count(*)::INT AS n FROM '${join(c.out, 'ice_national_monthly.parquet')}' GROUP BY 1 HAVING n > 1`);
      expect(months).toEqual([]);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  const ppi = 'scripts/ingest/sources/ppi-whole-pie.ts';
  it.skipIf(!existsSync(ppi))('a CSV that is not UTF-8 (a Windows-1252 en dash), through a CSV source', async () => {
    const src = (await import('../../../scripts/ingest/sources/ppi-whole-pie')).default;
    const c = caseFolder();
    const f = src.files[0]!;
    const head = 'edition,title,authors,published,url,quote,people_qualifier,people\n';
    const line = '2020,Mass Incarceration: The Whole Pie 2020,Wendy Sawyer and Peter Wagner,2020-03-24,https://www.prisonpolicy.org/reports/pie2020.html,"holds almost 2.3 million people",almost,2300000\n';
    const bytes = Buffer.concat([Buffer.from(head + line), Buffer.from('2019,The Whole Pie 2019 '), Buffer.from([0x96]), Buffer.from(' edition,W,2019-03-19,https://x,"q",,2300000\n')]);
    mkdirSync(join(c.src, f.dir), { recursive: true });
    writeFileSync(join(c.src, f.dir, String(f.name)), bytes);
    const e = await mustFail(c, [src.id]);
    expect(e.where).toEqual({ file: `${f.dir}/${String(f.name)}`, row: 3 });
    expect(e.expected).toBe(`expected UTF-8 text, found byte 0x96 at offset ${bytes.indexOf(0x96)}`);
  });

  const zips = 'scripts/ingest/sources/us-zips.ts';
  it.skipIf(!existsSync(zips))('an out-of-range coordinate, through a source with coordinates', async () => {
    const src = (await import('../../../scripts/ingest/sources/us-zips')).default;
    const c = caseFolder();
    const f = src.files[0]!;
    mkdirSync(join(c.src, f.dir), { recursive: true });
    writeFileSync(join(c.src, f.dir, String(f.name)), 'module.exports = [\n  {"latitude":18.180555,"longitude":-66.749961,"zipCode":"00601"},\n  {"latitude":95.1,"longitude":-73.99,"zipCode":"10001"}\n];\n');
    const e = await mustFail(c, [src.id]);
    expect(e.where).toEqual({ file: `${f.dir}/${String(f.name)}`, row: 2, column: 'latitude', value: 95.1 });
    expect(e.expected).toBe('expected a number ≤ 90');
  });
});
