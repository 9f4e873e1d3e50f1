/**
 * ICE "Detention Statistics" yearly workbooks, FY2019–FY2026 (SOURCES-ice.md §1).
 * Sheet names, header rows and table positions change every year, so every table is found by
 * its title and header labels; the crosswalk below lists each column's label in every edition.
 */
import { IngestError } from '../lib/errors';
import { cellText, columnLetter, findRow, norm, type Cell, type Grid } from '../lib/grid';
import { parseCell, today } from '../lib/cells';
import { readTable, type ColumnDecl, type Record_, type TableDecl } from '../lib/table';
import { stateAbbr } from '../lib/us-places';
import type { ColumnType, ResolvedFile, SourceDecl } from '../lib/types';
import { contentHash, distinctFiles, SNAPSHOT, THROUGH, figure, fileNameDate, levelFigures, MONTHLY_TITLE, openRelease, releaseDate, type Dated, type NationalFigure, type ReleaseFile, type ReleaseSheets } from '../ice/read-release';

// "*" and "**": ICE's marks for a figure it does not give (FY24 releases: ALOS, guaranteed minimum, inspection date).
const ADP = { kind: 'number', min: 0, missing: ['#N/A', 'N/A', '*', '**'] } as const satisfies Partial<ColumnDecl>;
const TEXT = { kind: 'text', missing: ['#N/A', 'N/A'] } as const;
const adp = (header: string): ColumnDecl => ({ ...ADP, header });

export const FACILITY_TABLE: TableDecl = {
  header: ['Name', 'Address', 'City', 'State', 'Zip', 'AOR', 'Level A'],
  columns: {
    name: { kind: 'text', header: 'Name', required: true },
    address: { ...TEXT, header: 'Address' },
    city: { ...TEXT, header: 'City' },
    state: { ...TEXT, header: 'State' },
    zip: { ...TEXT, header: 'Zip' },
    aor: { ...TEXT, header: 'AOR' },
    type_detailed: { ...TEXT, header: 'Type Detailed' },
    male_female: { ...TEXT, header: 'Male/Female' },
    alos: { ...ADP, header: /^FY\d\d ALOS$/ },
    level_a: adp('Level A'),
    level_b: adp('Level B'),
    level_c: adp('Level C'),
    level_d: adp('Level D'),
    male_crim: adp('Male Crim'),
    male_non_crim: adp('Male Non-Crim'),
    female_crim: adp('Female Crim'),
    female_non_crim: adp('Female Non-Crim'),
    threat_level_1: adp('ICE Threat Level 1'),
    threat_level_2: adp('ICE Threat Level 2'),
    threat_level_3: adp('ICE Threat Level 3'),
    no_threat_level: adp('No ICE Threat Level'),
    mandatory: adp('Mandatory'),
    guaranteed_minimum: adp('Guaranteed Minimum'),
    last_inspection_type: { ...TEXT, header: 'Last Inspection Type', optional: true },
    last_inspection_standard: { ...TEXT, header: ['Last Inspection Standard', 'ODO Last Inspection Standard'], optional: true },
    last_inspection_rating: { ...TEXT, header: ['Last Inspection Rating - Final', 'Last Final Rating', 'ODO Final Rating'], optional: true },
    // Mixed in one column: text dates (9/24/2020) and Excel serials (43594).
    last_inspection_date: { kind: 'date', missing: ['#N/A', 'N/A', '*', '**', 'New Facility', 'Pending', 'Scheduled FY26', 'Scheduled FY27', 'Scheduled 2026', 'Scheduled 2027', 'FY2026', 'FY2027'], header: ['Last Inspection Date', 'Last Inspection End Date', 'ODO Inspection End Date'], optional: true },
  },
  // The table is delimited by its shape, not by a pattern on one column: every row from the header
  // down to the first blank row or note (FY22–FY23: "[1] (BCORCPA) …") is a facility, and a row
  // below that which has a name and ADP figures is an error, never a footnote dropped unseen.
  record: (raw, get) => looksLikeFacility(get),
};

/** The ADP columns (Level A–D, criminality, threat level, mandatory): a facility row has figures there. */
const ADP_LABELS = ['Level A', 'Level B', 'Level C', 'Level D', 'Male Crim', 'Male Non-Crim', 'Female Crim', 'Female Non-Crim', 'ICE Threat Level 1', 'ICE Threat Level 2', 'ICE Threat Level 3', 'No ICE Threat Level', 'Mandatory'];
const isFigure = (c: Cell) => typeof c === 'number' || (typeof c === 'string' && /^\s*-?(\d[\d,]*\.?\d*|\.\d+)(e-?\d+)?\s*$/i.test(c));

