import { count, date } from '$lib/format';
import { GAP, GAP_SENTENCE, GAP_YEARS } from '$lib/deaths/coverage';
import type { Annotation, ChartSpec, Row } from '../types';
import { fiscalYearSpan } from '../period';

const incomplete = (r: Row) => r.coverage !== 'full year';

export default {
  id: 'ice-deaths-by-year',
  kind: 'line',
  title: () => 'Deaths in ICE custody, by fiscal year',
  subtitle: (_, rows) => `Deaths of people in ICE custody on record, ${fiscalYearSpan(rows, 'fiscal_year')}; the line breaks at ${GAP_YEARS.map((y) => `FY${y}`).join(' and ')}, which the file covers only in part (no records ${date(GAP.after)} to ${date(GAP.before)}): their dots are lower bounds`,
  topic: 'ice',
  page: '/deaths/',
  archived: true,
  datasets: ['ice_deaths'],
  // Every fiscal year from the first to the last on record (a year with no death on record is 0:
  // the sources cover it), counting only in_custody rows; coverage says which years are not whole.
  // The line (deaths_drawn) leaves out the years the gap touches: drawn, their counts would read as
  // a fall; they are marked as lower bounds (annotate) and given in the table.
  query: () => `
    WITH span AS (SELECT min(fiscal_year) AS lo, max(fiscal_year) AS hi, max(death_date) AS last FROM ice_deaths),
    years AS (SELECT unnest(range(lo, hi + 1)) AS fy FROM span)
    SELECT CAST(y.fy AS VARCHAR) AS fiscal_year,
      count(d.death_date) AS deaths,
      CASE WHEN y.fy IN (${GAP_YEARS.join(', ')}) THEN NULL ELSE count(d.death_date) END AS deaths_drawn,
      CASE WHEN y.fy IN (${GAP_YEARS.join(', ')}) THEN 'incomplete: no records ${GAP.after} to ${GAP.before}'
           WHEN y.fy = (SELECT hi FROM span) THEN 'partial year: through ' || strftime((SELECT last FROM span), '%Y-%m-%d')
           ELSE 'full year' END AS coverage
    FROM years y LEFT JOIN ice_deaths d ON d.fiscal_year = y.fy AND d.in_custody
    GROUP BY y.fy ORDER BY y.fy`,
  x: { field: 'fiscal_year', label: 'Fiscal year', type: 'time' },
  y: { field: 'deaths_drawn', label: 'Deaths in custody', unit: 'deaths' },
  columns: [
    { field: 'fiscal_year', label: 'Fiscal year', format: 'year' },
    { field: 'deaths', label: 'Deaths in custody', format: 'count' },
    { field: 'coverage', label: 'Coverage', format: 'text' },
  ],
  method:
    'One death per row of the ice-detention-mortality file (Sanjay Basu and co-authors, CC BY 4.0), counted by the federal fiscal year (October to September) of its date. The rows rest on ICE\'s FOIA list of deaths FY2003–2017, ICE\'s detainee death reports (FY2018 on) and, for 2025–26, press reports (the Guardian), which are reports, not ICE\'s findings. Two rows of people shot by federal agents, not in custody, are listed on the deaths page but not counted.',
  caveats: [
    GAP_SENTENCE,
    'The latest fiscal year is partial: it runs only to the newest death in the file.',
    'Press-reported deaths (2025–26) are not yet confirmed by ICE reports; ICE may report deaths the press did not, and the other way round.',
  ],
  describe: (rows) => {
    const full = rows.filter((r) => !incomplete(r));
    const total = rows.reduce((s, r) => s + Number(r.deaths), 0);
    const peak = [...full].sort((a, b) => Number(b.deaths) - Number(a.deaths))[0];
    const latest = rows.at(-1);
    if (!peak || !latest) return 'Deaths in ICE custody by fiscal year.';
    return [
      `${count(total)} deaths in ICE custody are on record from FY${rows[0]!.fiscal_year} to FY${latest.fiscal_year}.`,
      `Among complete years the most were in FY${peak.fiscal_year} (${count(Number(peak.deaths))}).`,
      `FY${latest.fiscal_year} so far (${String(latest.coverage).replace('partial year: ', '')}): ${count(Number(latest.deaths))}.`,
      GAP_SENTENCE,
    ].join(' ');
  },
  annotate: (rows) => {
    const out: Annotation[] = [];
    for (const r of rows.filter((r) => GAP_YEARS.includes(Number(r.fiscal_year))))
      out.push({ x: String(r.fiscal_year), y: Number(r.deaths), label: `FY${r.fiscal_year}: at least ${count(Number(r.deaths))}` });
    const latest = rows.at(-1);
    if (latest && incomplete(latest) && !GAP_YEARS.includes(Number(latest.fiscal_year)))
      out.push({ x: String(latest.fiscal_year), y: Number(latest.deaths), label: `FY${latest.fiscal_year} so far: ${count(Number(latest.deaths))}` });
    return out;
  },
} satisfies ChartSpec;
