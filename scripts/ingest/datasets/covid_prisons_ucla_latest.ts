import type { DatasetDecl } from '../lib/types';
import { MEASURE_NOTE, UCLA_COUNT_FIELDS } from './covid_prisons_ucla';

/** UCLA's final cumulative counts per system and nationally (each system's latest report, April 2022). */
export default {
  name: 'covid_prisons_ucla_latest',
  title: 'COVID-19 in prisons by system, final cumulative counts (UCLA COVID Behind Bars)',
  description:
    `The last cumulative COVID-19 counts UCLA compiled (data as of 2022-04-07; each system's latest report, some from 2021): one row per system and measure for each state prison system, DC, the federal Bureau of Prisons (FED), ICE, and the national total (system US) with the number of systems it covers. A measure a system never reported has no row. ${MEASURE_NOTE}`,
  sources: ['ucla-cbb'],
  primaryKey: ['system', 'measure'],
  fields: UCLA_COUNT_FIELDS,
  sql: `SELECT system, system_name, measure, value, reporting, missing, source_file, source_row FROM stg_ucla_latest`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'Reporting' AS column, reporting AS value FROM covid_prisons_ucla_latest WHERE system = 'US' AND reporting IS NULL LIMIT 1`,
      message: 'expected the number of systems reporting on every national row',
    },
  ],
} satisfies DatasetDecl;
