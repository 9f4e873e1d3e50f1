/**
 * ICE "Detention Statistics" yearly workbooks, FY2019–FY2026 (SOURCES-ice.md §1).
 * Sheet names, header rows and table positions change every year, so every table is found by
 * its title and header labels; the crosswalk below lists each column's label in every edition.
 */
import { IngestError } from '../lib/errors';
import { cellText, columnLetter, findRow, type Cell, type Grid } from '../lib/grid';
import { parseCell } from '../lib/cells';
import type { ColumnDecl, TableDecl } from '../lib/table';
import type { ColumnType, SourceDecl } from '../lib/types';

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
  // Facility rows have a 2-letter State; footnote rows below the table ("[1] (BCORCPA) ...") do not.
  // FY26 row 100 (IMPERIAL REGIONAL DETENTION FACILITY) has a blank State but an address and city.
  row: (raw, get) => {
    if (raw.every((c) => cellText(c) === '')) return false;
    const state = cellText(get('State'));
    return /^[A-Z]{2}$/.test(state) || (state === '' && cellText(get('Address')) !== '' && cellText(get('City')) !== '');
  },
};

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

/** Dates from the Footnotes sheet: the snapshot date of "currently detained" and the data-through date. */
function footnoteDates(grid: Grid): { snapshot: string; through: string } {
  const text = grid.rows.map((r) => r.map(cellText).join(' '));
  const find = (re: RegExp, what: string) => {
    for (let i = 0; i < text.length; i++) {
      const m = text[i]!.match(re);
      if (m) {
        const p = parseCell(m[1]!, { kind: 'date' }, { file: grid.file, sheet: grid.sheet, row: i + 1, column: 'B' });
        return String(p.value);
      }
    }
    throw new IngestError({ file: grid.file, sheet: grid.sheet }, `expected a footnote giving ${what}`);
  };
  return {
    snapshot: find(/National Docket data are a snapshot as of\s+(\d{1,2}\/\d{1,2}\/\d{4})/i, 'the "currently detained" snapshot date'),
    through: find(/ICE Detention data (?:is |are )?(?:historic and static\. Data are )?(?:filtered|updated) through\s+(\d{1,2}\/\d{1,2}\/\d{4})/i, 'the date the detention data run through'),
  };
}

const num = (c: Cell | undefined, where: { file: string; sheet: string | null; row: number; column: string }) =>
  parseCell(c, { kind: 'number', min: 0 }, where).value as number | null;

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
      const notes = footnoteDates(ctx.sheet(wb, /^Footnotes/, file));

      const fac = ctx.table(ctx.sheet(wb, /^Facilities/, file), FACILITY_TABLE);
      await ctx.stage('stg_ice_wb_facilities', FACILITY_COLUMNS, fac.records.map((r) => ({
        fiscal_year: fy,
        ...r.values,
        // Early editions store ZIPs as numbers, losing leading zeros (02360 -> 2360).
        zip: r.values.zip === null ? null : String(r.values.zip).padStart(5, '0'),
        missing: Object.entries(r.missing).map(([k, v]) => `${k}: ${v}`).join('; ') || null,
        source_file: file.label,
        source_sheet: fac.grid.sheet,
        source_row: r.row,
      })));

      const det = ctx.sheet(wb, /^Detention/, file);
      const where = (row: number, column: string) => ({ file: file.label, sheet: det.sheet, row: row + 1, column });

      // National ADP by month: the Total row (FY24 titles the table "... by Month" only).
      const m = rowAfter(det, /^ICE Average Daily Population by (Facility Type and )?Month/, 'Total', 'the national ADP by month');
      const head = det.rows[m.header]!.map(cellText);
      const monthly = [];
      for (const [i, mon] of MONTHS.entries()) {
        const col = head.indexOf(mon);
        if (col < 0) throw new IngestError({ ...where(m.header, mon) }, `expected a "${mon}" column in the national ADP table`);
        const year = i < 3 ? fy - 1 : fy;
        const month = `${year}-${String(((i + 9) % 12) + 1).padStart(2, '0')}`;
        // Months after the data date are shown as 0 by ICE: not reached yet, so no row at all.
        if (`${month}-01` > notes.through) continue;
        const monthEnd = new Date(Date.UTC(year, ((i + 9) % 12) + 1, 0)).toISOString().slice(0, 10);
        monthly.push({ fiscal_year: fy, month, adp: num(det.rows[m.row]![col], where(m.row, head[col]!)), partial: notes.through < monthEnd, data_through: notes.through, source_file: file.label, source_sheet: det.sheet, source_row: m.row + 1, source_column: columnLetter(col) });
      }
      const fyCol = head.indexOf('FY Overall');
      if (fyCol < 0) throw new IngestError(where(m.header, 'FY Overall'), 'expected an "FY Overall" column in the national ADP table');
      monthly.push({ fiscal_year: fy, month: null, adp: num(det.rows[m.row]![fyCol], where(m.row, 'FY Overall')), partial: notes.through < `${fy}-09-30`, data_through: notes.through, source_file: file.label, source_sheet: det.sheet, source_row: m.row + 1, source_column: columnLetter(fyCol) });
      await ctx.stage('stg_ice_wb_monthly', { fiscal_year: 'INTEGER', month: 'VARCHAR', adp: 'DOUBLE', partial: 'BOOLEAN', data_through: 'DATE', source_file: 'VARCHAR', source_sheet: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, monthly);

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
        { fiscal_year: fy, as_of: notes.snapshot, ice: pick('ICE'), cbp: pick('CBP'), total: pick('Total'), source_file: file.label, source_sheet: det.sheet, source_row: c.row + 1, source_column: columnLetter(col('Total')) },
      ]);
    }
  },
} satisfies SourceDecl;
