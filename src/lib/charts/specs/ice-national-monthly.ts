import { count, date } from '$lib/format';
import type { ChartSpec, Row } from '../types';
import { dateSpan } from '../period';

const low = (rows: Row[]) => rows.filter((r) => String(r.month) >= '2020-01' && String(r.month) <= '2021-12' && r.adp !== null).sort((a, b) => Number(a.adp) - Number(b.adp))[0];
const high = (rows: Row[]) => rows.filter((r) => r.adp !== null).sort((a, b) => Number(b.adp) - Number(a.adp))[0];

export default {
  id: 'ice-national-monthly',
  kind: 'line',
  title: () => 'People in ICE detention, average per day, by month',
  subtitle: (_, rows) => `National average daily population, ${dateSpan(rows, 'month')} (the newest ICE workbook)`,
  topic: 'ice',
  datasets: ['ice_national_monthly'],
  query: () => `SELECT month, adp, CASE WHEN partial THEN 'partial month (data through ' || data_through || ')' ELSE 'complete month' END AS coverage FROM ice_national_monthly ORDER BY month`,
  x: { field: 'month', label: 'Month', type: 'time' },
  y: { field: 'adp', label: 'People detained (average per day)', unit: 'persons' },
  columns: [
    { field: 'month', label: 'Month', format: 'month' },
    { field: 'adp', label: 'Average daily population', format: 'count' },
    { field: 'coverage', label: 'Coverage', format: 'text' },
  ],
  method:
    'Average daily population (ADP): the national Total row of the table "ICE Average Daily Population by Facility Type and Month" in each yearly ICE workbook. Where two workbooks cover a month, the value comes from the workbook of that fiscal year.',
  caveats: [
    'The last month of the newest workbook is partial: its average covers only the days up to the data date.',
    'FY2021 data end on 09/11/2021 (the last FY2021 workbook ICE posted).',
  ],
  describe: (rows) => {
    const first = rows[0];
    const last = [...rows].reverse().find((r) => String(r.coverage) === 'complete month');
    const lo = low(rows);
    const hi = high(rows);
    if (!first || !last || !lo || !hi) return 'National average daily population in ICE detention by month.';
    return `On an average day in ${date(String(first.month))}, ${count(Number(first.adp))} people were in ICE detention. During the COVID-19 pandemic the number fell to ${count(Number(lo.adp))} in ${date(String(lo.month))}; it then rose to ${count(Number(hi.adp))} in ${date(String(hi.month))}, the highest month shown. Latest complete month: ${count(Number(last.adp))} (${date(String(last.month))}).`;
  },
  annotate: (rows) => {
    const lo = low(rows);
    const hi = high(rows);
    return [
      ...(lo ? [{ x: String(lo.month), y: Number(lo.adp), label: `Low ${count(Number(lo.adp))}, ${date(String(lo.month))}` }] : []),
      ...(hi ? [{ x: String(hi.month), y: Number(hi.adp), label: `High ${count(Number(hi.adp))}, ${date(String(hi.month))}` }] : []),
    ];
  },
} satisfies ChartSpec;
