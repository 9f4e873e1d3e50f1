import { count } from '$lib/format';
import { STATE_NAMES, STATES_AND_DC } from '$lib/geo/states';
import { FY_COVERAGE } from '../fiscal-year';
import type { ChartSpec, Params, Row } from '../types';
import { fiscalYearSpan } from '../period';

/** The page passes the lower-case code of its URL; the data hold upper-case codes. The server checked it is an id. */
const code = (p: Params) => (p.state ?? '').toUpperCase();
// In running text DC takes the article: "prisoners in the District of Columbia".
const name = (p: Params) => (code(p) === 'DC' ? 'the District of Columbia' : (STATE_NAMES[code(p)] ?? code(p)));
const valued = (rows: Row[]) => rows.filter((r) => r.adp !== null);
const facilities = (r: Row) => `${r.facilities} ${Number(r.facilities) === 1 ? 'facility' : 'facilities'}`;

export default {
  id: 'state-ice-adp',
  kind: 'bar',
  param: 'state',
  variants: STATES_AND_DC.map((s) => s.code.toLowerCase()),
  title: (p) => `People in ICE detention in ${name(p)}, average per day, by fiscal year`,
  subtitle: (p, rows) => `Sum of the average daily populations of the ICE facilities in ${name(p)} listed in each yearly ICE workbook, ${fiscalYearSpan(rows, 'fiscal_year')}`,
  topic: 'ice',
  datasets: ['ice_facility_fy', 'ice_national_monthly'],
  // A facility's state comes from that year's row; ICE left it blank once (FY2026, Imperial Regional), so fall back to the state of its other years.
  query: (p) => `
    WITH rows AS (
      SELECT fy.fiscal_year, fy.adp_total,
        coalesce(fy.state, (SELECT any_value(x.state) FROM ice_facility_fy x WHERE x.facility_id = fy.facility_id AND x.state IS NOT NULL)) AS state
      FROM ice_facility_fy fy),
    total AS (SELECT fiscal_year, sum(adp_total) AS adp FROM rows GROUP BY fiscal_year),
    st AS (
      SELECT fiscal_year, sum(adp_total) AS adp, count(*) AS facilities, count(adp_total) AS reporting
      FROM rows WHERE state = '${code(p)}' GROUP BY fiscal_year)
    SELECT 'FY' || total.fiscal_year AS fiscal_year, st.adp, coalesce(st.facilities, 0) AS facilities,
      round(100 * st.adp / total.adp, 1) AS share,
      ${FY_COVERAGE('total.fiscal_year')} AS coverage,
      CASE WHEN st.facilities IS NULL THEN 'no facility in ${name(p).replace(/'/g, "''")} in this workbook'
        WHEN st.reporting < st.facilities THEN (st.facilities - st.reporting) || ' of ' || st.facilities || ' facilities not reported (#N/A); the sum leaves them out'
      END AS note
    FROM total LEFT JOIN st USING (fiscal_year)
    WHERE EXISTS (SELECT 1 FROM st)
    ORDER BY total.fiscal_year`,
  x: { field: 'fiscal_year', label: 'Fiscal year', type: 'category' },
  y: { field: 'adp', label: 'People detained (average per day)', unit: 'persons' },
  columns: [
    { field: 'fiscal_year', label: 'Fiscal year', format: 'text' },
    { field: 'adp', label: 'Sum of facility ADP', format: 'count' },
    { field: 'facilities', label: 'Facilities listed', format: 'count' },
    { field: 'share', label: '% of all listed facilities’ ADP', format: 'number' },
    { field: 'coverage', label: 'Coverage', format: 'text' },
    { field: 'note', label: 'Note', format: 'text' },
  ],
  method:
    'For each fiscal year, the average daily populations (ADP) of the facilities in the state are added up. A facility’s ADP is the sum of its Level A–D columns in the Facilities sheet of that year’s ICE workbook (ICE gives no total column). The share is of the sum over every facility the workbook lists.',
  caveats: [
    'A sum of facility ADPs is not ICE’s national ADP: the workbooks list only some places (from FY2023, only facilities averaging at least one person, and never hold rooms, hospitals, hotels or juvenile facilities), so state sums add up to less than the national figure.',
    'A fiscal year runs October to September. Some workbooks end before their year did (FY2021’s last workbook, and the newest one); the Coverage column gives the date each runs through.',
    '“Not reported” means ICE’s workbook lists no facility in the state that year, or gave “#N/A” for it: never 0.',
  ],
  describe: (rows, p) => {
    const v = valued(rows);
    const first = v[0];
    const hi = [...v].sort((a, b) => Number(b.adp) - Number(a.adp))[0];
    const last = v.at(-1);
    if (!first || !hi || !last) return `ICE’s yearly workbooks list no detention facility in ${name(p)}.`;
    return `Added up over the ICE facilities in ${name(p)} that ICE’s workbooks list, ${count(Number(first.adp))} people were detained on an average day in ${first.fiscal_year} (${facilities(first)}) and ${count(Number(last.adp))} in ${last.fiscal_year} (${facilities(last)}; ${last.coverage === 'full year' ? 'full year' : `partial year, ${last.coverage}`}). The highest year was ${hi.fiscal_year}, with ${count(Number(hi.adp))}. These sums are not ICE’s national figure.`;
  },
} satisfies ChartSpec;
