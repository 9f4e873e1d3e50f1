/**
 * Nothing lost: every data row of an ICE Facilities sheet (a name and figures in the ADP columns)
 * is read with its figures, or the ingest stops with an IngestError naming that row.
 *
 *  - a property test (fast-check, fixed seed): random Facilities sheets with odd states, blank
 *    rows, footnotes and rows stranded below them, written as XLSX and read back through the
 *    project's reader and the source's readFacilities;
 *  - through the whole engine: FY2026's Adams County with State "ms" (the row once taken for a
 *    footnote and dropped), and the per-sheet counts the source logs;
 *  - the real FY2019–FY2026 workbooks: rows read per sheet equal the rows that have a name and
 *    numeric ADP cells, counted here from the raw cells, with the same Level A–D totals.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { cellText, type Cell, type Grid } from '../../../scripts/ingest/lib/grid';
import { openWorkbook, sheetGrid } from '../../../scripts/ingest/lib/read-xlsx';
import { USPS } from '../../../scripts/ingest/lib/us-places';
import { readFacilities } from '../../../scripts/ingest/sources/ice-workbooks';
import { ICE_DIR, ICE_FILES, LAYOUT, facilityRow, fyOf, iceWorkbook, sheetOf, xlsxBytes, writeIceSources, type FixtureCell, type WorkbookSpec } from '../../fixtures/ice-workbook';
import { SOURCES } from './ingested';
import { snapshot } from './snapshot';

const SEED = Number(process.env.FC_SEED ?? 20260404);
const quiet = () => {};
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'facility-rows-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const nameOf = (fy: number) => ICE_FILES.find((n) => fyOf(n) === fy)!;
const labelOf = (fy: number) => `${ICE_DIR}/${nameOf(fy)}`;

/** The Facilities sheet of a spec, through ExcelJS and back with the project's reader, as the source gets it. */
async function facilitiesGrid(spec: WorkbookSpec, fy: number): Promise<Grid> {
  const path = join(root, `read-${process.pid}-${fy}.xlsx`);
  writeFileSync(path, await xlsxBytes(spec));
  return sheetGrid(await openWorkbook(path, labelOf(fy)), /^Facilities/, labelOf(fy));
}

// ---------------------------------------------------------------------------------------------
// Random Facilities sheets.

const CODES = [...USPS];
/** States a facility row may carry, and whether each must be read (its value) or rejected. */
const state: fc.Arbitrary<{ cell: FixtureCell; read: string | null } | { cell: FixtureCell; bad: true }> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CODES).map((c) => ({ cell: c, read: c })) },
  // Cells are trimmed: " GA" is GA.
  { weight: 1, arbitrary: fc.constantFrom(...CODES).map((c) => ({ cell: ` ${c} `, read: c })) },
  // Blank: not reported (FY26's Imperial Regional), read with a null state.
  { weight: 1, arbitrary: fc.constant({ cell: null, read: null }) },
  // Lower case, no such code, a name, a number, a stray letter.
  { weight: 2, arbitrary: fc.constantFrom<FixtureCell>('ms', 'ga', 'Tx', 'XX', 'ZZ', 'UM', 'Georgia', 'G A', 'GA.', 12, 'G').map((cell) => ({ cell, bad: true as const })) },
);
const levels = fc.tuple(...Array.from({ length: 4 }, () => fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 3000, noNaN: true }).map((x) => x || 0)))) as fc.Arbitrary<[number, number, number, number]>;
const facility = fc.record({ state, levels, name: fc.constantFrom('STEWART DETENTION CENTER', 'ADAMS COUNTY DET CENTER', 'IMPERIAL REGIONAL DETENTION FACILITY', 'OTAY MESA DETENTION CENTER', 'KROME NORTH SPC') });
const note = fc.constantFrom('[1] (BCORCPA) BERKS COUNTY RESIDENTIAL CENTER houses single adults as of 11/27/21.', '*The info. in this report is subject to change', '(*) Denotes no inspection completed as of the date of the report');
/** What follows the data: nothing, a blank row, or a note straight away; then notes and blank rows, maybe with a stranded facility or other content. */
const tail = fc.record({
  end: fc.constantFrom('none', 'blank', 'note'),
  below: fc.array(fc.oneof(
    { weight: 3, arbitrary: note.map((text) => ({ kind: 'note' as const, text })) },
    { weight: 2, arbitrary: fc.constant({ kind: 'blank' as const }) },
    { weight: 1, arbitrary: facility.map((f) => ({ kind: 'stranded' as const, f })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'other' as const }) },
  ), { maxLength: 4 }),
});
const sheetCase = fc.record({ fy: fc.constantFrom(...ICE_FILES.map(fyOf)), rows: fc.array(facility, { maxLength: 8 }), tail });
type SheetCase = typeof sheetCase extends fc.Arbitrary<infer T> ? T : never;

