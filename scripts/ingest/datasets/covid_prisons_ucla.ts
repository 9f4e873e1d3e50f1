import type { DatasetDecl, FieldDecl } from '../lib/types';

export const MEASURE_NOTE =
  'Measures use UCLA\'s names (data dictionary: github.com/uclalawcovid19behindbars/data): Residents/Staff × Confirmed (cases), Deaths, Tadmin (tests administered), Tested (people tested), Active, Initiated/Completed (vaccinations), Vadmin (vaccine doses), Population; names ending in .Pct are fractions of the population (0–1). All counts are cumulative except Active and Population.';

/** Columns shared by the weekly and the latest UCLA tables (UCLA system codes, long format). */
export const UCLA_COUNT_FIELDS: FieldDecl[] = [
  { name: 'system', type: 'string', description: 'US = national total; a 2-letter state code; FED = federal Bureau of Prisons; ICE = immigration detention' },
  { name: 'system_name', type: 'string', description: 'System as UCLA names it ("National" for the totals)', required: true },
  { name: 'measure', type: 'string', description: 'UCLA measure name, e.g. Residents.Confirmed' },
  { name: 'value', type: 'number', description: 'Value of the measure (people, tests or doses; a fraction for .Pct)', required: true, min: 0 },
  { name: 'reporting', type: 'integer', description: 'National rows: number of systems whose figures are in the total; null for a single system', min: 0 },
  { name: 'missing', type: 'string', description: 'National rows: systems not in the total, comma-separated' },
  { name: 'source_file', type: 'string', description: 'Source file', required: true },
  { name: 'source_row', type: 'integer', description: 'Record in the source file (1-based; the header is row 1)', required: true },
];

/** Weekly UCLA COVID-19 counts in each prison system and nationally, March 2020 – April 2022. */
export default {
  name: 'covid_prisons_ucla',
  title: 'COVID-19 in prisons by system, weekly (UCLA COVID Behind Bars)',
  description:
    `Weekly cumulative COVID-19 counts among incarcerated people ("Residents") and staff of each state prison system, DC, the federal Bureau of Prisons and ICE detention, and their national totals (system US), 2020-03-22 to 2022-04-03, in long format: one row per system, week and measure. A measure a system did not report that week has no row. A national total covers only the systems reporting that week (see reporting and missing), so it can fall from one week to the next. ${MEASURE_NOTE} The final cumulative snapshot is in covid_prisons_ucla_latest.`,
  sources: ['ucla-cbb'],
  primaryKey: ['system', 'measure', 'date'],
  temporal: 'date',
  fields: [{ name: 'date', type: 'date', description: 'Week (UCLA\'s weekly date, a Sunday)' }, ...UCLA_COUNT_FIELDS],
  sql: `SELECT CAST(date AS DATE) AS date, system, system_name, measure, value, reporting, missing, source_file, source_row FROM stg_ucla_weekly`,
} satisfies DatasetDecl;
