/**
 * BJS "Prisoners in 2022 – Statistical Tables" (NCJ 307149), tables 1, 2 and 5 (SOURCES-other.md §A1a).
 * Table 1 is the national series 2012–2022 (revised to the 2022 report's figures); table 2 is
 * by state for 2021 and 2022, in the same layout as the earlier editions' tables; table 5 is the
 * national imprisonment rate 2012–2022 (U.S. total, Federal, State; no state rows).
 */
import { IngestError } from '../lib/errors';
import { footnoteText, footnotesOf, RATE, RATE_COLUMNS, reportYearOf } from '../lib/bjs-rates';
import { cellText, columnLetter, findRow, type Grid } from '../lib/grid';
import { readTable, type TableDecl } from '../lib/table';
import type { SourceDecl } from '../lib/types';
import { checkTotals, COUNT, JURISDICTION_COLUMNS, readJurisdictionTable, reason, reportOf, type JurisdictionRow } from './bjs-prisoners-reports';

export const TABLE_1: TableDecl = {
  // The header reads "Federal*": the asterisk is a footnote (community corrections and private facilities).
  header: ['Year', 'Total', /^Federal\*?$/, 'State', 'Male', 'Female'],
  columns: {
    year: { kind: 'integer', header: 'Year', required: true, min: 1990, max: 2030 },
    total: { ...COUNT, header: 'Total', required: true },
    federal: { ...COUNT, header: /^Federal\*?$/, required: true },
    state: { ...COUNT, header: 'State', required: true },
    male: { ...COUNT, header: 'Male' },
    female: { ...COUNT, header: 'Female' },
  },
  // Year rows, then a "Percent change" block that is not data.
  row: (_raw, get) => /^\d{4}$/.test(cellText(get('Year'))) || 'stop',
};

// Table 5's labels carry footnote markers ("Total/a", "Federal/b"), resolved to their text under the table.
const marked = (name: string) => new RegExp(`^${name}(/[a-z](,[a-z])*)?$`);
export const TABLE_5: TableDecl = {
  header: ['Year', marked('Total'), marked('Federal'), marked('State')],
  columns: {
    year: { kind: 'integer', header: 'Year', required: true, min: 1990, max: 2030 },
    total: { ...RATE, header: marked('Total') },
    federal: { ...RATE, header: marked('Federal') },
    state: { ...RATE, header: marked('State') },
  },
  // Year rows, then a "Percent change" block that is not data.
  row: (_raw, get) => /^\d{4}$/.test(cellText(get('Year'))) || 'stop',
};
const RATE_TITLE = /^Table 5\. Imprisonment rates of U\.S\. residents of all ages/;

/** Table 5 → one row per year for the U.S. total, Federal and State (all states together), with BJS's footnotes. */
export function readRateTable5(grid: Grid) {
  if (findRow(grid, RATE_TITLE) < 0) throw new IngestError({ file: grid.file }, `expected a title matching ${RATE_TITLE}`);
  const t = readTable(grid, TABLE_5);
  const labels = t.grid.rows[t.headerRow - 1]!.map(cellText);
  const notes = footnotesOf(grid, t.headerRow);
  const which = [['total', 'US', 'U.S. total'], ['federal', 'FED', 'Federal'], ['state', 'STATE', 'State total']] as const;
  return t.records.flatMap((rec) =>
    which.map(([key, jurisdiction, name]) => {
      const i = labels.indexOf(t.columns[key]!);
      const column = columnLetter(i);
      const rate = rec.values[key] as number | null;
      return {
        jurisdiction,
        jurisdiction_name: name,
        year: rec.values.year as number,
        rate,
        missing: rate === null ? (rec.missing[key] ?? null) : null,
        footnotes: footnoteText(labels[i]!, notes, { file: grid.file, row: t.headerRow, column }),
        source_row: rec.row,
        source_column: column,
      };
    }),
  );
}

const VIA_COMMIT = 'a26f79674560e3b5d3ecd5dba853852c54dc2c09';
const via = (f: string) => `https://raw.githubusercontent.com/zcstanley/DATA2LIFT/${VIA_COMMIT}/incarceratedparent/RawData/NPS/${f}`;

