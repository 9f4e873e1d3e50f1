/**
 * Property-based tests (fast-check) of the WHOLE ingest engine under random malformed input: one
 * random corruption of a small fixture source per run (a cell of a data row replaced by text, a
 * blank, a marker, a huge number, a date, stray quotes or non-UTF-8 bytes; a header label dropped
 * or duplicated; a column dropped or repeated; the file truncated; a primary-key row or file
 * repeated), through `ingest()` and, a few times, through the CLI (scripts/ingest.ts). Each run either
 *  - fails with an IngestError whose message names the file and, as far as the corruption has
 *    one, the sheet, row and column, and leaves the published folder byte-for-byte as it was with
 *    no `out.tmp-*` or `out.old-*` folder behind; or
 *  - succeeds (the random value happened to be valid) and publishes a folder that validates: every
 *    resource's Parquet matches its datapackage.json entry (bytes, sha256, rows, coverage) and its
 *    dataset declaration (columns, types, required, min/max, primary key); releases/ carried over.
 * Sources: `ice-workbooks` (eight ExcelJS workbooks, tests/fixtures/ice-workbook.ts) and
 * `ice-biweekly` (a six-row CSV, tests/fixtures/ice-biweekly-csv.ts).
 *
 * Inputs that once crashed the engine without a named error run every time as fast-check examples.
 *
 * Deterministic: the seed is fixed (and printed in the suite name); FC_SEED=n explores others, and
 * FC_RUNS / FC_CLI_RUNS set the number of runs (defaults 24 workbook, 40 CSV, 2 CLI: about 30 s on 2 cores).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openDuck, rows, RELEASES } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { loadDatasets } from '../../../scripts/ingest/lib/registry';
import type { DatasetDecl } from '../../../scripts/ingest/lib/types';
import { BIWEEKLY_HEADER, BIWEEKLY_LABEL, biweeklyCsv, biweeklyRows, csvField, writeBiweeklySource } from '../../fixtures/ice-biweekly-csv';
import { ICE_DIR, ICE_FILES, LAYOUT, fyOf, iceWorkbook, sheetOf, xlsxBytes, writeIceSources, type FixtureCell } from '../../fixtures/ice-workbook';
import { snapshot } from './snapshot';

const SEED = Number(process.env.FC_SEED ?? 20260409);
const quiet = () => {};
const XLSX_ONLY = ['ice-workbooks'];
const CSV_ONLY = ['ice-biweekly'];

let root: string; // everything this file writes
let duck: { instance: DuckDBInstance; con: DuckDBConnection };
let decls: Map<string, DatasetDecl>;
const good = { xlsx: { src: '', out: '' }, csv: { src: '', out: '' } };
/** Resource names of a published folder, in its order. */
const published = (out: string): string[] => JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).resources.map((r: { name: string }) => r.name);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ingest-engine-props-'));
  duck = await openDuck();
  decls = new Map((await loadDatasets()).map((d) => [d.name, d]));
  good.xlsx = { src: join(root, 'xlsx-src'), out: join(root, 'xlsx-out') };
  await writeIceSources(good.xlsx.src);
  await ingest({ sources: good.xlsx.src, out: good.xlsx.out, only: XLSX_ONLY, log: quiet });
  good.csv = { src: join(root, 'csv-src'), out: join(root, 'csv-out') };
  writeBiweeklySource(good.csv.src);
  await ingest({ sources: good.csv.src, out: good.csv.out, only: CSV_ONLY, log: quiet });
});
afterAll(() => {
  duck?.con.closeSync();
  duck?.instance.closeSync();
  if (root) rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The three checks every run goes through: unchanged folder, no leftovers, a named error.

interface Case {
  dir: string;
  src: string;
  out: string;
}

/**
 * A run folder: a copy of the good sources to break, and `out` holding a previous good run with
 * a sentinel (gone after a successful run, since the folder is replaced whole) and a release
 * archive (which the engine must carry over).
 */
function caseFolder(from: { src: string; out: string }): Case {
  const dir = mkdtempSync(join(root, 'run-'));
  const c = { dir, src: join(dir, 'sources'), out: join(dir, 'out') };
  cpSync(from.src, c.src, { recursive: true });
  cpSync(from.out, c.out, { recursive: true });
  writeFileSync(join(c.out, 'SENTINEL.txt'), 'published by an earlier run\n');
  mkdirSync(join(c.out, RELEASES));
  cpSync('tests/fixtures/releases/2026-01-09.json', join(c.out, RELEASES, '2026-01-09.json'));
  return c;
}

/** Nothing next to `out` but what the case made: no `out.tmp-<pid>` or `out.old-<pid>`. */
const leftovers = (c: Case) => readdirSync(c.dir).filter((e) => e !== 'out' && e !== 'sources');

/** Where a failure must point: the file(s) it may name, and the sheet, row and column it must name (true: any). */
interface Want {
  files: string[];
  sheet?: string | true;
  row?: number | true;
  column?: string | true;
}

/** The error is an IngestError, and its location and message name what `want` (or one of its alternatives) asks for. */
function expectNamed(e: unknown, want: Want | Want[]): IngestError {
  expect(e, `not an IngestError: ${(e as Error)?.stack ?? String(e)}`).toBeInstanceOf(IngestError);
  const err = e as IngestError;
  // The message is the location, then what was expected: each named part is in it.
  expect(err.message).toBe(IngestError.format(err.where, err.expected));
  const misses = [];
  for (const w of [want].flat()) {
    const miss = missing(err, w);
    if (!miss) return err;
    misses.push(miss);
  }
  throw new Error(`${err.message}\n  does not name ${misses.join('\n  nor ')}`);
}

/** What the error fails to name of `want`, or '' when it names all of it. */
function missing(err: IngestError, want: Want): string {
  const w = err.where;
  if (!want.files.includes(w.file) || !err.message.startsWith(w.file)) return `a file of ${want.files.join(', ')}`;
  for (const key of ['sheet', 'row', 'column'] as const) {
    const asked = want[key];
    if (asked === undefined) continue;
    const got = w[key];
    if (got === undefined || got === null || got === '' || (asked !== true && got !== asked)) return `${key} ${asked === true ? '(any)' : JSON.stringify(asked)} (got ${JSON.stringify(got)})`;
    const text = key === 'row' ? `row ${got}` : `${key} "${got}"`;
    if (!err.message.includes(text)) return `${key} in the message`;
  }
  return '';
}

const SQL_TYPE = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', date: 'DATE', boolean: 'BOOLEAN' } as const;
const one = async (sql: string) => (await rows(duck.con, sql))[0]!;

/** A published folder that validates against its datapackage.json and the dataset declarations. */
async function expectValid(out: string, datasets: string[], archives = [`${RELEASES}/2026-01-09.json`]): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  expect(pkg.resources.map((r: { name: string }) => r.name)).toEqual(datasets);
  const files = ['datapackage.json'];
  for (const r of pkg.resources) {
    const d = decls.get(r.name)!;
    const pq = join(out, r.path);
    const q = `read_parquet('${pq}')`;
    files.push(r.path);
    expect(statSync(pq).size).toBe(r.bytes);
    expect(`sha256:${createHash('sha256').update(readFileSync(pq)).digest('hex')}`).toBe(r.hash);
    expect(Number((await one(`SELECT count(*) n FROM ${q}`)).n)).toBe(r.rows);
    const cols = await rows(duck.con, `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM ${q})`);
    expect(cols).toEqual(d.fields.map((f) => ({ column_name: f.name, column_type: SQL_TYPE[f.type] })));
    expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(d.fields.map((f) => f.name));
    expect(r.schema.primaryKey).toEqual(d.primaryKey);
    for (const f of d.fields) {
      const c = `"${f.name}"`;
      if (f.required || d.primaryKey.includes(f.name)) expect(Number((await one(`SELECT count(*) n FROM ${q} WHERE ${c} IS NULL`)).n), `${r.name}.${f.name} null`).toBe(0);
      if (f.min !== undefined) expect(Number((await one(`SELECT count(*) n FROM ${q} WHERE ${c} < ${f.min}`)).n), `${r.name}.${f.name} < min`).toBe(0);
      if (f.max !== undefined) expect(Number((await one(`SELECT count(*) n FROM ${q} WHERE ${c} > ${f.max}`)).n), `${r.name}.${f.name} > max`).toBe(0);
    }
    const pk = d.primaryKey.map((k) => `"${k}"`).join(', ');
    expect(Number((await one(`SELECT count(*) n FROM (SELECT ${pk} FROM ${q} GROUP BY ALL HAVING count(*) > 1)`)).n), `${r.name} primary key`).toBe(0);
    if (d.temporal) {
      const t = await one(`SELECT min("${d.temporal}")::VARCHAR AS start, max("${d.temporal}")::VARCHAR AS "end" FROM ${q}`);
      expect(r.temporal).toEqual(t.start === null ? null : { field: d.temporal, start: t.start, end: t.end });
    }
  }
  // Exactly the outputs and the carried-over archives: no CSV, no sentinel of the previous folder.
  expect(Object.keys(snapshot(out)).sort()).toEqual([...files, ...(archives.length ? [RELEASES, ...archives] : [])].sort());
}

/**
 * Run the engine on a broken case and check the outcome. `want` says where a failure must point;
 * `mayPass` says whether the corruption can leave valid input (a random value that happens to be valid).
 */
async function expectRun(c: Case, only: string[], datasets: string[], want: Want | Want[], mayPass: boolean): Promise<'failed' | 'passed'> {
  const before = snapshot(c.out);
  const err = await ingest({ sources: c.src, out: c.out, only, log: quiet }).then(
    () => null,
    (e: unknown) => e ?? new Error('rejected without a value'),
  );
  expect(leftovers(c)).toEqual([]);
  if (err === null) {
    expect(mayPass, 'this corruption should have failed').toBe(true);
    await expectValid(c.out, datasets);
    return 'passed';
  }
  expectNamed(err, want);
  expect(snapshot(c.out)).toEqual(before);
  return 'failed';
}

const TSX = createRequire(import.meta.url).resolve('tsx/cli');

/** The same through `npm run ingest` (scripts/ingest.ts in its own process): exit 1 and one named line, or exit 0 and a valid folder. */
async function expectCliRun(c: Case, only: string[], datasets: string[], want: Want | Want[], mayPass: boolean): Promise<void> {
  const before = snapshot(c.out);
  const r = spawnSync(process.execPath, [TSX, 'scripts/ingest.ts', '--sources', c.src, '--out', c.out, '--only', only.join(',')], { encoding: 'utf8', timeout: 120_000 });
  expect(leftovers(c)).toEqual([]);
  if (r.status === 0) {
    expect(mayPass, 'this corruption should have failed').toBe(true);
    await expectValid(c.out, datasets);
    return;
  }
  // An IngestError is printed as "ingest failed: <message>"; anything else would be printed as a stack.
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr, r.stderr).toMatch(/^ingest failed: /);
  expect(r.stderr.trim().split('\n').at(-1)).toBe(`nothing in ${c.out} was changed`);
  const message = r.stderr.split('\n')[0]!.slice('ingest failed: '.length);
  const named = (w: Want) =>
    w.files.some((f) => message.startsWith(f)) &&
    (w.sheet === undefined || message.includes(w.sheet === true ? ' sheet "' : ` sheet "${w.sheet}"`)) &&
    (w.row === undefined || new RegExp(` row ${w.row === true ? '\\d+' : w.row}[,:]`).test(message)) &&
    (w.column === undefined || message.includes(w.column === true ? ', column "' : `, column "${w.column}"`));
  expect([want].flat().some(named), `${message}\n  does not name ${JSON.stringify(want)}`).toBe(true);
  expect(snapshot(c.out)).toEqual(before);
}

