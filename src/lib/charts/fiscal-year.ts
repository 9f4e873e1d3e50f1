/**
 * SQL shared by the ICE facility charts: which fiscal year is "the latest complete one". It is
 * read from the data, not fixed: the newest year whose ICE workbook runs to September 30
 * (ice_national_monthly.data_through; e.g. the last FY2025 workbook ends 2025-09-20). Charts using
 * it list ice_national_monthly among their datasets: it is ICE's, like the facility sheets.
 */
import { ICE_TYPES } from '$lib/facilities/kinds';

export const LATEST_COMPLETE_FY = `(SELECT max(fiscal_year) FROM ice_national_monthly WHERE data_through >= make_date(fiscal_year, 9, 30))`;

/** How far a fiscal year's workbook runs: "through 2026-04-04", or "full year". */
export const FY_COVERAGE = (fy: string) =>
  `(SELECT CASE WHEN max(data_through) >= make_date(max(fiscal_year), 9, 30) THEN 'full year' ELSE 'through ' || strftime(max(data_through), '%Y-%m-%d') END FROM ice_national_monthly m WHERE m.fiscal_year = ${fy})`;

/** The newest fiscal year in the facility sheets (the current one, usually partial). */
export const LATEST_FY = `(SELECT max(fiscal_year) FROM ice_facility_fy)`;

/** A SQL CASE giving "Dedicated IGSA (DIGSA)" for a type code column, or the code where unknown. */
export function facilityTypeLabel(column: string): string {
  const whens = Object.entries(ICE_TYPES).map(([code, name]) => `WHEN '${code}' THEN '${name} (${code})'`);
  return `CASE ${column} ${whens.join(' ')} ELSE coalesce(${column}, 'Type not given') END`;
}