/** A name and at least one figure in the ADP columns: what a facility row looks like, whatever its other cells hold. */
export function looksLikeFacility(get: (label: string) => Cell): boolean {
  return cellText(get('Name')) !== '' && ADP_LABELS.some((l) => isFigure(get(l)));
}

const MONTHS = ['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'];

/** Find a labelled row below a title: e.g. the `Total` row of "ICE Average Daily Population by ... Month". */
function rowAfter(grid: Grid, title: RegExp, label: string, what: string): { header: number; row: number } {
  const t = findRow(grid, title, { column: 0 });
  if (t < 0) throw new IngestError({ file: grid.file, sheet: grid.sheet }, `expected a table titled ${title}`);
  const header = t + 1;
  const row = findRow(grid, (s) => s === label, { from: header, column: 0 });
  if (row < 0 || row > header + 3) throw new IngestError({ file: grid.file, sheet: grid.sheet, row: header + 1 }, `expected a "${label}" row under ${what}`);
  return { header, row };
}

/** The latest date a file can hold: the date in its name (FY26_detentionStats_04092026.xlsx, put out 2026-04-09), else the day of the run. */
export function latestDate(file: Pick<ResolvedFile, 'name' | 'label'>): { date: string; what: string } {
  const m = file.name.match(/(\d{2})(\d{2})(\d{4})\.xlsx$/);
  if (!m) return { date: today(), what: 'the day of this run' };
  const p = parseCell(`${m[1]}/${m[2]}/${m[3]}`, { kind: 'date', formats: ['%m/%d/%Y'] }, { file: file.label, column: 'file name' });
  return { date: String(p.value), what: `the date in the file name, ${file.name}` };
}


/**
 * Dates from the Footnotes sheet: the snapshot date of "currently detained" and the date the data
 * run through, which decides which months are reached. Checked against the file itself: neither
 * can be later than the file's date, and the data date lies in the fiscal year; the monthly table
 * must agree with it (monthlyRows), and the snapshot is taken with the data (checkSnapshot).
 */
function footnoteDates(grid: Grid, fy: number, latest: { date: string; what: string }): { snapshot: Dated; through: Dated } {
  const text = grid.rows.map((r) => r.map(cellText).join(' '));
  const find = (re: RegExp, what: string): Dated => {
    for (let i = 0; i < text.length; i++) {
      const m = text[i]!.match(re);
      if (m) return { date: String(parseCell(m[1]!, { kind: 'date', notAfter: latest }, { file: grid.file, sheet: grid.sheet, row: i + 1, column: 'B' }).value), row: i + 1 };
    }
    throw new IngestError({ file: grid.file, sheet: grid.sheet }, `expected a footnote giving ${what}`);
  };
  const snapshot = find(SNAPSHOT, 'the "currently detained" snapshot date');
  const through = find(THROUGH, 'the date the detention data run through');
  if (through.date < `${fy - 1}-10-01` || through.date > `${fy}-09-30`) throw new IngestError(footnoteCell(grid, through), `expected the data of FY${fy} to run through a date in FY${fy} (${fy - 1}-10-01 to ${fy}-09-30)`);
  return { snapshot, through };
}

const footnoteCell = (grid: Grid, d: Dated) => ({ file: grid.file, sheet: grid.sheet, row: d.row, column: 'B', value: d.date });

/** Checked after the monthly table has confirmed the data date, so a wrong data date is named for what it is, not as a snapshot mismatch. */
function checkSnapshot(footnotes: Grid, notes: { snapshot: Dated; through: Dated }): void {
  // 0–4 days apart in FY2019–FY2026.
  const days = Math.abs(Date.parse(notes.snapshot.date) - Date.parse(notes.through.date)) / 86400000;
  if (days > 31) throw new IngestError(footnoteCell(footnotes, notes.snapshot), `expected the "currently detained" snapshot within a month of the data date, ${notes.through.date} (row ${notes.through.row})`);
}

/**
 * Cells of single releases that are no value of their column, each reviewed: the cell is read as
 * not reported, with the reason in the row's `missing`. Each applies to its exact file, row,
 * column and text, so anything new still fails.
 */