// ---------------------------------------------------------------------------------------------
// Random values and corruptions.

/** Texts that look almost right: markers, numbers and dates in the wrong form, stray quotes. */
const TRICKY = [
  '', ' ', 'N/A', '#N/A', 'NA', 'n/a', '-', '*', 'New Facility', 'Pending', 'null', 'NaN', 'Infinity', '1,234', '12,5', '1.5', ' 42 ', '0x10', '١٢', '=1+1',
  '01/02/2021', '2021-01-02', '02/30/2021', '13/45/2020', '1/2/21', '12/31/1969', '01/01/2031', 'Oct-82', '"', '""', "'", 'a"b', '"7498"', '621,100**', 'GA ', 'ga', 'Total', 'Oct',
];
/** Numbers written as text that no count should hold: past 32 and 64 bits, beyond a double, negative, fractional. */
const NUMBERS = ['2147483647', '2147483648', '-2147483649', '99999999999', '9007199254740993', '9223372036854775807', '9223372036854775808', '1e20', '1e308', '1e999', '-1', '-0', '0.5', '0'];
const text = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const numberText = fc.oneof(fc.constantFrom(...NUMBERS), fc.double().map(String), fc.bigInt().map(String));
/** Numbers a spreadsheet can hold that no count should: huge, negative, fractional, NaN, ±Infinity. */
const number = fc.oneof(fc.constantFrom(1e20, 1e308, -1e308, 2 ** 31, 2 ** 31 - 1, 2 ** 53 + 2, 2 ** 63, -0, 0.5, -1, 1e-300), fc.double(), fc.integer());
const xlsxValue: fc.Arbitrary<FixtureCell> = fc.oneof(text, number, fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), fc.constant(null));

