import type { DatasetDecl } from '../lib/types';

/** The prison populations Marshall/AP used for their rates, one per system and monthly update. */
export default {
  name: 'covid_prison_populations',
  title: 'Prison populations used for COVID-19 rates, monthly (The Marshall Project and AP)',
  description:
    'Prison population of each state system and the federal Bureau of Prisons (system FED) collected with each monthly update of the Marshall Project/AP COVID-19 tracker, March 2020 to May 2021. `month` is the update the count was collected for; the count itself is as of `as_of_date`, which can be months earlier where a system sent nothing newer. The Marshall Project warns these figures are denominators for rates and not meant for trend comparison. One source error is corrected: the January 2021 counts of North Carolina, North Dakota, Oregon and Texas are dated in early 2020 in the file (e.g. 01/31/2020) and a year later here.',
  sources: ['marshall-covid-prisons'],
  primaryKey: ['system', 'month'],
  temporal: 'as_of_date',
  fields: [
    { name: 'system', type: 'string', description: 'Prison system: 2-letter state code, or FED for the federal Bureau of Prisons' },
    { name: 'system_name', type: 'string', description: 'System name in the source', required: true },
    { name: 'month', type: 'string', description: 'Monthly update, YYYY-MM (from the source label, e.g. jan_2021)' },
    { name: 'label', type: 'string', description: 'Update label in the source (march, …, jan_2021, …)', required: true },
    { name: 'as_of_date', type: 'date', description: 'Date the population count is as of', required: true },
    { name: 'population', type: 'integer', unit: 'persons', description: 'People in the system\'s prisons; null = not provided', min: 0 },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT system, system_name, month, label, CAST(as_of_date AS DATE) AS as_of_date, population, source_file, source_row FROM stg_marshall_populations`,
  checks: [
    {
      // A count can be stale (sent months earlier) but not dated before the tracker began or after its update.
      sql: `SELECT source_file, source_row, 'as_of_date' AS column, as_of_date::VARCHAR AS value FROM covid_prison_populations
            WHERE as_of_date < DATE '2020-03-01' OR as_of_date > CAST(month || '-01' AS DATE) + INTERVAL 1 MONTH + INTERVAL 15 DAY LIMIT 1`,
      message: 'expected a date between March 2020 and two weeks after the end of the update month',
    },
  ],
} satisfies DatasetDecl;
