import { count } from '$lib/format';
import { STATE_NAMES, STATES_AND_DC } from '$lib/geo/states';
import type { ChartSpec, Params, Row } from '../types';
import { yearSpan } from '../period';

/** The page passes the lower-case code of its URL; the data hold upper-case codes. The server checked it is an id. */
const code = (p: Params) => (p.state ?? '').toUpperCase();
// In running text DC takes the article: "prisoners in the District of Columbia".
const name = (p: Params) => (code(p) === 'DC' ? 'the District of Columbia' : (STATE_NAMES[code(p)] ?? code(p)));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const valued = (rows: Row[]) => rows.filter((r) => r.prisoners !== null);
const peak = (rows: Row[]) => [...valued(rows)].sort((a, b) => Number(b.prisoners) - Number(a.prisoners))[0];

export default {
  id: 'state-prisoners',
  kind: 'line',
  param: 'state',
  variants: STATES_AND_DC.map((s) => s.code.toLowerCase()),
  title: (p) => `Prisoners under ${name(p)}’s jurisdiction, by year`,
  subtitle: (_, rows) => `People in prison on December 31 of each year, ${yearSpan(valued(rows), 'year')}, any sentence length (BJS)`,
  topic: 'prisons',
  datasets: ['prison_population'],
  query: (p) => `
    SELECT CAST(year AS VARCHAR) AS year, prisoners, revised_from, revised_from_report,
      report || ', ' || source_file || ' row ' || source_row || ', column ' || source_column AS source
    FROM prison_population WHERE jurisdiction = '${code(p)}' ORDER BY year`,
  x: { field: 'year', label: 'Year', type: 'time' },
  y: { field: 'prisoners', label: 'Prisoners', unit: 'persons' },
  columns: [
    { field: 'year', label: 'Year', format: 'year' },
    { field: 'prisoners', label: 'Prisoners, December 31', format: 'count' },
    { field: 'revised_from', label: 'First published as (before BJS revised it)', format: 'count' },
    { field: 'revised_from_report', label: 'First published in', format: 'text' },
    { field: 'source', label: 'Read from', format: 'text' },
  ],
  method:
    'Each year’s count is the one in the latest BJS “Prisoners in …” report that gives it (usually the next year’s report, which revises the year before); the report, file, row and column of each value are in the table. Where a later report changed a count, the first-published value is kept beside it.',
  caveats: [
    'BJS revises earlier years in later reports; the chart shows the latest count BJS published for each year.',
    'Counts are of prisoners under the state’s jurisdiction (legal authority), wherever held; they leave out local jails (except in the six states whose prisons and jails are one system), federal prisoners and ICE detention.',
  ],
  describe: (rows, p) => {
    const v = valued(rows);
    const first = v[0];
    const last = v.at(-1);
    const hi = peak(rows);
    if (!first || !last || !hi) return `BJS reports no prison count for ${name(p)}.`;
    const revised = rows.filter((r) => r.revised_from !== null).length;
    return `${cap(name(p))} had ${count(Number(first.prisoners))} prisoners at the end of ${first.year} and ${count(Number(last.prisoners))} at the end of ${last.year}; the most was ${count(Number(hi.prisoners))}, in ${hi.year}.${revised ? ` BJS revised ${revised} of these ${v.length} yearly counts after first publishing them.` : ''}`;
  },
  annotate: (rows) => {
    const hi = peak(rows);
    const last = valued(rows).at(-1);
    return [
      ...(hi ? [{ x: String(hi.year), y: Number(hi.prisoners), label: `Peak ${count(Number(hi.prisoners))}, ${hi.year}` }] : []),
      ...(last && last !== hi ? [{ x: String(last.year), y: Number(last.prisoners), label: `${last.year}: ${count(Number(last.prisoners))}` }] : []),
    ];
  },
} satisfies ChartSpec;