/** Build the sheet; return the data rows it holds (row number → what must be read) and the rows that must be named in an error. */
function build(k: SheetCase): { spec: WorkbookSpec; read: Map<number, { name: string; state: string | null; levels: number[] }>; bad: Set<number> } {
  const spec = iceWorkbook(k.fy);
  const sheet = sheetOf(spec, /^Facilities/);
  sheet.rows.length = LAYOUT.facilities.header; // title lines, group labels, header; no data
  const read = new Map<number, { name: string; state: string | null; levels: number[] }>();
  const bad = new Set<number>();
  const push = (cells: FixtureCell[]) => sheet.rows.push(cells) && sheet.rows.length;
  for (const f of k.rows) {
    const row = push(facilityRow(k.fy, { name: f.name, state: f.state.cell, levels: f.levels }));
    if ('bad' in f.state) bad.add(row);
    else read.set(row, { name: f.name, state: f.state.read, levels: f.levels });
  }
  // The first blank row or note ends the table.
  let ended = k.tail.end !== 'none';
  if (k.tail.end === 'blank') push([]);
  if (k.tail.end === 'note') push(['[1] Facility figures are averages over the fiscal year to date.']);
  for (const b of k.tail.below) {
    if (b.kind === 'note' || b.kind === 'blank') {
      push(b.kind === 'note' ? [b.text] : []);
      ended = true;
    }
    // Below the table's end nothing is data: a facility there (whatever its state) or a row of other content must be named.
    if (b.kind === 'stranded') {
      const row = push(facilityRow(k.fy, { name: b.f.name, state: b.f.state.cell, levels: b.f.levels }));
      if (ended) bad.add(row);
      else if ('bad' in b.f.state) bad.add(row);
      else read.set(row, { name: b.f.name, state: b.f.state.read, levels: b.f.levels });
    }
    if (b.kind === 'other') {
      const row = push(['Total', null, null, 'GA']);
      if (ended) bad.add(row);
      // Still inside the table: a row without ADP figures is read (its figures are blank), never skipped.
      else read.set(row, { name: 'Total', state: 'GA', levels: [] });
    }
  }
  return { spec, read, bad };
}

const LEVELS = ['level_a', 'level_b', 'level_c', 'level_d'] as const;

