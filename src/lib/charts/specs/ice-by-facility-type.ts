import { count } from '$lib/format';
import { ICE_TYPES } from '$lib/facilities/kinds';
import { LATEST_COMPLETE_FY, facilityTypeLabel } from '../fiscal-year';
import type { ChartSpec } from '../types';
import { onlyFiscalYear } from '../period';

export default {
  id: 'ice-by-facility-type',
  kind: 'bar',
  title: () => 'Where ICE holds people: average daily population by facility type',
  subtitle: (_, rows) => `Sum over the facilities ICE lists, ${onlyFiscalYear(rows, 'fiscal_year')}: the latest complete fiscal year`,
  topic: 'ice',
  datasets: ['ice_facility_fy', 'ice_national_monthly'],
  query: () => `
    SELECT ${facilityTypeLabel('type_detailed')} AS facility_type, type_detailed AS type_code,
      CAST(fiscal_year AS VARCHAR) AS fiscal_year, count(*) AS facilities,
      count(*) FILTER (WHERE adp_total IS NULL) AS facilities_not_reported,
      sum(adp_total) AS adp
    FROM ice_facility_fy WHERE fiscal_year = ${LATEST_COMPLETE_FY}
    GROUP BY ALL ORDER BY adp DESC NULLS LAST, facility_type`,
  x: { field: 'facility_type', label: 'Facility type', type: 'category' },
  y: { field: 'adp', label: 'People detained (average per day)', unit: 'persons' },
  columns: [
    { field: 'facility_type', label: 'Facility type', format: 'text' },
    { field: 'type_code', label: 'ICE code', format: 'text' },
    { field: 'fiscal_year', label: 'Fiscal year', format: 'year' },
    { field: 'facilities', label: 'Facilities', format: 'count' },
    { field: 'facilities_not_reported', label: 'Facilities with ADP not reported', format: 'count' },
    { field: 'adp', label: 'Average daily population', format: 'count' },
  ],
  method: `Each facility's average daily population (ADP) is the sum of its Level A–D columns on the Facilities sheet of ICE's workbook for the year (ICE gives no total column); facilities are summed by ICE's "Type Detailed". Types: ${Object.entries(ICE_TYPES).map(([c, n]) => `${c}, ${n}`).join('; ')}. The year shown is the newest one whose workbook covers all twelve months.`,
  caveats: [
    'Facility sums do not equal ICE\'s national ADP for the same year: the Facilities sheet lists only the facilities ICE reports (small and short-stay places can be missing) and some facilities\' ADP is not reported. Use the national charts for the total.',
    'A facility\'s type is the one ICE gave it that year; some facilities change type between years.',
    'The current fiscal year is left out because it is partial; see the largest-facilities chart for it.',
  ],
  describe: (rows) => {
    const first = rows[0];
    if (!first) return 'ICE average daily population by facility type.';
    const total = rows.reduce((n, r) => n + (r.adp === null ? 0 : Number(r.adp)), 0);
    const share = (Number(first.adp) / total) * 100;
    const second = rows[1];
    return `In FY${first.fiscal_year}, ICE's facility list adds up to ${count(total)} people on an average day. The largest type is ${String(first.facility_type)}, with ${count(Number(first.adp))} (${share.toFixed(0)}% of the listed total) in ${count(Number(first.facilities))} facilities${second ? `; next, ${String(second.facility_type)}, with ${count(Number(second.adp))}` : ''}.`;
  },
} satisfies ChartSpec;