export const CELL_EXCEPTIONS = [
  { file: 'FY22_detentionStats07082022.xlsx', row: 20, column: 'Last Inspection Date', value: 'Regular', why: 'the inspection cells of this row are shifted one column to the right ("Regular" is an inspection type), so no date is read' },
  { file: 'FY25_detentionStats02142025.xlsx', row: 79, column: 'ICE Threat Level 1', value: 'Scheduled', why: 'ICE left this row\'s figures blank and put "Scheduled" (an inspection note) in a figure column' },
  { file: 'FY26_detentionStats11202025.xlsx', row: 62, column: 'Last Inspection End Date', value: '2/29/2025', why: 'not a date (2025 has no February 29)' },
];

/**
 * The Facilities sheet: every facility row read, or an error naming it. Beyond the table's own
 * shape (readTable with `record`), the rows read are counted against the rows of the sheet that
 * look like facilities, a State must be a USPS code (blank: not reported, FY26's Imperial
 * Regional), and no inspection can be dated after `latest` (the file's date).
 */
export function readFacilities(grid: Grid, file: Pick<ResolvedFile, 'name' | 'label'>, table = readTable, latest = latestDate(file)): { records: Record_[]; dataRows: number } {
  const header = grid.rows.findIndex((r) => r.some((c) => cellText(c) === 'Level A'));
  const excepted = CELL_EXCEPTIONS.filter((x) => x.file === file.name && header >= 0 && cellText(grid.rows[x.row - 1]?.[grid.rows[header]!.findIndex((c) => cellText(c) === x.column)]) === x.value);
  if (excepted.length) {
    grid = { ...grid, rows: grid.rows.map((r) => [...r]) };
    for (const x of excepted) grid.rows[x.row - 1]![grid.rows[header]!.findIndex((c) => cellText(c) === x.column)] = null;
  }
  const t = table(grid, FACILITY_TABLE);
  for (const x of excepted) {
    const rec = t.records.find((r) => r.row === x.row);
    const key = Object.entries(t.columns).find(([, label]) => label === x.column)?.[0];
    if (rec && key) rec.missing[key] = `"${x.value}" as published: ${x.why}`;
  }
  const labels = (grid.rows[t.headerRow - 1] ?? []).map(cellText);
  const get = (raw: Cell[]) => (label: string) => raw[labels.findIndex((l) => norm(l) === norm(label))] ?? null;
  const dataRows = grid.rows.map((raw, i) => i + 1).filter((row) => row > t.headerRow && looksLikeFacility(get(grid.rows[row - 1]!)));
  const read = new Set(t.records.map((r) => r.row));
  const lost = dataRows.find((row) => !read.has(row));
  if (lost !== undefined)
    throw new IngestError({ file: grid.file, sheet: grid.sheet, row: lost, column: 'Name', value: get(grid.rows[lost - 1]!)('Name') }, `expected every row with a name and ADP figures among the ${t.records.length} facility rows read`);
  for (const r of t.records) {
    const at = (column: string, key: string) => ({ file: grid.file, sheet: grid.sheet, row: r.row, column: t.columns[key] ?? column });
    if (r.values.state !== null) stateAbbr(r.values.state, at('State', 'state'));
    // ICE fills this column with scheduled dates too (Otay Mesa "2023-11-23" in April 2023; 14 in all
    // across the releases): a date up to a year after the file is a scheduled inspection, not the last
    // one, and is read as not reported with that reason; a later one is an error.
    const d = r.values.last_inspection_date;
    if (d === null || String(d) <= latest.date) continue;
    if (Date.parse(String(d)) - Date.parse(latest.date) > 366 * 86400000)
      throw new IngestError({ ...at('Last Inspection Date', 'last_inspection_date'), value: d }, `expected an inspection no later than a year after ${latest.date} (${latest.what})`);
    r.values.last_inspection_date = null;
    r.missing.last_inspection_date = `dated ${d}, after the file (${latest.date}, ${latest.what}): a scheduled inspection, not the last one`;
  }
  return { records: t.records, dataRows: dataRows.length };
}

const num = (c: Cell | undefined, where: { file: string; sheet: string | null; row: number; column: string }) =>
  parseCell(c, { kind: 'number', min: 0 }, where).value as number | null;

