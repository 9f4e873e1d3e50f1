import { count, date } from '$lib/format';
import { FY_COVERAGE, LATEST_FY, facilityTypeLabel } from '../fiscal-year';
import type { ChartSpec } from '../types';
import { onlyFiscalYear } from '../period';

export default {
  id: 'ice-top-facilities',
  kind: 'bar',
  title: () => 'The 20 largest ICE detention facilities',
  // FY_COVERAGE gives "full year" or "through 2026-04-04" (the newest workbook's data date).
  subtitle: (_, rows) => {
    const through = /^through (\S+)$/.exec(String(rows[0]?.coverage ?? ''))?.[1];
    const fy = Number(rows[0]?.fiscal_year);
    return through ? `Average daily population in FY${fy} so far (October 1, ${fy - 1} to ${date(through)}), from ICE’s newest workbook` : `Average daily population in ${onlyFiscalYear(rows, 'fiscal_year')}, from ICE’s newest workbook`;
  },
  topic: 'ice',
  datasets: ['ice_facility_fy', 'ice_national_monthly'],
  query: () => `
    SELECT CAST(row_number() OVER (ORDER BY f.adp_total DESC, f.facility_id) AS INTEGER) AS rank,
      f.name || coalesce(', ' || f.state, '') AS label, f.name, f.city, f.state,
      ${facilityTypeLabel('f.type_detailed')} AS facility_type, CAST(f.fiscal_year AS VARCHAR) AS fiscal_year,
      ${FY_COVERAGE('f.fiscal_year')} AS coverage, f.adp_total AS adp, f.facility_id,
      f.source_file || ', sheet "' || f.source_sheet || '", row ' || f.source_row AS read_from
    FROM ice_facility_fy f
    WHERE f.fiscal_year = ${LATEST_FY} AND f.adp_total IS NOT NULL
    ORDER BY rank LIMIT 20`,
  x: { field: 'label', label: 'Facility', type: 'category' },
  y: { field: 'adp', label: 'People detained (average per day)', unit: 'persons' },
  columns: [
    { field: 'rank', label: 'Rank', format: 'count' },
    { field: 'name', label: 'Facility (as ICE writes it)', format: 'text' },
    { field: 'city', label: 'City', format: 'text' },
    { field: 'state', label: 'State', format: 'text' },
    { field: 'facility_type', label: 'Type', format: 'text' },
    { field: 'fiscal_year', label: 'Fiscal year', format: 'year' },
    { field: 'coverage', label: 'Data', format: 'text' },
    { field: 'adp', label: 'Average daily population', format: 'count' },
    { field: 'facility_id', label: 'Facility id', format: 'text' },
    { field: 'read_from', label: 'Read from', format: 'text' },
  ],
  method:
    'Each facility\'s average daily population (ADP) is the sum of its Level A–D columns on the Facilities sheet of ICE\'s newest workbook, which covers the current fiscal year up to its data date. Facilities are ranked by that figure; a facility whose ADP ICE did not report is left out of the ranking, not counted as 0.',
  caveats: [
    'The current fiscal year is partial: a facility that opened during the year averages over all the days of the year so far, so new, fast-growing facilities rank lower than their population today.',
    'Names, cities and states are as ICE wrote them in the workbook.',
  ],
  describe: (rows) => {
    const [a, b, c] = rows;
    const last = rows.at(-1);
    if (!a || !last) return 'The largest ICE detention facilities by average daily population.';
    const states = new Map<string, number>();
    for (const r of rows) states.set(String(r.state), (states.get(String(r.state)) ?? 0) + 1);
    const [topState, n] = [...states].sort((x, y) => y[1] - x[1])[0]!;
    return `In FY${a.fiscal_year} (${String(a.coverage)}), the largest ICE facility was ${String(a.name)} in ${String(a.city)}, ${String(a.state)}, with ${count(Number(a.adp))} people on an average day${b ? `, then ${String(b.name)} (${String(b.state)}, ${count(Number(b.adp))})` : ''}${c ? ` and ${String(c.name)} (${String(c.state)}, ${count(Number(c.adp))})` : ''}. The 20th, ${String(last.name)}, held ${count(Number(last.adp))}. ${n} of the ${rows.length} are in ${topState}.`;
  },
} satisfies ChartSpec;
