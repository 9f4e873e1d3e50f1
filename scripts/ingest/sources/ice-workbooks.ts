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

const ADP = { kind: 'number', min: 0, missing: ['#N/A', 'N/A'] } as const satisfies Partial<ColumnDecl>;
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
    last_inspection_date: { kind: 'date', missing: ['#N/A', 'N/A', '*', 'New Facility', 'Pending', 'Scheduled FY26', 'Scheduled FY27'], header: ['Last Inspection Date', 'Last Inspection End Date', 'ODO Inspection End Date'], optional: true },
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

interface Dated {
  date: string;
  /** 1-based row of its Footnotes sentence, the cell it came from. */
  row: number;
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
  const snapshot = find(/National Docket data are a snapshot as of\s+(\d{1,2}\/\d{1,2}\/\d{4})/i, 'the "currently detained" snapshot date');
  const through = find(/ICE Detention data (?:is |are )?(?:historic and static\. Data are )?(?:filtered|updated) through\s+(\d{1,2}\/\d{1,2}\/\d{4})/i, 'the date the detention data run through');
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
 * Values the date checks reject that were reviewed and are kept as ICE published them. Each
 * applies to its exact file, facility, column and value, so any new such date still fails.
 */
const DATE_EXCEPTIONS = [
  {
    file: 'FY25_detentionStats09242025.xlsx', name: 'GLADES COUNTY DETENTION CENTER', column: 'last_inspection_date', value: '2025-12-17',
    why: 'a pre-occupancy inspection dated 84 days after the file (09/24/2025); probably 12/17/2024 (FY2025 began 10/01/2024), but nothing says so, and the FY26 file gives no date for it',
  },
];

/**
 * The Facilities sheet: every facility row read, or an error naming it. Beyond the table's own
 * shape (readTable with `record`), the rows read are counted against the rows of the sheet that
 * look like facilities, a State must be a USPS code (blank: not reported, FY26's Imperial
 * Regional), and no inspection can be dated after the file.
 */
export function readFacilities(grid: Grid, file: Pick<ResolvedFile, 'name' | 'label'>, table = readTable): { records: Record_[]; dataRows: number } {
  const t = table(grid, FACILITY_TABLE);
  const labels = (grid.rows[t.headerRow - 1] ?? []).map(cellText);
  const get = (raw: Cell[]) => (label: string) => raw[labels.findIndex((l) => norm(l) === norm(label))] ?? null;
  const dataRows = grid.rows.map((raw, i) => i + 1).filter((row) => row > t.headerRow && looksLikeFacility(get(grid.rows[row - 1]!)));
  const read = new Set(t.records.map((r) => r.row));
  const lost = dataRows.find((row) => !read.has(row));
  if (lost !== undefined)
    throw new IngestError({ file: grid.file, sheet: grid.sheet, row: lost, column: 'Name', value: get(grid.rows[lost - 1]!)('Name') }, `expected every row with a name and ADP figures among the ${t.records.length} facility rows read`);
  const latest = latestDate(file);
  for (const r of t.records) {
    const at = (column: string, key: string) => ({ file: grid.file, sheet: grid.sheet, row: r.row, column: t.columns[key] ?? column });
    if (r.values.state !== null) stateAbbr(r.values.state, at('State', 'state'));
    const d = r.values.last_inspection_date;
    const kept = DATE_EXCEPTIONS.some((x) => x.file === file.name && x.name === r.values.name && x.column === 'last_inspection_date' && x.value === d);
    if (d !== null && String(d) > latest.date && !kept) throw new IngestError({ ...at('Last Inspection Date', 'last_inspection_date'), value: d }, `expected an inspection no later than ${latest.date} (${latest.what})`);
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

export default {
  id: 'ice-workbooks',
  title: 'ICE Detention Statistics (annual workbooks FY2019–FY2026)',
  publisher: 'U.S. Immigration and Customs Enforcement, Enforcement and Removal Operations',
  homepage: 'https://www.ice.gov/detain/detention-management',
  license: 'public-domain-us',
  attribution: 'Source: U.S. Immigration and Customs Enforcement, Detention Statistics (ice.gov/detain/detention-management).',
  via: 'GitHub CarwilB/ice-detention@d4dc30aa135ccc29e0904d737fe7dacabe083862 (unmodified ICE files)',
  files: [
    {
      dir: 'ice/ice-detention-stats-xlsx',
      name: /^FY(\d\d)[-_]detention[Ss]tats.*\.xlsx$/,
      min: 8,
      urls: ['FY19-detentionstats.xlsx', 'FY20-detentionstats.xlsx', 'FY21-detentionstats.xlsx', 'FY22-detentionStats.xlsx', 'FY23_detentionStats.xlsx', 'FY24_detentionStats.xlsx', 'FY25_detentionStats09242025.xlsx', 'FY26_detentionStats_04092026.xlsx'].map(
        (f) => `https://www.ice.gov/doclib/detention/${f}`,
      ),
    },
  ],
  async stage(ctx) {
    for (const file of ctx.files()) {
      const fy = 2000 + Number(file.match![1]);
      const wb = await ctx.workbook(file);
      const footnotes = ctx.sheet(wb, /^Footnotes/, file);
      const notes = footnoteDates(footnotes, fy, latestDate(file));

      const grid = ctx.sheet(wb, /^Facilities/, file);
      const fac = readFacilities(grid, file, ctx.table);
      const rows = fac.records.map((r) => r.row);
      // Rows whose ADP cells are all "#N/A" (FY19: both Folkston units) are read too, with nulls: hence two counts.
      ctx.log(`read    ice-workbooks ${file.name} sheet "${grid.sheet}": ${fac.records.length} facility rows${rows.length ? ` (rows ${rows[0]}–${rows.at(-1)})` : ''}, ${fac.dataRows} with ADP figures (every such row of the sheet)`);
      await ctx.stage('stg_ice_wb_facilities', FACILITY_COLUMNS, fac.records.map((r) => ({
        fiscal_year: fy,
        ...r.values,
        // Early editions store ZIPs as numbers, losing leading zeros (02360 -> 2360).
        zip: r.values.zip === null ? null : String(r.values.zip).padStart(5, '0'),
        missing: Object.entries(r.missing).map(([k, v]) => `${k}: ${v}`).join('; ') || null,
        source_file: file.label,
        source_sheet: grid.sheet,
        source_row: r.row,
      })));

      const det = ctx.sheet(wb, /^Detention/, file);
      const where = (row: number, column: string) => ({ file: file.label, sheet: det.sheet, row: row + 1, column });
      await ctx.stage('stg_ice_wb_monthly', { fiscal_year: 'INTEGER', month: 'VARCHAR', adp: 'DOUBLE', partial: 'BOOLEAN', data_through: 'DATE', source_file: 'VARCHAR', source_sheet: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, monthlyRows(det, fy, notes.through));
      checkSnapshot(footnotes, notes);

      // "Currently detained" snapshot: Total row of the criminality × arresting agency table.
      const c = rowAfter(det, /^ICE Currently Detained by Criminality and Arresting Agency/, 'Total', 'the currently detained table');
      const ch = det.rows[c.header]!.map(cellText);
      const col = (label: string) => ch.indexOf(label);
      const pick = (label: string) => {
        const col = ch.indexOf(label);
        if (col < 0) throw new IngestError(where(c.header, label), `expected a "${label}" column in the currently detained table`);
        return num(det.rows[c.row]![col], where(c.row, label));
      };
      await ctx.stage('stg_ice_wb_detained', { fiscal_year: 'INTEGER', as_of: 'DATE', ice: 'DOUBLE', cbp: 'DOUBLE', total: 'DOUBLE', source_file: 'VARCHAR', source_sheet: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, [
        { fiscal_year: fy, as_of: notes.snapshot.date, ice: pick('ICE'), cbp: pick('CBP'), total: pick('Total'), source_file: file.label, source_sheet: det.sheet, source_row: c.row + 1, source_column: columnLetter(col('Total')) },
      ]);
    }
  },
} satisfies SourceDecl;
