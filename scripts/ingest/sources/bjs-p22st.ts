/**
 * BJS "Prisoners in 2022 – Statistical Tables" (NCJ 307149), tables 1 and 2 (SOURCES-other.md §A1a).
 * Table 1 is the national series 2012–2022 (revised to the 2022 report's figures); table 2 is
 * by state for 2021 and 2022, in the same layout as the earlier editions' tables.
 */
import { cellText, columnLetter } from '../lib/grid';
import type { TableDecl } from '../lib/table';
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

const VIA_COMMIT = 'a26f79674560e3b5d3ecd5dba853852c54dc2c09';
const via = (f: string) => `https://raw.githubusercontent.com/zcstanley/DATA2LIFT/${VIA_COMMIT}/incarceratedparent/RawData/NPS/${f}`;

export default {
  id: 'bjs-p22st',
  title: 'BJS Prisoners in 2022 – Statistical Tables (NCJ 307149), tables 1 and 2',
  publisher: 'U.S. Bureau of Justice Statistics, National Prisoner Statistics program (E. Ann Carson and Rich Kluckow)',
  homepage: 'https://bjs.ojp.gov/library/publications/prisoners-2022-statistical-tables',
  license: 'public-domain-us',
  attribution: 'Source: Bureau of Justice Statistics, National Prisoner Statistics, "Prisoners in 2022 – Statistical Tables" (NCJ 307149, bjs.ojp.gov).',
  via: `GitHub zcstanley/DATA2LIFT@${VIA_COMMIT} (unmodified BJS files in incarceratedparent/RawData/NPS/)`,
  // BJS ships the CSVs inside one zip archive; these are the pinned copies of the two tables.
  files: [
    { dir: 'bjs/p22st', name: 'p22stt01.csv', encoding: 'windows-1252', urls: [via('p22stt01.csv')] },
    { dir: 'bjs/p22st', name: 'p22stt02.csv', encoding: 'windows-1252', urls: [via('p22stt02.csv')] },
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
  },
} satisfies SourceDecl;