// The ICE workbook fixture: which cells hold values the source reads, and which hold labels.
const { detention: D, facilities: F } = LAYOUT;
const FACILITY_HEADER = (fy: number) => iceWorkbook(fy).sheets[2]!.rows[F.header - 1] as string[];
const fyArb = fc.constantFrom(...ICE_FILES.map(fyOf));
const detentionValue = fc.oneof(
  fc.record({ row: fc.constant<number>(D.detainedTotal), col: fc.integer({ min: 2, max: 6 }) }),
  fc.record({ row: fc.constant<number>(D.adpTotal), col: fc.integer({ min: 2, max: 14 }) }),
);
const detentionLabel = fc.oneof(
  fc.record({ row: fc.constant<number>(D.detainedHeader), col: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ row: fc.constant<number>(D.adpHeader), col: fc.integer({ min: 1, max: 14 }) }),
  fc.record({ row: fc.constantFrom<number>(D.detainedTitle, D.adpTitle, D.detainedTotal, D.adpTotal), col: fc.constant(1) }),
);

type XlsxCorruption =
  | { kind: 'cell'; fy: number; sheet: 'Facilities' | 'Detention'; row: number; col: number; value: FixtureCell }
  | { kind: 'label'; fy: number; sheet: 'Facilities' | 'Detention'; row: number; col: number; value: FixtureCell | { copyOf: number } }
  | { kind: 'drop-column' | 'repeat-column'; fy: number; col: number }
  | { kind: 'truncate'; fy: number; keep: number }
  | { kind: 'repeat-file'; fy: number };

