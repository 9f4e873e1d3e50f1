import { count } from '$lib/format';
import { STATE_NAMES } from '$lib/geo/states';
import { LATEST_COMPLETE_FY } from '../fiscal-year';
import type { ChartSpec } from '../types';
import { onlyFiscalYear } from '../period';

const NAMES = `(VALUES ${Object.entries(STATE_NAMES).map(([c, n]) => `('${c}', '${n.replace(/'/g, "''")}')`).join(', ')}) AS names(code, name)`;

export default {
  id: 'ice-by-state',
  kind: 'bar',
  title: () => 'ICE detention by state: average daily population',
  subtitle: (_, rows) => `Sum over the ICE facilities in each state, ${onlyFiscalYear(rows, 'fiscal_year')}: the latest complete fiscal year`,
  topic: 'ice',
  datasets: ['ice_facility_fy', 'ice_national_monthly'],
  query: () => `
    SELECT coalesce(names.name, f.state, 'State not given') AS state_name, f.state,
      CAST(f.fiscal_year AS VARCHAR) AS fiscal_year, count(*) AS facilities, sum(f.adp_total) AS adp
    FROM ice_facility_fy f LEFT JOIN ${NAMES} ON names.code = f.state
    WHERE f.fiscal_year = ${LATEST_COMPLETE_FY}
    GROUP BY ALL ORDER BY adp DESC NULLS LAST, state_name`,
  x: { field: 'state_name', label: 'State', type: 'category' },
  y: { field: 'adp', label: 'People detained (average per day)', unit: 'persons' },
  columns: [
    { field: 'state_name', label: 'State', format: 'text' },
    { field: 'state', label: 'Code', format: 'text' },
    { field: 'fiscal_year', label: 'Fiscal year', format: 'year' },
    { field: 'facilities', label: 'Facilities', format: 'count' },
    { field: 'adp', label: 'Average daily population', format: 'count' },
  ],
  method:
    'Each facility\'s average daily population (ADP) is the sum of its Level A–D columns on the Facilities sheet of ICE\'s workbook for the year; facilities are summed by the state of their address as ICE wrote it. The year shown is the newest one whose workbook covers all twelve months. States with no facility in ICE\'s list that year have no bar.',
  caveats: [
    'Facility sums do not equal ICE\'s national ADP for the same year: the Facilities sheet lists only the facilities ICE reports and some facilities\' ADP is not reported.',
    'People are counted where they are held, not where they were arrested or live: a state with large facilities holds people arrested elsewhere.',
  ],
  describe: (rows) => {
    const [a, b, c] = rows;
    if (!a) return 'ICE average daily population by state.';
    const total = rows.reduce((n, r) => n + (r.adp === null ? 0 : Number(r.adp)), 0);
    return `In FY${a.fiscal_year}, ${String(a.state_name)} held the most people in ICE detention, ${count(Number(a.adp))} on an average day (${((Number(a.adp) / total) * 100).toFixed(0)}% of ${count(total)} in ICE's facility list)${b ? `, then ${String(b.state_name)} (${count(Number(b.adp))})` : ''}${c ? ` and ${String(c.state_name)} (${count(Number(c.adp))})` : ''}. ${rows.length} states and territories had an ICE facility that year.`;
  },
} satisfies ChartSpec;
