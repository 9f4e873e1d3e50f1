import { count } from '$lib/format';
import { STATE_NAMES } from '$lib/geo/states';
import { yearSpan } from '../period';
import type { ChartSpec, Params, Row } from '../types';

/** The page passes the lower-case code of its URL; the data hold upper-case codes. The server checked it is an id. */
const code = (p: Params) => (p.state ?? '').toUpperCase();
const name = (p: Params) => STATE_NAMES[code(p)] ?? code(p);
const valued = (rows: Row[]) => rows.filter((r) => r.rate !== null);

/**
 * A state's imprisonment rate by year, as BJS publishes it (imprisonment_rates, one preferred row
 * per year): never our own division. The years in the subtitle come from the rows (../period).
 */
export default {
  id: 'state-imprisonment-rate',
  kind: 'line',
  param: 'state',
  // The 50 states: BJS gives DC no rate (its sentenced felons are federal prisoners since 2001).
  variants: `SELECT DISTINCT lower(jurisdiction) AS value FROM imprisonment_rates WHERE length(jurisdiction) = 2 AND jurisdiction <> 'US' ORDER BY 1`,
  subject: (p) => `SELECT any_value(jurisdiction_name) AS name FROM imprisonment_rates WHERE jurisdiction = '${code(p)}'`,
  title: () => 'imprisonment rate per 100,000 residents, by year',
  subtitle: (p, rows) => `Sentenced prisoners (more than 1 year) under ${name(p)}’s jurisdiction on December 31 of each year, ${yearSpan(valued(rows), 'year')}, per 100,000 residents of all ages, as BJS publishes it`,
  topic: 'prisons',
  datasets: ['imprisonment_rates'],
  query: (p) => `
    SELECT CAST(year AS VARCHAR) AS year, rate, missing, footnotes, disagreement,
      report || ', ' || source_file || ' row ' || source_row || ', column ' || source_column AS source
    FROM imprisonment_rates WHERE jurisdiction = '${code(p)}' AND preferred ORDER BY year`,
  x: { field: 'year', label: 'Year', type: 'time' },
  y: { field: 'rate', label: 'Per 100,000 residents', unit: 'sentenced prisoners per 100,000 residents' },
  columns: [
    { field: 'year', label: 'Year', format: 'year' },
    { field: 'rate', label: 'Imprisonment rate per 100,000', format: 'count' },
    { field: 'footnotes', label: 'BJS footnotes', format: 'text' },
    { field: 'disagreement', label: 'Another table gives', format: 'text' },
    { field: 'source', label: 'Read from', format: 'text' },
  ],
  method:
    'BJS’s imprisonment rate as printed in its tables: 2020 and 2021 from “Prisoners in 2021” table 7, with BJS’s footnote on the state; earlier years from imprison_rate.csv, compiled by Mitsuo Shiota from BJS’s rate tables of each following year’s report (footnotes not carried). Where two tables give a year, BJS’s own table is shown and the other value, if different, is in the table.',
  caveats: [
    'The rate counts sentenced prisoners (more than 1 year) only, per resident of all ages, so it is not the prison count divided by the population.',
    'Alaska, Connecticut, Delaware, Hawaii, Rhode Island and Vermont run prisons and jails as one system: their rates include people in jail. Local jails elsewhere, federal prisoners and ICE detention are not in a state’s rate.',
  ],
  describe: (rows, p) => {
    const v = valued(rows);
    const first = v[0];
    const last = v.at(-1);
    if (!first || !last) return `BJS publishes no imprisonment rate for ${name(p)} in these tables.`;
    const gaps = rows.filter((r) => r.rate === null).map((r) => r.year);
    return `${name(p)} imprisoned ${count(Number(first.rate))} sentenced people per 100,000 residents at the end of ${first.year} and ${count(Number(last.rate))} at the end of ${last.year} (BJS).${gaps.length ? ` No rate for ${gaps.join(', ')}.` : ''}`;
  },
  annotate: (rows) => {
    const last = valued(rows).at(-1);
    return last ? [{ x: String(last.year), y: Number(last.rate), label: `${last.year}: ${count(Number(last.rate))}` }] : [];
  },
} satisfies ChartSpec;
