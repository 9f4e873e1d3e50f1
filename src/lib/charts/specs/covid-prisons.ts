import { count, date } from '$lib/format';
import type { Annotation, ChartSpec, Row } from '../types';
import { dateSpan } from '../period';

const SERIES: Record<string, string> = { cases: 'Confirmed COVID-19 cases, cumulative', deaths: 'Deaths from COVID-19, cumulative' };
const MEASURES: Record<string, string> = { cases: 'Residents.Confirmed', deaths: 'Residents.Deaths' };

const of = (rows: Row[], s: string) => rows.filter((r) => r.series === s);
const complete = (rs: Row[]) => rs.filter((r) => r.value !== null);

export default {
  id: 'covid-prisons',
  kind: 'line',
  title: () => 'COVID-19 among people in state and federal prisons',
  subtitle: (_, rows) => `Cumulative confirmed cases and deaths, summed over the 50 state prison systems and the federal Bureau of Prisons, in weeks when all 51 reported: ${dateSpan(complete(rows), 'week')} (UCLA COVID Behind Bars)`,
  topic: 'prisons',
  datasets: ['covid_prisons_ucla'],
  // A national sum is only drawn for a week in which every one of the 51 systems reported the
  // measure: UCLA's own national total adds whichever systems reported, so it falls when one stops.
  query: () => `
    WITH systems AS (SELECT DISTINCT system FROM covid_prisons_ucla WHERE system NOT IN ('US', 'ICE', 'DC')),
    weeks AS (SELECT DISTINCT date FROM covid_prisons_ucla),
    m(series, measure, k) AS (VALUES ${Object.entries(MEASURES).map(([s, m], i) => `('${s}', '${m}', ${i})`).join(', ')}),
    cells AS (
      SELECT w.date, m.series, m.k, s.system, u.value
      FROM weeks w CROSS JOIN m CROSS JOIN systems s
      LEFT JOIN covid_prisons_ucla u ON u.system = s.system AND u.date = w.date AND u.measure = m.measure)
    SELECT strftime(date, '%Y-%m-%d') AS week, series,
      CASE series ${Object.entries(SERIES).map(([s, n]) => `WHEN '${s}' THEN '${n}'`).join(' ')} END AS measure,
      CASE WHEN count(value) = count(*) THEN sum(value) END AS value,
      CAST(count(value) AS INTEGER) AS systems_reporting,
      coalesce(string_agg(system, ', ' ORDER BY system) FILTER (WHERE value IS NULL), 'none') AS not_reporting
    FROM cells GROUP BY date, series, k ORDER BY date, k`,
  x: { field: 'week', label: 'Week', type: 'time' },
  y: { field: 'value', label: 'Incarcerated people', unit: 'persons' },
  series: { field: 'series', labels: SERIES },
  columns: [
    { field: 'week', label: 'Week (UCLA date)', format: 'date' },
    { field: 'measure', label: 'Measure', format: 'text' },
    { field: 'value', label: 'People, all 51 systems', format: 'count' },
    { field: 'systems_reporting', label: 'Systems reporting (of 51)', format: 'count' },
    { field: 'not_reporting', label: 'Systems not reporting', format: 'text' },
  ],
  method:
    'UCLA Law COVID Behind Bars collected each prison system\'s weekly cumulative counts of incarcerated people ("residents") who tested positive for COVID-19 and who died of it. This chart adds up the 50 state prison systems and the federal Bureau of Prisons for each week and measure, and only when all 51 reported that week; otherwise the week is shown as not reported, with the systems that did not report. ICE detention and the District of Columbia\'s jail system, which UCLA also tracks, are left out. We use UCLA\'s data rather than the Marshall Project\'s (to June 2021), whose systems report on different days of the week.',
  caveats: [
    'A week with one system missing is not reported here rather than undercounted. From mid-2021 several systems stopped reporting to UCLA, so the national sum ends there.',
    'Counts are not comparable between systems that tested differently; a system that tested little found fewer cases.',
    'Staff cases and deaths are not included. UCLA COVID Behind Bars data are CC BY-NC-SA 4.0.',
  ],
  describe: (rows) => {
    const cases = of(rows, 'cases');
    const deaths = complete(of(rows, 'deaths'));
    const lastCases = complete(cases).at(-1);
    const lastDeaths = deaths.at(-1);
    if (!lastCases) return 'COVID-19 cases and deaths in state and federal prisons, in weeks when every system reported.';
    return `In the week of ${date(String(lastCases.week))}, the last in which all 51 systems reported, state and federal prisons had counted ${count(Number(lastCases.value))} confirmed COVID-19 cases among incarcerated people since March 2020.${lastDeaths ? ` By ${date(String(lastDeaths.week))}, the last complete week for deaths, ${count(Number(lastDeaths.value))} had died.` : ''} All 51 systems reported cases in ${complete(cases).length} of ${cases.length} weeks and deaths in ${deaths.length}.`;
  },
  annotate: (rows) => {
    const out: Annotation[] = [];
    const c = complete(of(rows, 'cases')).at(-1);
    const d = complete(of(rows, 'deaths')).at(-1);
    if (c) out.push({ x: String(c.week), y: Number(c.value), series: 'cases', label: `${count(Number(c.value))} cases by ${date(String(c.week))}` });
    if (d) out.push({ x: String(d.week), y: Number(d.value), series: 'deaths', label: `${count(Number(d.value))} deaths by ${date(String(d.week))}` });
    return out;
  },
} satisfies ChartSpec;