const xlsxCorruption: fc.Arbitrary<XlsxCorruption> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cell' as const), fy: fyArb, sheet: fc.constant('Facilities' as const), row: fc.integer({ min: F.first, max: F.first + 2 }), col: fc.integer({ min: 1, max: 27 }), value: xlsxValue }) },
  { weight: 3, arbitrary: fc.tuple(fyArb, detentionValue, xlsxValue).map(([fy, at, value]) => ({ kind: 'cell' as const, fy, sheet: 'Detention' as const, ...at, value })) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.record({ fy: fyArb, sheet: fc.constant('Facilities' as const), row: fc.constant<number>(F.header), col: fc.integer({ min: 1, max: 27 }) }),
      fc.tuple(fyArb, detentionLabel).map(([fy, at]) => ({ fy, sheet: 'Detention' as const, ...at })),
    ).chain((at) => fc.oneof(fc.constant(null), text, fc.integer({ min: 1, max: 14 }).map((copyOf) => ({ copyOf }))).map((value) => ({ kind: 'label' as const, ...at, value }))),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('drop-column' as const, 'repeat-column' as const), fy: fyArb, col: fc.integer({ min: 1, max: 27 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), fy: fyArb, keep: fc.double({ min: 0, max: 0.999, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat-file' as const), fy: fyArb }) },
);

const nameOf = (fy: number) => ICE_FILES.find((n) => fyOf(n) === fy)!;
const yy = (fy: number) => String(fy % 100).padStart(2, '0');

/** Break the case's sources as `k` says; returns where a failure must point and whether the run may pass. */
async function breakXlsx(c: Case, k: XlsxCorruption): Promise<{ want: Want; mayPass: boolean }> {
  const label = `${ICE_DIR}/${nameOf(k.fy)}`;
  const path = join(c.src, ICE_DIR, nameOf(k.fy));
  const spec = iceWorkbook(k.fy);
  const sheetName = (s: 'Facilities' | 'Detention') => `${s} FY${yy(k.fy)}`;
  switch (k.kind) {
    case 'cell': {
      const sheet = sheetOf(spec, new RegExp(`^${k.sheet}`));
      (sheet.rows[k.row - 1] ??= [])[k.col - 1] = k.value;
      writeFileSync(path, await xlsxBytes(spec));
      // A value cell: the error names that very row, and the column by its header label; the detained
      // Total row is also checked as a whole (Total = ICE + CBP), which names the Total column.
      const column = k.sheet === 'Facilities' ? FACILITY_HEADER(k.fy)[k.col - 1] : k.row === D.adpTotal ? String(spec.sheets[1]!.rows[D.adpHeader - 1]![k.col - 1]) : true;
      return { want: { files: [label], sheet: sheetName(k.sheet), row: k.row, column }, mayPass: true };
    }
    case 'label': {
      const sheet = sheetOf(spec, new RegExp(`^${k.sheet}`));
      const r = (sheet.rows[k.row - 1] ??= []);
      r[k.col - 1] = k.value !== null && typeof k.value === 'object' && 'copyOf' in k.value ? (r[k.value.copyOf - 1] ?? null) : k.value;
      writeFileSync(path, await xlsxBytes(spec));
      // A header label: a row and a column (the header row and the label looked for, or, when the label is now
      // repeated, the row read through the wrong column: `"Oct": expected a number, got "Total"`). A title or
      // row label ("Total"): the sheet, as a table that is not found has no row.
      const isHeader = k.sheet === 'Facilities' ? k.row === F.header : k.row === D.detainedHeader || k.row === D.adpHeader;
      return { want: { files: [label], sheet: sheetName(k.sheet), ...(isHeader ? { row: true, column: true } : {}) }, mayPass: true };
    }
    case 'drop-column':
    case 'repeat-column': {
      const sheet = sheetOf(spec, /^Facilities/);
      for (const r of sheet.rows) if (r.length >= k.col) r.splice(k.col - 1, k.kind === 'drop-column' ? 1 : 0, ...(k.kind === 'drop-column' ? [] : [r[k.col - 1] ?? null]));
      writeFileSync(path, await xlsxBytes(spec));
      return { want: { files: [label], sheet: sheetName('Facilities'), row: F.header, column: true }, mayPass: true };
    }
    case 'truncate': {
      const bytes = readFileSync(path);
      writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * k.keep)));
      return { want: { files: [label] }, mayPass: false };
    }
    case 'repeat-file': {
      // The same bytes under a second name: one release (its identity is the sha256), so a valid publication.
      const copy = nameOf(k.fy).replace(/\.xlsx$/, '_copy.xlsx');
      cpSync(path, join(c.src, ICE_DIR, copy));
      return { want: { files: [label, `${ICE_DIR}/${copy}`], sheet: sheetName('Detention'), row: true, column: true }, mayPass: true };
    }
  }
}