describe(`every data row of a Facilities sheet is read or named in an error (fast-check seed ${SEED})`, () => {
  it('random sheets: odd states, blank rows, footnotes, rows stranded below them', async () => {
    const seen = { read: 0, failed: 0, stranded: 0 };
    await fc.assert(
      fc.asyncProperty(sheetCase, async (k) => {
        const { spec, read, bad } = build(k);
        const grid = await facilitiesGrid(spec, k.fy);
        let got: ReturnType<typeof readFacilities> | null = null;
        let err: unknown = null;
        try {
          got = readFacilities(grid, { name: nameOf(k.fy), label: labelOf(k.fy) });
        } catch (e) {
          err = e;
        }
        if (bad.size === 0) {
          expect(err, String((err as Error)?.message)).toBeNull();
          // Exactly the data rows, in order, each with its figures.
          expect(got!.records.map((r) => r.row)).toEqual([...read.keys()]);
          for (const r of got!.records) {
            const want = read.get(r.row)!;
            expect(r.values.name).toBe(want.name);
            expect(r.values.state).toBe(want.state);
            expect(LEVELS.map((l) => r.values[l])).toEqual(want.levels.length ? want.levels : [null, null, null, null]);
          }
          seen.read++;
        } else {
          expect(err, `rows ${[...bad].join(', ')} should have been named`).toBeInstanceOf(IngestError);
          const e = err as IngestError;
          expect(e.where.file).toBe(labelOf(k.fy));
          expect(e.where.sheet).toBe(grid.sheet);
          expect([...bad], e.message).toContain(e.where.row);
          expect(e.where.column).toBeTruthy();
          expect(e.message).toContain(`row ${e.where.row}, column "${e.where.column}"`);
          seen.failed++;
          if (k.tail.below.some((b) => b.kind === 'stranded')) seen.stranded++;
        }
      }),
      { seed: SEED, numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
    // Both outcomes, and stranded rows, occurred: no branch is dead.
    expect(seen.read).toBeGreaterThan(0);
    expect(seen.failed).toBeGreaterThan(0);
    expect(seen.stranded).toBeGreaterThan(0);
  }, 120_000);

  it('a facility row below the blank row that ends the table is named, not dropped', async () => {
    const spec = iceWorkbook(2022);
    const sheet = sheetOf(spec, /^Facilities/);
    // The fixture: three facilities, a blank row, a footnote; then one more facility.
    sheet.rows.push(facilityRow(2022, { name: 'ADAMS COUNTY DET CENTER', state: 'MS', levels: [1000, 600, 300, 224] }));
    const e = (() => {
      try {
        readFacilities(sheetOfGrid(spec), { name: nameOf(2022), label: labelOf(2022) });
      } catch (e) {
        return e as IngestError;
      }
      throw new Error('expected an IngestError');
    })();
    expect(e).toBeInstanceOf(IngestError);
    expect(e.where).toMatchObject({ row: sheet.rows.length, column: 'Name', value: 'ADAMS COUNTY DET CENTER' });
    expect(e.message).toContain(`expected the table to end at row ${LAYOUT.facilities.first + 3} (a blank row)`);
  });
});

/** A spec's Facilities sheet as a grid without the XLSX round trip (for cases about rows, not cells). */
function sheetOfGrid(spec: WorkbookSpec): Grid {
  const s = sheetOf(spec, /^Facilities/);
  return { file: labelOf(spec.fy), sheet: s.name, rows: s.rows.map((r) => Array.from(r, (c) => (c ?? null) as Cell)) };
}

// ---------------------------------------------------------------------------------------------
// Through the engine.

describe('through the engine', () => {
  it('logs the facility rows of every sheet; Adams County with State "ms" stops the run, naming its cell, and nothing is published', async () => {
    const src = join(root, 'engine-src');
    const out = join(root, 'engine-out');
    await writeIceSources(src);
    const lines: string[] = [];
    await ingest({ sources: src, out, only: ['ice-workbooks'], log: (l) => lines.push(l) });
    const counts = lines.filter((l) => l.startsWith('read    ice-workbooks'));
    expect(counts).toHaveLength(ICE_FILES.length);
    for (const name of ICE_FILES) {
      const facilities = sheetOf(iceWorkbook(fyOf(name)), /^Facilities/);
      // The fixture's data rows: between the header and the blank row.
      const data = facilities.rows.slice(LAYOUT.facilities.header).findIndex((r) => r.length === 0);
      expect(counts).toContain(`read    ice-workbooks ${name} sheet "${facilities.name}": ${data} facility rows (rows ${LAYOUT.facilities.first}–${LAYOUT.facilities.first + data - 1}), ${data} with ADP figures (every such row of the sheet)`);
    }

    // FY2026: a lower-case state on a facility row between the others.
    const before = snapshot(out);
    const path = join(src, ICE_DIR, nameOf(2026));
    const spec = iceWorkbook(2026);
    const sheet = sheetOf(spec, /^Facilities/);
    sheet.rows.splice(LAYOUT.facilities.first, 0, facilityRow(2026, { name: 'ADAMS COUNTY DET CENTER', address: '20 HOBO FORK RD.', city: 'NATCHEZ', state: 'ms', levels: [1062, 531, 318.6, 212.4] }));
    writeFileSync(path, await xlsxBytes(spec));
    const err = await ingest({ sources: src, out, only: ['ice-workbooks'], log: quiet }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(e.where).toMatchObject({ file: labelOf(2026), sheet: sheet.name, row: LAYOUT.facilities.first + 1, column: 'State', value: 'ms' });
    expect(e.message).toContain('expected a USPS state or territory code in capitals');
    expect(snapshot(out)).toEqual(before);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// The real workbooks.

const REAL_DIR = join(SOURCES, ICE_DIR);
/** ICE's "not reported" in ADP cells (FY19's two Folkston units have it in every ADP column). */
const NOT_REPORTED = ['#N/A', 'N/A'];

/**
 * Counted from the raw cells, without the source's code: the header row holds "Name" and "Level A";
 * a facility row below it has a name and, in each of Level A–D, a number or ICE's "not reported".
 */
function rawFacilityRows(grid: Grid): { row: number; total: number | null }[] {
  const h = grid.rows.findIndex((r) => r.some((c) => cellText(c) === 'Name') && r.some((c) => cellText(c) === 'Level A'));
  const head = grid.rows[h]!.map(cellText);
  const cols = ['Level A', 'Level B', 'Level C', 'Level D'].map((l) => head.indexOf(l));
  const name = head.indexOf('Name');
  return grid.rows.flatMap((r, i): { row: number; total: number | null }[] => {
    if (i <= h || cellText(r[name]) === '') return [];
    if (cols.every((c) => typeof r[c] === 'number')) return [{ row: i + 1, total: cols.reduce((s, c) => s + (r[c] as number), 0) }];
    return cols.every((c) => NOT_REPORTED.includes(cellText(r[c]))) ? [{ row: i + 1, total: null }] : [];
  });
}

describe('the real FY2019–FY2026 workbooks', () => {
  it('rows read per sheet = rows with a name and numeric (or "#N/A") ADP cells, counted from the raw cells, with the same Level A–D totals', async () => {
    const lines: string[] = [];
    await ingest({ sources: SOURCES, out: join(root, 'real-out'), only: ['ice-workbooks'], log: (l) => lines.push(l) });
    const files = readdirSync(REAL_DIR).filter((f) => /^FY\d\d[-_]detention[Ss]tats.*\.xlsx$/.test(f)).sort();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const f of files) {
      const label = `${ICE_DIR}/${f}`;
      const grid = sheetGrid(await openWorkbook(join(REAL_DIR, f), label), /^Facilities/, label);
      const raw = rawFacilityRows(grid);
      expect(raw.length, f).toBeGreaterThan(50);
      // What the source logged for this sheet during the real ingest: rows read, and of them rows with ADP figures.
      const logged = lines.find((l) => l.startsWith(`read    ice-workbooks ${f} `));
      expect(logged, f).toBeDefined();
      const [, read, figures] = logged!.match(/: (\d+) facility rows .*, (\d+) with ADP figures/)!;
      expect(Number(read), f).toBe(raw.length);
      expect(Number(figures), f).toBe(raw.filter((r) => r.total !== null).length);
      // And row for row, with the figures: the Level A–D total of the sheet, not one facility short.
      const got = readFacilities(grid, { name: f, label });
      expect(got.records.map((r) => r.row), f).toEqual(raw.map((r) => r.row));
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const total = (r: { values: Record<string, unknown> }) => (r.values.level_a === null ? null : sum(LEVELS.map((l) => r.values[l] as number)));
      expect(got.records.map(total), f).toEqual(raw.map((r) => (r.total === null ? null : expect.closeTo(r.total, 9))));
    }
  }, 180_000);
});