/**
 * National ADP by month: the Total row (FY24 titles the table "... by Month" only), one row per
 * month the data reach plus "FY Overall". ICE shows months not reached yet as 0, so the table must
 * agree with the Footnotes' data date: a reached month at 0 means that date is after the data (the
 * year would be published as complete, its last months as 0), and a later month with a figure that
 * it is before them (they would be dropped).
 */
function monthlyRows(det: Grid, fy: number, through: Dated) {
  const where = (row: number, column: string, value?: Cell) => ({ file: det.file, sheet: det.sheet, row: row + 1, column, ...(value === undefined ? {} : { value }) });
  const m = rowAfter(det, /^ICE Average Daily Population by (Facility Type and )?Month/, 'Total', 'the national ADP by month');
  const head = det.rows[m.header]!.map(cellText);
  const row = (col: number, month: string | null, adp: number | null, partial: boolean) =>
    ({ fiscal_year: fy, month, adp, partial, data_through: through.date, source_file: det.file, source_sheet: det.sheet, source_row: m.row + 1, source_column: columnLetter(col) });
  const out = [];
  for (const [i, mon] of MONTHS.entries()) {
    const col = head.indexOf(mon);
    if (col < 0) throw new IngestError(where(m.header, mon), `expected a "${mon}" column in the national ADP table`);
    const year = i < 3 ? fy - 1 : fy;
    const month = `${year}-${String(((i + 9) % 12) + 1).padStart(2, '0')}`;
    const cell = det.rows[m.row]![col];
    const adp = num(cell, where(m.row, mon));
    const data = `the Footnotes (row ${through.row}) say the data run through ${through.date}`;
    if (`${month}-01` > through.date) {
      if (adp) throw new IngestError(where(m.row, mon, cell ?? null), `expected 0 for ${month}, a month not reached yet: ${data}, but ICE gives a figure`);
      continue;
    }
    if (adp === 0) throw new IngestError(where(m.row, mon, cell ?? null), `expected a national ADP above 0 for ${month}: ${data}, but ICE shows 0, as it does for months not reached yet`);
    const monthEnd = new Date(Date.UTC(year, ((i + 9) % 12) + 1, 0)).toISOString().slice(0, 10);
    out.push(row(col, month, adp, through.date < monthEnd));
  }
  const fyCol = head.indexOf('FY Overall');
  if (fyCol < 0) throw new IngestError(where(m.header, 'FY Overall'), 'expected an "FY Overall" column in the national ADP table');
  out.push(row(fyCol, null, num(det.rows[m.row]![fyCol], where(m.row, 'FY Overall')), through.date < `${fy}-09-30`));
  return out;
}

const FACILITY_COLUMNS: Record<string, ColumnType> = {
  fiscal_year: 'INTEGER',
  ...Object.fromEntries(Object.entries(FACILITY_TABLE.columns).map(([k, c]) => [k, c.kind === 'number' ? 'DOUBLE' : c.kind === 'date' ? 'DATE' : 'VARCHAR'])),
  missing: 'VARCHAR',
  source_file: 'VARCHAR',
  source_sheet: 'VARCHAR',
  source_row: 'INTEGER',
};

const RELEASE_COLUMNS: Record<string, ColumnType> = {
  sha256: 'VARCHAR', release_date: 'DATE', fiscal_year: 'INTEGER', file: 'VARCHAR', ice_file_name: 'VARCHAR', same_bytes_as: 'VARCHAR', archived: 'DATE', posted_rank: 'INTEGER',
  date_source: 'VARCHAR', footnote_date: 'DATE', snapshot_date: 'DATE', file_name_date: 'DATE', facility_days: 'INTEGER',
  currently_detained: 'DOUBLE', currently_detained_ice: 'DOUBLE', currently_detained_cbp: 'DOUBLE', currently_detained_source: 'VARCHAR',
  adp_fytd: 'DOUBLE', adp_fytd_source: 'VARCHAR', book_ins_fytd: 'DOUBLE', book_ins_source: 'VARCHAR', alos_fytd: 'DOUBLE', alos_source: 'VARCHAR',
  facility_rows: 'INTEGER', facilities_hash: 'VARCHAR', national_hash: 'VARCHAR',
  facilities_repeat_of: 'VARCHAR', national_repeated: 'BOOLEAN', facilities_inconsistent: 'BOOLEAN', date_disagreement: 'BOOLEAN', notes: 'VARCHAR', yearly: 'BOOLEAN',
};

