import { count, people, was } from '$lib/format';
import type { ChartSpec, Row } from '../types';
import { fiscalYearSpan } from '../period';

const fy = (r: Row) => `FY${r.fiscal_year}`;

/** One facility's average daily population in each ICE workbook (FY2019 on), one bar per fiscal year. */
export default {
  id: 'facility-adp',
  kind: 'bar',
  param: 'facility',
  variants: `SELECT DISTINCT facility_id AS value FROM ice_facility_fy ORDER BY 1`,
  title: () => 'Average daily population by fiscal year (ICE)',
  subject: (p) => `SELECT name FROM facilities WHERE facility_id = '${p.facility}'`,
  subtitle: (_, rows) => `People held on an average day in each federal fiscal year (October to September), ${fiscalYearSpan(rows, 'fiscal_year')}, from ICE’s yearly detention workbooks`,
  topic: 'ice',
  datasets: ['ice_facility_fy'],
  // The partial-year note comes from the same ICE workbooks (their "FY Overall" ADP row, kept in ice_national_annual).
  query: (p) => `
    SELECT f.fiscal_year, 'FY' || f.fiscal_year || CASE WHEN a.partial THEN ' (partial)' ELSE '' END AS label,
           f.adp_total,
           CASE WHEN a.partial THEN 'partial year, ' || a.note ELSE 'full year' END AS coverage,
           f.name, f.source_file, f.source_sheet, f.source_row
    FROM ice_facility_fy f
    LEFT JOIN ice_national_annual a ON a.source_id = 'ice-workbooks' AND a.fiscal_year = f.fiscal_year
    WHERE f.facility_id = '${p.facility}'
    ORDER BY f.fiscal_year`,
  x: { field: 'label', label: 'Fiscal year', type: 'category' },
  y: { field: 'adp_total', label: 'People held (average per day)', unit: 'persons' },
  columns: [
    { field: 'fiscal_year', label: 'Fiscal year', format: 'year' },
    { field: 'adp_total', label: 'Average daily population', format: 'count' },
    { field: 'coverage', label: 'Coverage', format: 'text' },
    { field: 'source_file', label: 'Source file', format: 'text' },
    { field: 'source_sheet', label: 'Sheet', format: 'text' },
    { field: 'source_row', label: 'Row', format: 'text' },
  ],
  method:
    'ICE gives no total column: the average daily population (ADP) is the sum of the facility’s Level A–D columns in the Facilities sheet of each yearly ICE workbook (it equals the sums of the criminality and of the threat-level columns). A blank or "#N/A" total is not reported, never 0.',
  caveats: [
    'A partial fiscal year averages only the days up to the workbook’s data date; the coverage column gives that date.',
    'ICE lists a facility in a year’s workbook only if it held people that year; a missing year is not a zero.',
  ],
  describe: (rows) => {
    const known = rows.filter((r) => r.adp_total !== null);
    const first = known[0];
    const last = known.at(-1);
    const name = String(rows[0]?.name ?? 'this facility');
    if (!first || !last) return `ICE's workbooks list ${name} but report no average daily population for it.`;
    if (first === last) return `On an average day in ${fy(last)}${last.coverage === 'full year' ? '' : ` (${last.coverage})`}, ${people(Number(last.adp_total))} ${was(Number(last.adp_total))} held at ${name} (ICE).`;
    const hi = [...known].sort((a, b) => Number(b.adp_total) - Number(a.adp_total))[0]!;
    return `On an average day ${people(Number(first.adp_total))} ${was(Number(first.adp_total))} held at ${name} in ${fy(first)} and ${count(Number(last.adp_total))} in ${fy(last)}${last.coverage === 'full year' ? '' : ` (${last.coverage})`}; the highest year shown is ${fy(hi)}, ${count(Number(hi.adp_total))} (ICE workbooks).`;
  },
} satisfies ChartSpec;
