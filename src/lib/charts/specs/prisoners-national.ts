import { count } from '$lib/format';
import type { Annotation, ChartSpec, Row } from '../types';
import { yearSpan } from '../period';

const SERIES: Record<string, string> = { US: 'All prisoners (state and federal)', STATE: 'State prisons', FED: 'Federal Bureau of Prisons' };

const of = (rows: Row[], j: string) => rows.filter((r) => r.jurisdiction === j && r.prisoners !== null);
const peak = (rs: Row[]) => [...rs].sort((a, b) => Number(b.prisoners) - Number(a.prisoners))[0];
const change = (from: Row, to: Row) => ((Number(to.prisoners) - Number(from.prisoners)) / Number(from.prisoners)) * 100;

export default {
  id: 'prisoners-national',
  kind: 'line',
  title: () => 'Prisoners under state and federal jurisdiction, by year',
  subtitle: (_, rows) => `People in prison on December 31 of each year, ${yearSpan(rows.filter((r) => r.prisoners !== null), 'year')}, any sentence length: the US total, state prisons and the federal Bureau of Prisons (BJS)`,
  topic: 'prisons',
  datasets: ['prison_population'],
  query: () => `
    SELECT CAST(year AS VARCHAR) AS year, jurisdiction,
      CASE jurisdiction ${Object.entries(SERIES).map(([j, n]) => `WHEN '${j}' THEN '${n}'`).join(' ')} END AS series,
      prisoners, revised_from,
      report || ', ' || source_file || ' row ' || source_row || ', column ' || source_column AS read_from
    FROM prison_population WHERE jurisdiction IN ('US', 'STATE', 'FED') ORDER BY year, jurisdiction DESC`,
  x: { field: 'year', label: 'Year', type: 'time' },
  y: { field: 'prisoners', label: 'Prisoners', unit: 'persons' },
  series: { field: 'jurisdiction', labels: SERIES },
  columns: [
    { field: 'year', label: 'Year', format: 'year' },
    { field: 'series', label: 'Jurisdiction', format: 'text' },
    { field: 'prisoners', label: 'Prisoners, December 31', format: 'count' },
    { field: 'revised_from', label: 'First published as (before BJS revised it)', format: 'count' },
    { field: 'read_from', label: 'Read from', format: 'text' },
  ],
  method:
    'Prisoners under the jurisdiction (legal authority, wherever held) of state or federal correctional authorities on December 31, from the Bureau of Justice Statistics\' National Prisoner Statistics tables in "Prisoners in 1998" through "Prisoners in 2022". Each year comes from the latest edition that gives it; 2012–2022 are BJS\'s revised series from "Prisoners in 2022".',
  caveats: [
    'Local jails and ICE immigration detention are not in these counts; see the ICE charts for detention.',
    'Where BJS revised a year in a later edition, the table gives the first-published figure beside it; the line uses the latest.',
    'Six states (AK, CT, DE, HI, RI, VT) run one combined prison and jail system, so their counts include people held in jail.',
  ],
  describe: (rows) => {
    const us = of(rows, 'US');
    const fed = of(rows, 'FED');
    const first = us[0];
    const top = peak(us);
    const last = us.at(-1);
    const fedTop = peak(fed);
    const fedLast = fed.at(-1);
    if (!first || !top || !last) return 'Prisoners under state and federal jurisdiction by year (BJS).';
    return `${count(Number(first.prisoners))} people were in US state and federal prisons at the end of ${first.year}. The total peaked at ${count(Number(top.prisoners))} in ${top.year} and was ${count(Number(last.prisoners))} at the end of ${last.year}, ${Math.abs(change(top, last)).toFixed(0)}% below the peak.${fedTop && fedLast ? ` The federal Bureau of Prisons held ${count(Number(fedTop.prisoners))} at its ${fedTop.year} peak and ${count(Number(fedLast.prisoners))} in ${fedLast.year}.` : ''}`;
  },
  annotate: (rows) => {
    const us = of(rows, 'US');
    const top = peak(us);
    const last = us.at(-1);
    const out: Annotation[] = [];
    if (top) out.push({ x: String(top.year), y: Number(top.prisoners), series: 'US', label: `Peak ${count(Number(top.prisoners))}, ${top.year}` });
    if (last && last !== top) out.push({ x: String(last.year), y: Number(last.prisoners), series: 'US', label: `${count(Number(last.prisoners))}, ${last.year}` });
    return out;
  },
} satisfies ChartSpec;
