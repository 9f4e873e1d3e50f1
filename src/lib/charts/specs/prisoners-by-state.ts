import { count, date } from '$lib/format';
import { STATES_AND_DC } from '$lib/geo/states';
import type { ChartSpec, Row } from '../types';
import { yearSpan } from '../period';

/** Every state and DC as an SQL VALUES list, so a jurisdiction without a count is a row that says so instead of vanishing. */
const JURISDICTIONS = STATES_AND_DC.map((s) => `('${s.code}', '${s.name.replace(/'/g, "''")}')`).join(', ');

const reported = (rows: Row[]) => rows.filter((r) => r.prisoners !== null).sort((a, b) => Number(b.prisoners) - Number(a.prisoners));

export default {
  id: 'prisoners-by-state',
  kind: 'choropleth',
  title: () => 'Prisoners by state',
  subtitle: (_, rows) => `People in prison under each state’s jurisdiction on December 31, ${yearSpan(rows, 'year')}, the latest year BJS reports (any sentence length)`,
  topic: 'prisons',
  page: '/states/',
  datasets: ['prison_population'],
  // The latest year is read from the data (the newest year with state rows), never typed in.
  query: () => `
    WITH s(state, name) AS (VALUES ${JURISDICTIONS}),
    latest AS (SELECT max(year) AS year FROM prison_population WHERE jurisdiction NOT IN ('US', 'FED', 'STATE')),
    flags AS (SELECT jurisdiction, bool_or(unified_system) AS unified, max(year) AS last_year FROM prison_population GROUP BY jurisdiction)
    SELECT s.state, s.name, latest.year, p.prisoners, prev.prisoners AS previous,
      CASE WHEN flags.unified THEN 'yes: count includes jail inmates' ELSE 'no' END AS unified_system,
      CASE
        WHEN p.prisoners IS NULL AND flags.last_year IS NOT NULL THEN 'no BJS count after ' || flags.last_year
        WHEN p.revised_from IS NOT NULL THEN 'revised from ' || p.revised_from || ' (' || p.revised_from_report || ')'
        ELSE p.report END AS note
    FROM s CROSS JOIN latest
    LEFT JOIN prison_population p ON p.jurisdiction = s.state AND p.year = latest.year
    LEFT JOIN prison_population prev ON prev.jurisdiction = s.state AND prev.year = latest.year - 1
    LEFT JOIN flags ON flags.jurisdiction = s.state
    ORDER BY s.name`,
  x: { field: 'state', label: 'State', type: 'state' },
  y: { field: 'prisoners', label: 'Prisoners', unit: 'persons' },
  columns: [
    { field: 'name', label: 'State', format: 'text' },
    { field: 'state', label: 'Code', format: 'text' },
    { field: 'prisoners', label: 'Prisoners, December 31', format: 'count' },
    { field: 'previous', label: 'A year earlier', format: 'count' },
    { field: 'year', label: 'Year', format: 'year' },
    { field: 'unified_system', label: 'Prisons and jails one system', format: 'text' },
    { field: 'note', label: 'Source or note', format: 'text' },
  ],
  method:
    'Prisoners under each state’s jurisdiction (its legal authority, wherever they are held, including private prisons and local jails holding them for the state) on December 31 of the newest year with state counts, from the BJS National Prisoner Statistics tables; for 2021 and 2022 this is table 2 of “Prisoners in 2022”. Where a later BJS report revised a year, the revised count is shown and the first-published one is kept in the data.',
  caveats: [
    'Alaska, Connecticut, Delaware, Hawaii, Rhode Island and Vermont run prisons and jails as one system, so their counts include people held in jail; other states’ counts do not.',
    'The District of Columbia’s sentenced felons became federal prisoners, so BJS gives no DC count in recent years: DC is hatched as not reported, and the note column gives its last year with a count.',
    'Federal prisoners are not in any state’s count. Local jails and ICE detention are not in these counts.',
  ],
  describe: (rows) => {
    const r = reported(rows);
    const top = r[0];
    const second = r[1];
    const low = r.at(-1);
    if (!top || !second || !low) return 'Prisoners under each state’s jurisdiction: no counts in the data.';
    const total = r.reduce((s, x) => s + Number(x.prisoners), 0);
    const missing = rows.filter((x) => x.prisoners === null).map((x) => String(x.name));
    const when = date(`${String(top.year)}-12-31`);
    return `On ${when}, ${count(total)} people were in prison under the jurisdiction of the ${r.length} states shown. ${top.name} held the most (${count(Number(top.prisoners))}), then ${second.name} (${count(Number(second.prisoners))}); ${low.name} held the fewest (${count(Number(low.prisoners))}).${missing.length ? ` Not reported: ${missing.join(', ')}.` : ''}`;
  },
} satisfies ChartSpec;