/** The tables the yearly datasets read, checked strictly: the Footnotes dates, the monthly table against them, the snapshot. */
function yearlyTables(r: Read) {
  const { sheets, file } = r;
  const fy = sheets.fiscalYear;
  const latest = r.latest;
  const notes = footnoteDates(sheets.footnotes, fy, latest);
  const det = sheets.detention;
  const monthly = monthlyRows(det, fy, notes.through);
  checkSnapshot(sheets.footnotes, notes);
  const where = (row: number, column: string) => ({ file: file.label, sheet: det.sheet, row: row + 1, column });
  // "Currently detained" snapshot: Total row of the criminality × arresting agency table.
  const c = rowAfter(det, /^ICE Currently Detained by Criminality and Arresting Agency/, 'Total', 'the currently detained table');
  const ch = det.rows[c.header]!.map(cellText);
  const pick = (label: string) => {
    const col = ch.indexOf(label);
    if (col < 0) throw new IngestError(where(c.header, label), `expected a "${label}" column in the currently detained table`);
    return num(det.rows[c.row]![col], where(c.row, label));
  };
  const detained = { fiscal_year: fy, as_of: notes.snapshot.date, ice: pick('ICE'), cbp: pick('CBP'), total: pick('Total'), source_file: file.label, source_sheet: det.sheet, source_row: c.row + 1, source_column: columnLetter(ch.indexOf('Total')) };
  return { monthly, detained };
}

interface Read {
  file: ReleaseFile;
  sheets: ReleaseSheets;
  latest: { date: string; what: string };
  records: Record_[];
  date: ReturnType<typeof releaseDate>;
  facilitiesHash: string;
  nationalHash: string;
}

/** ICE's year-end files (the workbook it left up for each year), beside the biweekly releases. */
const YEAR_END_DIR = 'ice/ice-detention-stats-xlsx';

const cite = (f: NationalFigure, det: Grid) => (f.value === null ? f.missing ?? null : `${det.file}, sheet "${det.sheet}", row ${f.row}, column ${f.column}`);

