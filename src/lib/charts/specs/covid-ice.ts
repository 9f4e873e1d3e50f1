import { count, date } from '$lib/format';
import type { Annotation, ChartSpec, Row } from '../types';
import { dateSpan } from '../period';

const SERIES: Record<string, string> = {
  total_confirmed: 'Confirmed COVID-19 cases, cumulative',
  in_custody: 'People in ICE detention that day',
  deaths: 'Deaths from COVID-19, cumulative',
};
/** Short names for the table, which repeats them on every row. */
const SHORT: Record<string, string> = { total_confirmed: 'Cases (cumulative)', in_custody: 'In detention', deaths: 'Deaths (cumulative)' };

const of = (rows: Row[], s: string) => rows.filter((r) => r.series === s && r.value !== null);

export default {
  id: 'covid-ice',
  kind: 'line',
  title: () => 'COVID-19 in ICE detention',
  subtitle: (_, rows) => `Cumulative confirmed cases and deaths among people in ICE detention, and the number detained, as ICE posted them each day, ${dateSpan(rows, 'date')}`,
  topic: 'ice',
  datasets: ['ice_covid'],
  // One row per day and measure (long form), so each measure is a line and a gap where ICE wrote "NA".
  query: () => `
    SELECT strftime(date, '%Y-%m-%d') AS date, series,
      CASE series ${Object.entries(SHORT).map(([s, n]) => `WHEN '${s}' THEN '${n}'`).join(' ')} END AS measure,
      value
    FROM (
      SELECT date, source_row, 'total_confirmed' AS series, total_confirmed AS value, 1 AS k FROM ice_covid WHERE level = 'national'
      UNION ALL SELECT date, source_row, 'in_custody', in_custody, 2 FROM ice_covid WHERE level = 'national'
      UNION ALL SELECT date, source_row, 'deaths', deaths, 3 FROM ice_covid WHERE level = 'national'
    ) ORDER BY date, k`,
  x: { field: 'date', label: 'Day', type: 'time' },
  y: { field: 'value', label: 'People', unit: 'persons' },
  series: { field: 'series', labels: SERIES },
  columns: [
    { field: 'date', label: 'Day', format: 'date' },
    { field: 'measure', label: 'Measure', format: 'text' },
    { field: 'value', label: 'People', format: 'count' },
  ],
  method:
    'The national figures ICE posted on its COVID-19 page (ice.gov/coronavirus), scraped daily by Nathan Craig from March 27, 2020 to May 5, 2022: "Total Detained" (people in ICE detention that day), confirmed cases since testing began (cumulative, counting everyone who tested positive while detained) and detainee deaths attributed to COVID-19 (cumulative).',
  caveats: [
    'Where ICE\'s page said "NA" or left a figure blank, the value is not reported (a gap), never 0. The scraped page gives the number detained from April 25, 2020 and deaths from June 1, 2020.',
    'The counts are of people who tested positive while in ICE custody, as ICE reported them; how many cases were found depended on how many people ICE tested.',
    'Some days are missing where the page was not scraped.',
  ],
  describe: (rows) => {
    const cases = of(rows, 'total_confirmed');
    const deaths = of(rows, 'deaths');
    const held = of(rows, 'in_custody');
    const c0 = cases[0];
    const c1 = cases.at(-1);
    const d1 = deaths.at(-1);
    const h0 = held[0];
    const hLow = [...held].sort((a, b) => Number(a.value) - Number(b.value))[0];
    if (!c0 || !c1) return 'COVID-19 cases and deaths in ICE detention, as ICE posted them.';
    return `ICE reported ${count(Number(c0.value))} confirmed COVID-19 cases among people in its detention on ${date(String(c0.date))} and ${count(Number(c1.value))} in total by ${date(String(c1.date))}${d1 ? `, with ${count(Number(d1.value))} deaths` : ''}.${h0 && hLow ? ` Over the same period the number detained fell from ${count(Number(h0.value))} (${date(String(h0.date))}) to ${count(Number(hLow.value))} (${date(String(hLow.date))}).` : ''}`;
  },
  annotate: (rows) => {
    const out: Annotation[] = [];
    const c1 = of(rows, 'total_confirmed').at(-1);
    const d1 = of(rows, 'deaths').at(-1);
    if (c1) out.push({ x: String(c1.date), y: Number(c1.value), series: 'total_confirmed', label: `${count(Number(c1.value))} cases by ${date(String(c1.date))}` });
    if (d1) out.push({ x: String(d1.date), y: Number(d1.value), series: 'deaths', label: `${count(Number(d1.value))} deaths` });
    return out;
  },
} satisfies ChartSpec;