// The biweekly CSV: 8 columns, data on rows 2–7.
const CSV_COLS = BIWEEKLY_HEADER.length;
const CSV_DATA_ROWS = biweeklyRows().length;
/** File rows of the two captures whose EID date EID_CORRECTIONS fixes. */
const CORRECTION_ROWS = biweeklyRows().flatMap((r, i) => (/061121|10072021/.test(r[0]!) ? [i + 2] : []));
/** Bytes that are not UTF-8 (a Windows-1252 en dash, a lone lead byte, 0xFF) or are but should not be there (NUL, a BOM). */
const badBytes = fc.constantFrom<number[]>([0x96], [0xff], [0xc3], [0xe2, 0x80], [0xc3, 0x28], [0x00], [0xef, 0xbb, 0xbf]);

type CsvCorruption =
  | { kind: 'cell'; row: number; col: number; value: string }
  | { kind: 'raw'; row: number; col: number; value: string | readonly number[] }
  | { kind: 'header'; col: number; value: string | null | { copyOf: number } }
  | { kind: 'drop-column' | 'repeat-column'; col: number }
  | { kind: 'header-fields'; add: boolean }
  | { kind: 'truncate'; keep: number }
  | { kind: 'repeat-row'; row: number; change: number | null };

/** Values close to those the File Name and EID Date columns hold: impossible capture dates, a name EID_CORRECTIONS knows, dates off by a year. */
const NEAR_MISS: Record<number, fc.Arbitrary<string>> = {
  1: fc.constantFrom('20219999000000-FY21_detentionStats.xlsx', '20230229000000-FY23.xlsx', '00000000000000-x.xlsx', '2021011300202-x.xlsx', '20210113002029-.xlsx', '20210113002029-FY21.csv', '20210113002029-FY21_detentionStats061121.xlsx', '20210113002029-FY21_detentionStats.xlsx'),
  8: fc.constantFrom('02/29/2021', '00/00/0000', '2021-01-02', '1/2/2021', '01/02/21', '12/31/2020', '01/01/2020', '01/20/2021', '06/20/2020'),
};
const csvRow = fc.integer({ min: 2, max: CSV_DATA_ROWS + 1 });
const csvCol = fc.integer({ min: 1, max: CSV_COLS });
const csvCorruption: fc.Arbitrary<CsvCorruption> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ row: csvRow, col: csvCol }).chain(({ row, col }) => fc.oneof(text, numberText, NEAR_MISS[col] ?? numberText).map((value) => ({ kind: 'cell' as const, row, col, value }))) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('raw' as const), row: csvRow, col: csvCol, value: fc.oneof(text, numberText, fc.constantFrom('"', 'a"b', '"x', 'a,b', 'a\nb', '"a""'), badBytes) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('header' as const), col: csvCol, value: fc.oneof(fc.constant(null), text, csvCol.map((copyOf) => ({ copyOf }))) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('drop-column' as const, 'repeat-column' as const), col: csvCol }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('header-fields' as const), add: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), keep: fc.double({ min: 0, max: 0.999, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('repeat-row' as const), row: csvRow, change: fc.option(fc.integer({ min: 2, max: 7 })) }) },
);