export default {
  id: 'bjs-p22st',
  title: 'BJS Prisoners in 2022 – Statistical Tables (NCJ 307149), tables 1, 2 and 5',
  publisher: 'U.S. Bureau of Justice Statistics, National Prisoner Statistics program (E. Ann Carson and Rich Kluckow)',
  homepage: 'https://bjs.ojp.gov/library/publications/prisoners-2022-statistical-tables',
  license: 'public-domain-us',
  attribution: 'Source: Bureau of Justice Statistics, National Prisoner Statistics, "Prisoners in 2022 – Statistical Tables" (NCJ 307149, bjs.ojp.gov).',
  via: `GitHub zcstanley/DATA2LIFT@${VIA_COMMIT} (unmodified BJS files in incarceratedparent/RawData/NPS/)`,
  // BJS ships the CSVs inside one zip archive; these are the pinned copies of the three tables.
  files: [
    { dir: 'bjs/p22st', name: 'p22stt01.csv', encoding: 'windows-1252', urls: [via('p22stt01.csv')] },
    { dir: 'bjs/p22st', name: 'p22stt02.csv', encoding: 'windows-1252', urls: [via('p22stt02.csv')] },
    { dir: 'bjs/p22st', name: 'p22stt05.csv', encoding: 'windows-1252', urls: [via('p22stt05.csv')] },
  ],
  async stage(ctx) {
    const [f1] = ctx.files(0);
    const g1 = ctx.csv(f1!);
    const r1 = reportOf(g1);
    const t = ctx.table(g1, TABLE_1);
    const labels = t.grid.rows[t.headerRow - 1]!.map(cellText);
    const col = (name: string) => columnLetter(labels.indexOf(t.columns[name]!));
    const rows: JurisdictionRow[] = t.records.flatMap((rec) => {
      const v = rec.values as Record<string, number | null>;
      const why = (k: string) => (rec.missing[k] ? [`${k === 'total' ? 'prisoners' : k}: ${reason(rec.missing[k])}`] : []);
      const base = { year: v.year!, source_row: rec.row };
      return [
        { ...base, jurisdiction: 'US', jurisdiction_name: 'U.S. total', prisoners: v.total!, male: v.male ?? null, female: v.female ?? null, missing: [...why('male'), ...why('female')].join('; ') || null, source_column: col('total') },
        // Table 1 splits only the U.S. total by sex.
        { ...base, jurisdiction: 'FED', jurisdiction_name: 'Federal', prisoners: v.federal!, male: null, female: null, missing: 'male, female: not in this table', source_column: col('federal') },
        { ...base, jurisdiction: 'STATE', jurisdiction_name: 'State total', prisoners: v.state!, male: null, female: null, missing: 'male, female: not in this table', source_column: col('state') },
      ];
    });
    checkTotals(g1, rows);
    await ctx.stage('stg_bjs_jurisdiction', JURISDICTION_COLUMNS, rows.map((x) => ({ report: r1.report, report_year: r1.reportYear, table_no: r1.table, ...x, source_file: f1!.label })));

    const [f2] = ctx.files(1);
    const g2 = ctx.csv(f2!);
    const r2 = reportOf(g2);
    const rows2 = readJurisdictionTable(g2, r2.reportYear);
    await ctx.stage('stg_bjs_jurisdiction', JURISDICTION_COLUMNS, rows2.map((x) => ({ report: r2.report, report_year: r2.reportYear, table_no: r2.table, ...x, source_file: f2!.label })));

    const [f5] = ctx.files(2);
    const g5 = ctx.csv(f5!);
    const year5 = reportYearOf(g5);
    await ctx.stage('stg_bjs_rates', RATE_COLUMNS, readRateTable5(g5).map((x) => ({ source_id: 'bjs-p22st', report: `Prisoners in ${year5}, table 5`, report_year: year5, ...x, source_file: f5!.label })));
  },
} satisfies SourceDecl;
