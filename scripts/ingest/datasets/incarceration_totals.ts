import type { DatasetDecl } from '../lib/types';

// The parts are each rounded to 100, so their sum may be off the printed total by up to 300.
const SUM_OFF = `abs(c.custody_total - (c.custody_federal + c.custody_state + c.custody_local_jail)) > 300`;
const count = (name: string, description: string) => ({ name, type: 'integer' as const, unit: 'persons', description, min: 0 });

/** Table 1 rows, with the appendix tables' year columns joined to the December 31 rows of their years. */
export default {
  name: 'incarceration_totals',
  title: 'Everyone under U.S. adult correctional systems: prisons, local jails, probation, parole, 2000 and 2006–2016',
  description:
    'National totals from the Bureau of Justice Statistics report "Correctional Populations in the United States, 2016" (NCJ 251211): table 1 for 2000 and every year 2006–2016, ' +
    'with 2016 given twice (January 1 and December 31, BJS\'s comparison basis; the January 1 row has no incarcerated counts because BJS uses December 31, 2015 for them). ' +
    'incarcerated_total is local jail plus prison, adjusted by BJS for people counted in both; local jail counts are for the last weekday in June, prison, probation and parole for December 31. Counts are rounded to the nearest 100. ' +
    'Appendix table 2 (people held by other adult systems: U.S. territorial prisons, military facilities, jails in Indian country) and appendix table 3 (people in the physical custody of prisons and jails, and incarceration rates) cover 2000, 2010, 2015 and 2016 only; they are null in other years. ' +
    'The appendix table 3 total for 2010 is withheld (null, reason in missing): BJS prints 1,517,800, the federal plus state prisoners without the 748,700 in local jails. ' +
    'ICE immigration detention is in none of these totals (appendix table 3 explicitly excludes ICE facilities), nor are juvenile facilities.',
  sources: ['bjs-cpus16'],
  primaryKey: ['year', 'as_of'],
  temporal: 'as_of',
  fields: [
    { name: 'year', type: 'integer', description: 'Year of the count', required: true, min: 2000, max: 2016 },
    { name: 'as_of', type: 'date', description: 'Reference date: December 31 of the year, or 2016-01-01 for the January 1, 2016 row', required: true },
    { name: 'date_basis', type: 'string', description: 'What the reference date means for each count', required: true },
    count('total_correctional', 'Total adult correctional population (community supervision plus incarcerated, adjusted for dual status)'),
    count('community_supervision', 'Probation plus parole, adjusted for dual status'),
    count('probation', 'Adults on probation'),
    count('parole', 'Adults on parole'),
    count('incarcerated_total', 'Held in local jails or under the jurisdiction of state or federal prisons, adjusted for dual status'),
    count('local_jail', 'Held in local jails (last weekday in June)'),
    count('prison', 'Under the jurisdiction of state or federal prisons (December 31)'),
    count('other_adult_systems_total', 'Held by other adult systems (appendix table 2): territorial prisons, military facilities, jails in Indian country; not in incarcerated_total'),
    count('territorial_prisons', 'Prisons of U.S. territories and commonwealths'),
    count('military_facilities', 'Military correctional facilities'),
    count('indian_country_jails', 'Jails in Indian country (last weekday in June)'),
    count('custody_total', 'In the physical custody of state or federal prisons or local jails (appendix table 3)'),
    count('custody_federal', 'Federal prisoners in custody (BOP, private facilities, community corrections centers)'),
    count('custody_state', 'State prisoners in custody (state and private facilities)'),
    count('custody_local_jail', 'Local jail inmates (appendix table 3)'),
    { name: 'incarceration_rate', type: 'integer', unit: 'per 100,000 residents', description: 'People in custody per 100,000 U.S. residents of all ages', min: 0 },
    { name: 'adult_incarceration_rate', type: 'integer', unit: 'per 100,000 adult residents', description: 'People in custody per 100,000 U.S. residents age 18 or older', min: 0 },
    { name: 'missing', type: 'string', description: 'Why counts are null: a BJS marker ("~ (not applicable)") or "not in appendix tables" for years they do not cover' },
    { name: 'source_file', type: 'string', description: 'File of the table 1 values', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the table 1 values (1-based, as a text editor shows it)', required: true },
    { name: 'other_systems_source', type: 'string', description: 'File and year column of the appendix table 2 values' },
    { name: 'custody_source', type: 'string', description: 'File and year column of the appendix table 3 values' },
  ],
  sql: `
    SELECT t.year, CAST(t.as_of AS DATE) AS as_of,
      CASE WHEN t.as_of LIKE '%-01-01'
        THEN 'Community supervision on January 1, 2016; incarcerated counts not applicable (BJS adds the December 31, 2015 incarcerated population to the total)'
        ELSE 'Prison, probation and parole on December 31; local jail on the last weekday in June' END AS date_basis,
      t.total_correctional, t.community_supervision, t.probation, t.parole, t.incarcerated_total, t.local_jail, t.prison,
      o.other_adult_systems_total, o.territorial_prisons, o.military_facilities, o.indian_country_jails,
      -- cpus16at03 prints 1,517,800 as the 2010 Total: federal + state prisoners without local jails.
      CASE WHEN NOT ${SUM_OFF} THEN c.custody_total END AS custody_total, c.custody_federal, c.custody_state, c.custody_local_jail, c.incarceration_rate, c.adult_incarceration_rate,
      nullif(concat_ws('; ', t.missing, o.missing, c.missing,
        CASE WHEN ${SUM_OFF} THEN 'custody_total: withheld, BJS prints ' || c.custody_total || ', not federal + state + local jails (' || (c.custody_federal + c.custody_state + c.custody_local_jail) || ')' END,
        CASE WHEN o.year IS NULL THEN 'other adult systems, custody: not in appendix tables (2000, 2010, 2015, 2016 December 31 only)' END), '') AS missing,
      t.source_file, t.source_row, o.source AS other_systems_source, c.source AS custody_source
    FROM stg_cpus16_t01 t
    LEFT JOIN stg_cpus16_other o ON o.year = t.year AND t.as_of LIKE '%-12-31'
    LEFT JOIN stg_cpus16_custody c ON c.year = t.year AND t.as_of LIKE '%-12-31'`,
  checks: [
    {
      message: 'expected table 1 for 2000 and 2006–2016, with 2016 on January 1 and December 31 (13 rows)',
      sql: `SELECT 'dataset incarceration_totals' AS source_file, 'as_of' AS "column", count(*) AS value FROM incarceration_totals HAVING count(*) <> 13`,
    },
    {
      message: 'expected the appendix tables to cover 2000, 2010, 2015 and 2016',
      sql: `SELECT 'dataset incarceration_totals' AS source_file, 'year' AS "column", count(*) AS value FROM incarceration_totals WHERE custody_source IS NOT NULL AND other_systems_source IS NOT NULL HAVING count(*) <> 4`,
    },
    {
      message: 'expected community supervision = probation + parole within BJS rounding and dual-status adjustment (1%)',
      sql: `SELECT source_file, source_row, 'community_supervision' AS "column", community_supervision AS value FROM incarceration_totals
            WHERE abs(community_supervision - probation - parole) > 0.01 * community_supervision`,
    },
    {
      message: 'expected appendix table 3 local jails to equal table 1 local jail for the same year',
      sql: `SELECT source_file, source_row, 'local_jail' AS "column", local_jail AS value FROM incarceration_totals WHERE custody_local_jail <> local_jail`,
    },
  ],
} satisfies DatasetDecl;