const lines = (header: string[], data: string[][]) => [header, ...data].map((r) => r.map(csvField).join(','));

async function breakCsv(c: Case, k: CsvCorruption): Promise<{ want: Want | Want[]; mayPass: boolean }> {
  const files = [BIWEEKLY_LABEL];
  const header = [...BIWEEKLY_HEADER];
  const data = biweeklyRows();
  let bytes: Buffer;
  let want: Want | Want[] = { files, row: true, column: true };
  let mayPass = true;
  switch (k.kind) {
    case 'cell':
      // Quoted as CSV needs, so the value stays one cell: the error names that cell.
      data[k.row - 2]![k.col - 1] = k.value;
      bytes = biweeklyCsv(header, data);
      want = [{ files, row: k.row, column: header[k.col - 1] }];
      // A whole number too big for the INTEGER it is staged as is caught at staging, which knows the column by its crosswalk name.
      if (Number.isInteger(Number(k.value)) && Math.abs(Number(k.value)) >= 2 ** 31) want.push({ files, row: k.row, column: true });
      if (k.col === 1) {
        // A file name gives the capture date (staged as "captured") and may be one EID_CORRECTIONS knows (then its EID Date is checked).
        want.push({ files, row: k.row, column: true });
        // A correction's own row renamed: the correction finds no row, and a row that is not there has no number.
        if (CORRECTION_ROWS.includes(k.row)) want.push({ files });
      }
      // Rows 2 and 3 are two captures of one date: a changed count makes them disagree, and that check names the later row's date.
      if (k.row <= 3 && k.col > 1 && k.col < CSV_COLS) want.push({ files, row: 3, column: 'EID Date' });
      break;
    case 'raw': {
      // Written as is, so quotes, commas, line breaks and bytes can break the file's structure: a row is always known.
      const text = lines(header, data);
      const fields = text[k.row - 1]!.split(',');
      const before = Buffer.from([...fields.slice(0, k.col - 1), ''].join(','));
      const after = Buffer.from(['', ...fields.slice(k.col)].join(','));
      const value = typeof k.value === 'string' ? Buffer.from(k.value) : Buffer.from(k.value);
      const line = Buffer.concat([k.col > 1 ? before : Buffer.alloc(0), value, k.col < CSV_COLS ? after : Buffer.alloc(0)]);
      bytes = Buffer.concat([Buffer.from(text.slice(0, k.row - 1).map((l) => l + '\n').join('')), line, Buffer.from('\n' + text.slice(k.row).map((l) => l + '\n').join(''))]);
      want = { files, row: true };
      break;
    }
    case 'header':
      header[k.col - 1] = k.value !== null && typeof k.value === 'object' ? header[k.value.copyOf - 1]! : (k.value ?? '');
      bytes = biweeklyCsv(header, data);
      want = { files, row: 1, column: true };
      break;
    case 'drop-column':
    case 'repeat-column':
      for (const r of [header, ...data]) r.splice(k.col - 1, k.kind === 'drop-column' ? 1 : 0, ...(k.kind === 'drop-column' ? [] : [r[k.col - 1]!]));
      bytes = biweeklyCsv(header, data);
      want = { files, row: 1, column: true };
      break;
    case 'header-fields':
      // The header gains or loses a field but the records do not: the first record is the one that does not fit.
      if (k.add) header.push('Notes');
      else header.pop();
      bytes = biweeklyCsv(header, data);
      want = { files, row: 2 };
      mayPass = false;
      break;
    case 'truncate': {
      const full = biweeklyCsv();
      bytes = full.subarray(0, Math.floor(full.length * k.keep));
      want = { files };
      break;
    }
    case 'repeat-row': {
      // The same capture again (the same snapshot date, the primary key of the dataset), maybe with one count changed.
      const copy = [...data[k.row - 2]!];
      if (k.change !== null) copy[k.change - 1] = String(Number(copy[k.change - 1]) + 1);
      data.push(copy);
      bytes = biweeklyCsv(header, data);
      break;
    }
  }
  writeBiweeklySource(c.src, bytes);
  return { want, mayPass };
}

