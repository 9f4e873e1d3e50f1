import type { DatasetDecl, FieldDecl } from '../lib/types';
import { COUNTS } from '../sources/marshall-covid-prisons';

const WHAT: Record<(typeof COUNTS)[number], string> = {
  staff_tests: 'Staff tested (people)',
  staff_tests_with_multiples: 'Tests of staff, counting repeat tests of one person',
  total_staff_cases: 'Staff who tested positive',
  staff_recovered: 'Staff recovered',
  total_staff_deaths: 'Staff deaths from COVID-19',
  staff_partial_dose: 'Staff with at least one vaccine dose',
  staff_full_dose: 'Staff fully vaccinated',
  prisoner_tests: 'Prisoners tested (people)',
  prisoner_tests_with_multiples: 'Tests of prisoners, counting repeat tests of one person',
  total_prisoner_cases: 'Prisoners who tested positive',
  prisoners_recovered: 'Prisoners recovered',
  total_prisoner_deaths: 'Prisoner deaths from COVID-19',
  prisoners_partial_dose: 'Prisoners with at least one vaccine dose',
  prisoners_full_dose: 'Prisoners fully vaccinated',
};

/** Weekly COVID-19 in each state prison system and the federal Bureau of Prisons (Marshall/AP). */
export default {
  name: 'covid_prisons',
  title: 'COVID-19 in state and federal prisons, weekly (The Marshall Project and AP)',
  description:
    'Cumulative COVID-19 tests, cases, recoveries, deaths and vaccinations among prisoners and prison staff, as reported each week by the 50 state prison systems and the federal Bureau of Prisons (system FED), March 2020 to June 2021. A blank count means the system did not provide that figure that week; it is never 0. Systems report on different days, so as_of_date differs between systems within the same weekly update. Counts are not comparable across systems that test differently. The 17 source rows of a system that sent nothing in a week (no date and no count) are left out.',
  sources: ['marshall-covid-prisons'],
  primaryKey: ['system', 'as_of_date'],
  temporal: 'as_of_date',
  fields: [
    { name: 'system', type: 'string', description: 'Prison system: 2-letter state code, or FED for the federal Bureau of Prisons (the source\'s "US")' },
    { name: 'system_name', type: 'string', description: 'System name in the source (state name or "Federal")', required: true },
    { name: 'as_of_date', type: 'date', description: 'Date the system\'s counts are as of' },
    ...COUNTS.map((k): FieldDecl => ({ name: k, type: 'integer', unit: 'persons', description: `${WHAT[k]}, cumulative; null = not provided`, min: 0 })),
    { name: 'notes', type: 'string', description: 'Marshall Project note on the week\'s figures' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Record in the source file (1-based; the header is row 1; notes may span lines)', required: true },
  ],
  sql: `SELECT system, system_name, CAST(as_of_date AS DATE) AS as_of_date, ${COUNTS.join(', ')}, notes, source_file, source_row FROM stg_marshall_cases`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'abbreviation' AS column, system || ' ' || system_name AS value FROM covid_prisons
            WHERE NOT (regexp_full_match(system, '[A-Z]{2}') OR (system = 'FED' AND system_name = 'Federal')) LIMIT 1`,
      message: 'expected a 2-letter state code, or "US" for the Federal system',
    },
    {
      sql: `SELECT min(source_file) source_file, min(source_row) source_row, 'name' AS column, system || ' = ' || string_agg(DISTINCT system_name, ', ') AS value
            FROM covid_prisons GROUP BY system HAVING count(DISTINCT system_name) > 1 LIMIT 1`,
      message: 'expected one name per system abbreviation',
    },
    {
      sql: `SELECT source_file, source_row, 'as_of_date' AS column, as_of_date::VARCHAR AS value FROM covid_prisons WHERE as_of_date NOT BETWEEN DATE '2020-03-01' AND DATE '2021-07-02' LIMIT 1`,
      message: 'expected a date between March 2020 and the final update (2021-07-02)',
    },
  ],
} satisfies DatasetDecl;
