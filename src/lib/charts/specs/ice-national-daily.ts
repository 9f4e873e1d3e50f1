import { count, date } from '$lib/format';
import type { Annotation, ChartSpec, Row } from '../types';
import { dateSpan } from '../period';

const SERIES: Record<string, string> = {
  ddp_midnight: 'Held at midnight (Deportation Data Project)',
  ddp_any_time: 'Held at any time of day (Deportation Data Project)',
  ice_covid_page: 'ICE COVID-19 page, "Total Detained"',
};
/** Short names for the table, which repeats them on every row. */
const SHORT: Record<string, string> = { ddp_midnight: 'DDP, at midnight', ddp_any_time: 'DDP, any time of day', ice_covid_page: 'ICE COVID-19 page' };

const of = (rows: Row[], s: string) => rows.filter((r) => r.series === s && r.value !== null);
const lowest = (rs: Row[]) => [...rs].sort((a, b) => Number(a.value) - Number(b.value))[0];
const highest = (rs: Row[]) => [...rs].sort((a, b) => Number(b.value) - Number(a.value))[0];

/** The 2020 drop (the ICE page's first count and its low) and the recent rise (the DDP low and high). */
function marks(rows: Row[]) {
  const ice = of(rows, 'ice_covid_page');
  const ddp = of(rows, 'ddp_midnight');
  const iceFirst = ice[0];
  const iceLow = lowest(ice);
  const ddpLow = lowest(ddp);
  const ddpHigh = highest(ddp.filter((r) => !ddpLow || String(r.date) > String(ddpLow.date)));
  return { iceFirst, iceLow, ddpLow, ddpHigh, ddpLast: ddp.at(-1) };
}

export default {
  id: 'ice-national-daily',
  kind: 'line',
  title: () => 'People in ICE detention, by day',
  subtitle: (_, rows) => `National count each day: ICE's COVID-19 page (${dateSpan(of(rows, 'ice_covid_page'), 'date')}) and ICE's own records from the Deportation Data Project (${dateSpan(of(rows, 'ddp_midnight'), 'date')})`,
  topic: 'ice',
  datasets: ['ice_national_daily'],
  query: () => `
    SELECT strftime(date, '%Y-%m-%d') AS date, series,
      CASE series ${Object.entries(SHORT).map(([id, n]) => `WHEN '${id}' THEN '${n}'`).join(' ')} ELSE series END AS measure,
      value
    FROM ice_national_daily ORDER BY date, series`,
  x: { field: 'date', label: 'Day', type: 'time' },
  y: { field: 'value', label: 'People in ICE detention', unit: 'persons' },
  series: { field: 'series', labels: SERIES },
  columns: [
    { field: 'date', label: 'Day', format: 'date' },
    { field: 'measure', label: 'Count', format: 'text' },
    { field: 'value', label: 'People detained', format: 'count' },
  ],
  method:
    'Three daily counts of one population. "DDP, at midnight": people held at midnight, summed over every facility in the Deportation Data Project\'s daily file, built from ICE\'s individual detention records released under FOIA; this is ICE\'s usual population measure. "DDP, any time of day": people held at any time that day, summed over facilities, so someone moved between facilities that day counts once in each. "ICE COVID-19 page": the "Total Detained" figure ICE posted on ice.gov/coronavirus, scraped daily by Nathan Craig, 2020-04-25 to 2022-05-05.',
  caveats: [
    'The two sources do not overlap: ICE stopped posting its COVID-19 page in May 2022 and the Deportation Data Project file starts on October 1, 2022, so the line has a gap between them.',
    'On days ICE\'s page said "NA" the count is not reported (a gap), never 0; the page also repeated the previous count on some days.',
    'These are one-day counts; ICE\'s average daily population (the monthly and annual charts) averages them over a period, so the figures differ.',
  ],
  describe: (rows) => {
    const m = marks(rows);
    const parts: string[] = [];
    if (m.iceFirst && m.iceLow)
      parts.push(`ICE's COVID-19 page counted ${count(Number(m.iceFirst.value))} people in detention on ${date(String(m.iceFirst.date))}; during the pandemic it fell to ${count(Number(m.iceLow.value))} on ${date(String(m.iceLow.date))}.`);
    if (m.ddpLow && m.ddpHigh && m.ddpLast)
      parts.push(`In ICE's own records (Deportation Data Project, people held at midnight) the count was ${count(Number(m.ddpLow.value))} on ${date(String(m.ddpLow.date))}, rose to ${count(Number(m.ddpHigh.value))} on ${date(String(m.ddpHigh.date))}, and was ${count(Number(m.ddpLast.value))} on ${date(String(m.ddpLast.date))}, the latest day.`);
    return parts.join(' ') || 'People in ICE detention by day, from ICE\'s COVID-19 page and the Deportation Data Project.';
  },
  annotate: (rows) => {
    const m = marks(rows);
    const out: Annotation[] = [];
    const add = (r: Row | undefined, label: string) => r && out.push({ x: String(r.date), y: Number(r.value), series: String(r.series), label });
    add(m.iceFirst, `${count(Number(m.iceFirst?.value))}, ${date(String(m.iceFirst?.date))}`);
    add(m.iceLow, `2020–21 low ${count(Number(m.iceLow?.value))}`);
    add(m.ddpHigh, `High ${count(Number(m.ddpHigh?.value))}, ${date(String(m.ddpHigh?.date))}`);
    return out;
  },
} satisfies ChartSpec;
