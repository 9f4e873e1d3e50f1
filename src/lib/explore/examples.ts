/**
 * The explorer's example questions, each tied to a story the data can tell. The same SQL is run at
 * build time (its answer is in the page before DuckDB loads) and by DuckDB in the browser.
 */
import { GAP_SENTENCE } from '../deaths/coverage';
import type { Result } from './result';

export interface Example {
  id: string;
  question: string;
  /** Why a reporter would ask it, and what to keep in mind reading the answer. */
  story: string;
  sql: string;
}

/** An example with the answer the build computed for it, and the datasets its SQL reads. */
export interface Answer {
  example: Example;
  result: Result;
  datasets: string[];
}

export const EXAMPLES: Example[] = [
  {
    id: 'doubled',
    question: 'Which ICE facilities more than doubled their population between FY2025 and FY2026?',
    story:
      'The detention build-up of 2025–26, facility by facility: average daily population in ICE’s fiscal-year statistics. FY2026 is a partial year (to the file’s date); facilities under 10 people a day in FY2025 are left out.',
    sql: `SELECT a.facility_id, a.name, a.state,
  round(a.adp_total, 1) AS adp_fy2025,
  round(b.adp_total, 1) AS adp_fy2026,
  round(b.adp_total / a.adp_total, 2) AS times
FROM ice_facility_fy a
JOIN ice_facility_fy b
  ON b.facility_id = a.facility_id AND a.fiscal_year = 2025 AND b.fiscal_year = 2026
WHERE a.adp_total >= 10 AND b.adp_total > 2 * a.adp_total
ORDER BY times DESC`,
  },
  {
    id: 'ice-by-state',
    question: 'How has ICE detention grown in the five states that hold the most people?',
    story: 'Average daily population summed over each state’s facilities, fiscal years 2019 to 2026 (FY2026 partial). Facilities ICE did not list in a year add nothing to it.',
    sql: `WITH by_state AS (
  SELECT state, fiscal_year, round(sum(adp_total)) AS adp
  FROM ice_facility_fy GROUP BY ALL
), largest AS (
  SELECT state FROM by_state
  WHERE fiscal_year = (SELECT max(fiscal_year) FROM by_state)
  ORDER BY adp DESC LIMIT 5
)
SELECT fiscal_year, state, adp
FROM by_state WHERE state IN (SELECT state FROM largest)
ORDER BY fiscal_year, state`,
  },
  {
    id: 'largest-now',
    question: 'Where were the most people held on the latest day of the daily data?',
    story: 'People held at midnight per facility code on the last day of the Deportation Data Project’s daily series, the 20 largest, with the state from our facility directory.',
    sql: `SELECT d.facility_name, f.state, d.n_detained_at_midnight AS held_at_midnight, d.date
FROM ice_facility_daily d
LEFT JOIN facilities f ON f.facility_id = lower(d.detention_facility_code)
WHERE d.date = (SELECT max(date) FROM ice_facility_daily)
ORDER BY held_at_midnight DESC NULLS LAST
LIMIT 20`,
  },
  {
    id: 'national-daily',
    question: 'How many people were in ICE detention each day since October 2022?',
    story: 'People held at midnight, summed over every facility in the daily series: the figure behind “over 60,000 in 2025–26”.',
    sql: `SELECT date, value AS held_at_midnight
FROM ice_national_daily
WHERE series = 'ddp_midnight'
ORDER BY date`,
  },
  {
    id: 'prisons-2019-2022',
    question: 'Which state prison populations fell most from 2019 to 2022, and which rose?',
    story: 'Prisoners under each state’s jurisdiction on December 31 (BJS), before COVID-19 and three years on. Six states run unified prison and jail systems, so their counts include jails.',
    sql: `SELECT a.jurisdiction_name AS jurisdiction,
  a.prisoners AS prisoners_2019,
  b.prisoners AS prisoners_2022,
  round(100.0 * (b.prisoners - a.prisoners) / a.prisoners, 1) AS change_pct
FROM prison_population a
JOIN prison_population b USING (jurisdiction)
WHERE a.year = 2019 AND b.year = 2022
ORDER BY change_pct`,
  },
  {
    id: 'imprisonment-rates',
    question: 'Which states imprison the most people per resident?',
    story:
      'BJS’s own imprisonment rate (sentenced prisoners per 100,000 residents) for each state in the latest year its by-state tables here give, with BJS’s footnote where it has one: six states count jails too, and some changed how they count.',
    sql: `SELECT jurisdiction_name AS state, year, rate, footnotes
FROM imprisonment_rates
WHERE preferred AND jurisdiction NOT IN ('US', 'FED', 'STATE')
  AND year = (SELECT max(year) FROM imprisonment_rates WHERE jurisdiction NOT IN ('US', 'FED', 'STATE'))
ORDER BY rate DESC NULLS LAST`,
  },
  {
    id: 'deaths-by-year',
    question: 'How many people died in ICE custody each fiscal year, and what does each count rest on?',
    story:
      `Deaths in custody by fiscal year and by what each row rests on: ICE’s FOIA list, an ICE detainee death report or a press report (not ICE’s finding). ${GAP_SENTENCE} The latest year is partial. People shot by agents who were not in custody are left out (in_custody false).`,
    sql: `SELECT fiscal_year, source_kind, count(*) AS deaths_in_custody
FROM ice_deaths
WHERE in_custody
GROUP BY fiscal_year, source_kind
ORDER BY fiscal_year, source_kind`,
  },
];
