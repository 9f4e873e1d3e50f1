/**
 * Deaths in ICE custody, October 2003 – January 2026: `all_274_deaths_detailed.csv` of Sanjay
 * Basu et al.'s ice-detention-mortality repository (deaths/README.md in ../shared/sources). One row
 * per death, built from ICE's FOIA list of deaths 2003–2017, ICE's detainee death reports (one
 * PDF per row) and, for the latest months, the Guardian's reporting. Quirks the dataset handles:
 * - Which source a row rests on is not a column: it follows from `Period` and the host of
 *   `PDF_URL` (sourceKind below); a row fitting none of the three is an error, not a guess.
 * - FOIA-list rows: `Facility_Location` ("Joe Corley Detention Facility, TX") is the list's
 *   facility column; `Facility_Name` was made from it by the repository's authors and sometimes
 *   disagrees with it (row 134 says Eloy, AZ where the list says Joe Corley, TX), so the facility
 *   is matched on the location cell (match/ice-deaths.ts).
 * - Ages are written "40.0"; one is blank (not reported, never 0).
 * - No rows between 2017-06-05 and 2018-04-10 (the README's gap): not filled, not zero.
 */
import { IngestError } from '../lib/errors';
import { csvTable, requireHttp } from '../lib/csv-table';
import type { SourceDecl } from '../lib/types';

const REPO = 'etchin/ice-detention-mortality';
const COMMIT = '1db5ab719818c01c37c832b699b7763a70a34a88';

export type SourceKind = 'ICE FOIA list' | 'ICE detainee death report' | 'press report';

/**
 * The document a row rests on, from its Period and the host of its address: ICE's FOIA list
 * (one PDF for every FY2003–2017 row), an ICE detainee death report (ice.gov/doclib/foia/reports/ddr…pdf),
 * or a press report (the Guardian). Anything else names the cell.
 */
export function sourceKind(period: string, url: string, where: { file: string; row: number }): SourceKind {
  const u = new URL(url);
  const ice = u.hostname === 'www.ice.gov' && u.pathname.startsWith('/doclib/foia/reports/');
  if (period === 'FY2003-2017' && ice && /detaineedeaths-2003-2017\.pdf$/.test(u.pathname)) return 'ICE FOIA list';
  if (period === 'FY2018-2025' && ice && /\/ddr[^/]*\.pdf$/i.test(u.pathname)) return 'ICE detainee death report';
  if (/^(FY2018-2025|Public reporting \(CY\d{4}\))$/.test(period) && u.hostname === 'www.theguardian.com') return 'press report';
  throw new IngestError(
    { ...where, column: 'Period, PDF_URL', value: `${period} | ${url}` },
    'expected ICE\'s FOIA list (Period FY2003-2017, ice.gov …/detaineedeaths-2003-2017.pdf), an ICE detainee death report (FY2018-2025, ice.gov …/ddr….pdf) or a press report (theguardian.com)',
  );
}

export default {
  id: 'ice-detention-mortality',
  title: 'Deaths in ICE custody, October 2003 – January 2026 (ice-detention-mortality, all_274_deaths_detailed.csv)',
  publisher: 'Sanjay Basu and co-authors (ice-detention-mortality), from ICE\'s FOIA list of detainee deaths, ICE\'s detainee death reports and the Guardian',
  homepage: `https://github.com/${REPO}/tree/${COMMIT}`,
  license: 'cc-by-4.0',
  attribution:
    'Deaths: Sanjay Basu and co-authors, ice-detention-mortality (github.com/etchin/ice-detention-mortality, fork of sanjaybasu/ice-detention-mortality), data CC BY 4.0; built from U.S. Immigration and Customs Enforcement\'s list of deaths in custody FY2003–2017 and detainee death reports (U.S. government works) and the Guardian\'s reporting. Changes: facility names tied to the dashboard\'s facility registry, fiscal year and source kind derived.',
  via: `GitHub ${REPO}@${COMMIT} (data/all_274_deaths_detailed.csv; a fork of sanjaybasu/ice-detention-mortality, whose own copy has 250 rows and no data license)`,
  files: [{ dir: 'deaths', name: 'all_274_deaths_detailed.csv', urls: [`https://raw.githubusercontent.com/${REPO}/${COMMIT}/data/all_274_deaths_detailed.csv`] }],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = csvTable(ctx, file!, {
      header: ['Name', 'Sex', 'Age', 'Country', 'Date_of_Death', 'Cause_of_Death', 'Facility_Name', 'Facility_Location', 'Facility_Type', 'PDF_URL', 'Period'],
      columns: {
        name: { kind: 'text', header: 'Name', required: true },
        sex: { kind: 'text', header: 'Sex', required: true },
        age: { kind: 'integer', header: 'Age', min: 0, max: 120 },
        country: { kind: 'text', header: 'Country', required: true },
        death_date: { kind: 'date', header: 'Date_of_Death', required: true, formats: ['%Y-%m-%d'] },
        cause_published: { kind: 'text', header: 'Cause_of_Death', required: true },
        facility_published: { kind: 'text', header: 'Facility_Name', required: true },
        facility_location_published: { kind: 'text', header: 'Facility_Location', required: true },
        facility_type_published: { kind: 'text', header: 'Facility_Type', required: true },
        source_url: { kind: 'text', header: 'PDF_URL', required: true },
        period: { kind: 'text', header: 'Period', required: true },
      },
    });
    requireHttp(t, ['source_url']);
    await ctx.stage(
      'stg_deaths',
      {
        death_date: 'DATE', name: 'VARCHAR', age: 'INTEGER', age_missing: 'VARCHAR', sex: 'VARCHAR', country: 'VARCHAR', cause_published: 'VARCHAR',
        facility_published: 'VARCHAR', facility_location_published: 'VARCHAR', facility_type_published: 'VARCHAR',
        source_url: 'VARCHAR', period: 'VARCHAR', source_kind: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      t.records.map((r) => ({
        ...r.values,
        age_missing: r.missing.age ?? null,
        source_kind: sourceKind(String(r.values.period), String(r.values.source_url), { file: file!.label, row: r.row }),
        source_file: file!.label,
        source_row: r.row,
      })),
    );
  },
} satisfies SourceDecl;