// ---------------------------------------------------------------------------------------------


/**
 * One corruption a run through the whole engine: a named error with the published folder unchanged,
 * or a valid publication; both outcomes must occur, so neither branch is dead.
 */
async function corruptAndIngest<K>(
  corruption: fc.Arbitrary<K>,
  breakIt: (c: Case, k: K) => Promise<{ want: Want | Want[]; mayPass: boolean }>,
  run: { source: { src: string; out: string }; only: string[] },
  params: fc.Parameters<[K]>,
) {
  const seen = { failed: 0, passed: 0 };
  await fc.assert(
    fc.asyncProperty(corruption, async (k) => {
      const c = caseFolder(run.source);
      try {
        const { want, mayPass } = await breakIt(c, k);
        seen[await expectRun(c, run.only, published(run.source.out), want, mayPass)]++;
      } finally {
        rmSync(c.dir, { recursive: true, force: true });
      }
    }),
    params,
  );
  expect(seen.failed).toBeGreaterThan(0);
  expect(seen.passed).toBeGreaterThan(0);
}

describe(`ingest engine under random malformed input (fast-check seed ${SEED})`, () => {
  it('the good fixture runs validate, and the checks used below can fail', async () => {
    expect(published(good.xlsx.out).sort()).toEqual(['ice_detained_snapshots', 'ice_national_monthly', 'ice_releases']);
    expect(published(good.csv.out)).toEqual(['ice_detained_biweekly']);
    await expectValid(good.xlsx.out, published(good.xlsx.out), []);
    await expectValid(good.csv.out, published(good.csv.out), []);

    // snapshot() sees a changed byte, a new empty folder and a removed file.
    const c = caseFolder(good.csv);
    const before = snapshot(c.out);
    const pq = join(c.out, 'ice_detained_biweekly.parquet');
    const bytes = readFileSync(pq);
    bytes[bytes.length >> 1]! ^= 1;
    writeFileSync(pq, bytes);
    expect(snapshot(c.out)).not.toEqual(before);
    // …and expectValid() sees the same change through the hash in datapackage.json.
    await expect(expectValid(c.out, ['ice_detained_biweekly'])).rejects.toThrow(/sha256:/);
    rmSync(c.dir, { recursive: true });
    const d = caseFolder(good.csv);
    const before2 = snapshot(d.out);
    mkdirSync(join(d.out, 'empty'));
    expect(snapshot(d.out)).not.toEqual(before2);
    rmSync(join(d.out, 'empty'), { recursive: true });
    rmSync(join(d.out, 'SENTINEL.txt'));
    expect(snapshot(d.out)).not.toEqual(before2);

    // leftovers() sees a temp folder the engine would have left.
    mkdirSync(`${d.out}.tmp-${process.pid}`);
    expect(leftovers(d)).toEqual([`out.tmp-${process.pid}`]);
    rmSync(d.dir, { recursive: true });

    // expectNamed() rejects a plain Error, and an IngestError that does not name the row and column it should.
    expect(() => expectNamed(new Error('boom'), { files: [BIWEEKLY_LABEL] })).toThrow(/not an IngestError/);
    expect(() => expectNamed(new IngestError({ file: BIWEEKLY_LABEL, row: 3 }, 'expected a whole number'), { files: [BIWEEKLY_LABEL], row: 3, column: 'EID Date' })).toThrow(/does not name column "EID Date" \(got undefined\)/);
    expect(() => expectNamed(new IngestError({ file: BIWEEKLY_LABEL, row: 4, column: 'EID Date' }, 'x'), { files: [BIWEEKLY_LABEL], row: 3, column: 'EID Date' })).toThrow(/does not name row 3 \(got 4\)/);
  });

  it('a corrupted ICE workbook: a named error and nothing published, or a valid publication', async () => {
    await corruptAndIngest(xlsxCorruption, breakXlsx, { source: good.xlsx, only: XLSX_ONLY }, {
      seed: SEED,
      numRuns: Number(process.env.FC_RUNS ?? 24),
      // Always run too: 1e20 people in the detained total once crashed DuckDB's cast to BIGINT (a Conversion Error).
      examples: [[{ kind: 'cell', fy: 2023, sheet: 'Detention', row: D.detainedTotal, col: 2, value: 1e20 }]],
    });
  }, 300_000);

  it('a corrupted CSV: a named error and nothing published, or a valid publication', async () => {
    await corruptAndIngest(csvCorruption, breakCsv, { source: good.csv, only: CSV_ONLY }, {
      seed: SEED + 1,
      numRuns: Number(process.env.FC_RUNS ?? 40),
      // Always run too, as each once crashed without a named error: a count past INTEGER (the appender's
      // "number out of int32 range"), a count whose sum overflowed INTEGER in the dataset SQL, and a
      // capture date 2021-99-99 that a dataset check cast to DATE.
      examples: [[{ kind: 'cell', row: 4, col: 2, value: '99999999999' }], [{ kind: 'cell', row: 4, col: 2, value: '2147483647' }], [{ kind: 'cell', row: 4, col: 1, value: '20219999000000-FY21_detentionStats.xlsx' }]],
    });
  }, 300_000);

  it('through the CLI: exit 1 with one "ingest failed:" line naming the place, or exit 0 and a valid folder', async () => {
    await fc.assert(
      fc.asyncProperty(csvCorruption, async (k) => {
        const c = caseFolder(good.csv);
        try {
          const { want, mayPass } = await breakCsv(c, k);
          await expectCliRun(c, CSV_ONLY, published(good.csv.out), want, mayPass);
        } finally {
          rmSync(c.dir, { recursive: true, force: true });
        }
      }),
      // Each run starts tsx and loads every declaration (~3 s): a few runs show the process path; the engine ones above cover the inputs.
      { seed: SEED + 2, numRuns: Number(process.env.FC_CLI_RUNS ?? 2) },
    );
  }, 300_000);
});
