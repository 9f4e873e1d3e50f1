import type { DatasetDecl } from '../lib/types';

/**
 * BJS's imprisonment rates as published, one row per jurisdiction, year and source table. Where
 * two tables give the same jurisdiction and year, both rows are kept; one is `preferred` (BJS's
 * own table over the compilation, then the latest report, since BJS revises earlier years), and a
 * different value in another table is named in `disagreement` on every row of that pair.
 */
export default {
  name: 'imprisonment_rates',
  title: 'Imprisonment rates per 100,000 U.S. residents, by state and year, as BJS publishes them, 2007–2022',
  description:
    'The Bureau of Justice Statistics imprisonment rate: sentenced prisoners (a sentence of more than 1 year) under state or federal jurisdiction on December 31, per 100,000 U.S. residents of all ages ' +
    '(Census Bureau estimates for January 1 of the following year). These are BJS\'s own rates, read from its tables, never recomputed here; they count sentenced prisoners only, so they are not prison_population divided by population. ' +
    'Sources: "Prisoners in 2022" table 5 (U.S. total, Federal and State, 2012–2022, no state rows); "Prisoners in 2021" table 7 (every state and the three totals, 2020 and 2021, with BJS\'s footnote on each state); ' +
    'and imprison_rate.csv, compiled by Mitsuo Shiota from BJS\'s rate tables of "Prisoners in 2008" to "Prisoners in 2021" (50 states, 2007–2021; BJS\'s footnotes are not in that file). ' +
    'A jurisdiction and year given by more than one table has a row per table: `preferred` marks the one to show (BJS\'s own table over the compilation, then the latest report, because BJS revises earlier years), and `disagreement` names the other tables\' values when they differ. ' +
    'footnotes carries BJS\'s footnote text for the row\'s name or column (for example that Alaska, Connecticut, Delaware, Hawaii, Rhode Island and Vermont run one combined prison and jail system). ' +
    'Local jails and ICE immigration detention are not in these rates. The District of Columbia has no rate: its sentenced felons are federal prisoners since 2001.',
  sources: ['bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners'],
  primaryKey: ['jurisdiction', 'year', 'source_file'],
  temporal: 'year',
  fields: [
    { name: 'jurisdiction', type: 'string', description: "'US' (U.S. total), 'FED' (Federal), 'STATE' (all states) or a 2-letter state code", required: true },
    { name: 'jurisdiction_name', type: 'string', description: 'Name of the jurisdiction, without BJS footnote markers', required: true },
    { name: 'year', type: 'integer', description: 'Year; rates are for December 31', required: true, min: 2007, max: 2022 },
    { name: 'rate', type: 'integer', unit: 'sentenced prisoners per 100,000 U.S. residents', description: "BJS's imprisonment rate as printed; null where BJS marks it not reported or not calculated (see missing)", min: 0 },
    { name: 'missing', type: 'string', description: "BJS's marker when rate is null, else null" },
    { name: 'footnotes', type: 'string', description: "BJS's footnotes on this row's name or column, as 'b: Prisons and jails form one integrated system. …' (one after another, each a sentence); null when there are none or the source file carries none (imprison_rate.csv)" },
    { name: 'preferred', type: 'boolean', description: 'True for the one row per jurisdiction and year to show: BJS\'s own table over the compilation, then the latest report', required: true },
    { name: 'disagreement', type: 'string', description: 'When another table gives a different rate for this jurisdiction and year: its value and cell; null when every table agrees or there is no other' },
    { name: 'report', type: 'string', description: 'Report and table (or compiled file) the rate comes from', required: true },
    { name: 'source_file', type: 'string', description: 'File of the rate, relative to the sources folder', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the rate in the file (1-based, as a text editor shows it)', required: true },
    { name: 'source_column', type: 'string', description: 'Column letter of the rate', required: true },
  ],
  sql: `
    WITH ranked AS (
      SELECT *, row_number() OVER (PARTITION BY jurisdiction, year ORDER BY source_id = 'mitsuoxv-prisoners', report_year DESC NULLS LAST, source_file) = 1 AS preferred
      FROM stg_bjs_rates),
    other AS (
      SELECT a.jurisdiction, a.year, a.source_file,
        string_agg(b.report || ' gives ' || coalesce(b.rate::VARCHAR, 'no rate') || ' (' || b.source_file || ' row ' || b.source_row || ', column ' || b.source_column || ')', '; ' ORDER BY b.source_file) AS disagreement
      FROM stg_bjs_rates a JOIN stg_bjs_rates b ON b.jurisdiction = a.jurisdiction AND b.year = a.year AND b.source_file <> a.source_file
      WHERE a.rate IS DISTINCT FROM b.rate
      GROUP BY ALL)
    SELECT r.jurisdiction, r.jurisdiction_name, r.year, r.rate, r.missing, r.footnotes, r.preferred, o.disagreement, r.report, r.source_file, r.source_row, r.source_column
    FROM ranked r LEFT JOIN other o USING (jurisdiction, year, source_file)`,
  checks: [
    {
      message: 'expected every state and the U.S., Federal and State totals to have a rate for the latest year their tables give',
      sql: `SELECT 'dataset imprisonment_rates' AS source_file, 'jurisdiction' AS "column", j AS value
            FROM (SELECT DISTINCT jurisdiction AS j FROM imprisonment_rates) WHERE j NOT IN (SELECT jurisdiction FROM imprisonment_rates WHERE preferred AND rate IS NOT NULL AND year >= 2021)`,
    },
  ],
} satisfies DatasetDecl;