export default {
  id: 'ice-workbooks',
  title: 'ICE Detention Statistics: every release, FY2019–FY2026 (year-end and biweekly workbooks)',
  publisher: 'U.S. Immigration and Customs Enforcement, Enforcement and Removal Operations',
  homepage: 'https://www.ice.gov/detain/detention-management',
  license: 'public-domain-us',
  attribution: 'Source: U.S. Immigration and Customs Enforcement, Detention Statistics (ice.gov/detain/detention-management).',
  via: 'GitHub CarwilB/ice-detention@d4dc30aa135ccc29e0904d737fe7dacabe083862 (year-end files) and the archives listed in ice-detention-stats-releases/MANIFEST.csv (biweekly files), each byte-identical to ICE\'s',
  files: [
    {
      dir: YEAR_END_DIR,
      name: /^FY(\d\d)[-_]detention[Ss]tats.*\.xlsx$/,
      min: 8,
      urls: ['FY19-detentionstats.xlsx', 'FY20-detentionstats.xlsx', 'FY21-detentionstats.xlsx', 'FY22-detentionStats.xlsx', 'FY23_detentionStats.xlsx', 'FY24_detentionStats.xlsx', 'FY25_detentionStats09242025.xlsx', 'FY26_detentionStats_04092026.xlsx'].map(
        (f) => `https://www.ice.gov/doclib/detention/${f}`,
      ),
    },
    // ICE replaces its workbook in place: earlier releases exist only in archives (and `npm run update` adds new ones here).
    { dir: 'ice/ice-detention-stats-releases', name: /^\d{4}-\d\d-\d\d_FY\d\d.*\.xlsx$/, min: 0 },
  ],
  async stage(ctx) {
    const reads: Read[] = [];
    for (const file of distinctFiles([...ctx.files(0), ...ctx.files(1)])) {
      const sheets = await openRelease(ctx, file);
      const named = { name: file.iceName, label: file.label };
      // The file name's date bounds its inspections, unless the name is wrong (FY21_detentionStats07222020 was posted in July 2021): then the day it was archived.
      const nameDate = fileNameDate(file.iceName);
      const wrongName = nameDate && file.archived && (nameDate > file.archived || Date.parse(file.archived) - Date.parse(nameDate) > 60 * 86400000);
      const archivedLater = nameDate && file.archived && file.archived > nameDate;
      const latest = wrongName || archivedLater ? { date: file.archived!, what: `the day the file was first archived, ${file.archived} (the date in its name is ${nameDate})` } : latestDate(named);
      const fac = readFacilities(sheets.facilities, named, ctx.table, latest);
      const rows = fac.records.map((r) => r.row);
      // Rows whose ADP cells are all "#N/A" (FY19: both Folkston units) are read too, with nulls: hence two counts.
      ctx.log(`read    ice-workbooks ${file.name} sheet "${sheets.facilities.sheet}": ${fac.records.length} facility rows${rows.length ? ` (rows ${rows[0]}–${rows.at(-1)})` : ''}, ${fac.dataRows} with ADP figures (every such row of the sheet)`);
      const det = sheets.detention;
      const national = det.rows.map((r) => r.map(cellText).join('|')).filter((t) => /\d/.test(t));
      reads.push({ file, sheets, latest, records: fac.records, date: releaseDate(sheets, file, fac.records), facilitiesHash: contentHash(fac.records.map((r) => r.values)), nationalHash: contentHash(national) });
    }
    // Posting order: by data date, then the year-end folder's file (the one ICE left up for the year:
    // its final word for that date), then the day archived.
    const order = (r: Read) => `${r.date.date}|${r.file.decl.dir === YEAR_END_DIR ? 1 : 0}|${r.file.archived ?? '9999-12-31'}|${r.file.label}`;
    reads.sort((a, b) => (order(a) < order(b) ? -1 : 1));
    const extra = new Map<Read, string[]>(reads.map((r) => [r, []]));
    // The flags, kept as values (the notes say the same in words).
    const flags = new Map<Read, { repeatOf: string | null; nationalRepeated: boolean; inconsistent: boolean }>();
    for (const [i, r] of reads.entries()) {
      const earlier = reads.slice(0, i);
      // A re-post under the same data date repeats its tables by nature; a repeat under a new date is a table ICE did not update.
      const sameFac = earlier.findLast((e) => e.facilitiesHash === r.facilitiesHash && e.date.date !== r.date.date);
      if (sameFac) extra.get(r)!.push(`facilities table repeated from ${sameFac.file.label} (every figure the same)`);
      const sameNat = earlier.findLast((e) => e.nationalHash === r.nationalHash && e.date.date !== r.date.date);
      if (sameNat) extra.get(r)!.push(`national tables repeated from ${sameNat.file.label} (every figure the same)`);
      // The facilities' averages add up to within a few percent of ICE's national average (93–101 % in
      // 2019–2026); a table far from it is not what it claims (2022-09-10 lists every facility twice).
      const nat = figure(r.sheets.detention, MONTHLY_TITLE, 'FY Overall', 'the national ADP by month').value;
      const sum = levelFigures(r.records).reduce((a, b) => a + b, 0);
      const inconsistent = !!nat && (sum < 0.9 * nat || sum > 1.1 * nat);
      flags.set(r, { repeatOf: sameFac?.file.label ?? null, nationalRepeated: !!sameNat, inconsistent });
      if (inconsistent)
        extra.get(r)!.push(`facilities table does not add up to the national figure: ${Math.round(sum).toLocaleString('en-US')} people a day in all, ${Math.round((100 * sum) / nat)} % of ICE's national average for the year to date (${Math.round(nat).toLocaleString('en-US')}); one of the two tables is not what it claims`);
    }
    // The yearly datasets: per fiscal year, the newest release whose data date is the footnote's and
    // whose tables are its own; the strict checks decide, and one that fails them says why.
    const yearly = new Map<number, { read: Read; tables: ReturnType<typeof yearlyTables> }>();
    for (const fy of [...new Set(reads.map((r) => r.sheets.fiscalYear))]) {
      const mine = reads.filter((r) => r.sheets.fiscalYear === fy).reverse();
      const clean = (r: Read) => r.date.source === 'footnote' && !flags.get(r)!.repeatOf && !flags.get(r)!.nationalRepeated && !flags.get(r)!.inconsistent;
      let first: unknown = null;
      for (const r of [...mine.filter(clean), ...mine.filter((r) => !clean(r))]) {
        try {
          yearly.set(fy, { read: r, tables: yearlyTables(r) });
          break;
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          first ??= e;
          extra.get(r)!.push(`not used for the yearly datasets: ${e.message}`);
        }
      }
      if (!yearly.has(fy)) throw first;
    }
    for (const [fy, y] of [...yearly].sort(([a], [b]) => a - b)) {
      const { read, tables } = y;
      await ctx.stage('stg_ice_wb_monthly', { fiscal_year: 'INTEGER', month: 'VARCHAR', adp: 'DOUBLE', partial: 'BOOLEAN', data_through: 'DATE', source_file: 'VARCHAR', source_sheet: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, tables.monthly);
      await ctx.stage('stg_ice_wb_detained', { fiscal_year: 'INTEGER', as_of: 'DATE', ice: 'DOUBLE', cbp: 'DOUBLE', total: 'DOUBLE', source_file: 'VARCHAR', source_sheet: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, [tables.detained]);
      await ctx.stage('stg_ice_wb_facilities', FACILITY_COLUMNS, facilityRows(read, fy));
    }
    for (const [rank, r] of reads.entries()) {
      const det = r.sheets.detention;
      const detained = ['Total', 'ICE', 'CBP'].map((l) => figure(det, /^ICE Currently Detained by Criminality and Arresting Agency/, l, 'the currently detained table'));
      const adp = figure(det, MONTHLY_TITLE, 'FY Overall', 'the national ADP by month');
      const bookIns = figure(det, /^ICE Initial Book-Ins by (Facility Type and Criminality|Arresting Agency and Month)/, 'Total', 'the initial book-ins table');
      const alos = figure(det, /^ICE Average Length of Stay by Facility Type and Month/, 'FY Overall', 'the length of stay table');
      const y = yearly.get(r.sheets.fiscalYear)!;
      await ctx.stage('stg_ice_releases', RELEASE_COLUMNS, [{
        sha256: r.file.sha256, release_date: r.date.date, fiscal_year: r.sheets.fiscalYear, file: r.file.label, ice_file_name: r.file.iceName, same_bytes_as: r.file.sameAs.join('; ') || null,
        archived: r.file.archived, posted_rank: rank, date_source: r.date.source, footnote_date: r.date.footnote?.date ?? null, snapshot_date: r.date.snapshot?.date ?? null,
        file_name_date: fileNameDate(r.file.iceName), facility_days: r.date.facilityDays,
        currently_detained: detained[0]!.value, currently_detained_ice: detained[1]!.value, currently_detained_cbp: detained[2]!.value, currently_detained_source: cite(detained[0]!, det),
        adp_fytd: adp.value, adp_fytd_source: cite(adp, det), book_ins_fytd: bookIns.value, book_ins_source: cite(bookIns, det), alos_fytd: alos.value, alos_source: cite(alos, det),
        facility_rows: r.records.length, facilities_hash: r.facilitiesHash.slice(0, 16), national_hash: r.nationalHash.slice(0, 16),
        facilities_repeat_of: flags.get(r)!.repeatOf, national_repeated: flags.get(r)!.nationalRepeated, facilities_inconsistent: flags.get(r)!.inconsistent, date_disagreement: r.date.disagreement,
        notes: [...r.date.notes, ...extra.get(r)!].join('; ') || null, yearly: y.read === r,
      }]);
      await ctx.stage('stg_ice_rel_facilities', { sha256: 'VARCHAR', release_date: 'DATE', ...FACILITY_COLUMNS }, facilityRows(r, r.sheets.fiscalYear).map((row) => ({ sha256: r.file.sha256, release_date: r.date.date, ...row })));
    }
    ctx.log(`release ice-workbooks: ${reads.length} distinct releases (${reads.reduce((n, r) => n + r.file.sameAs.length, 0)} files with the same bytes as another), yearly tables from ${[...yearly].map(([fy, y]) => `FY${fy} ${y.read.file.label}`).join(', ')}`);
  },
} satisfies SourceDecl;

function facilityRows(r: Read, fy: number) {
  return r.records.map((rec) => ({
    fiscal_year: fy,
    ...rec.values,
    // Early editions store ZIPs as numbers, losing leading zeros (02360 -> 2360).
    zip: rec.values.zip === null ? null : String(rec.values.zip).padStart(5, '0'),
    missing: Object.entries(rec.missing).map(([k, v]) => `${k}: ${v}`).join('; ') || null,
    source_file: r.file.label,
    source_sheet: r.sheets.facilities.sheet,
    source_row: rec.row,
  }));
}
