import type { DatasetDecl } from '../lib/types';

/**
 * National and facility rows in one table (`level`). The key includes source_row because a
 * national row has no facility name and ICE sometimes listed one name twice in a day (`entry`).
 */
export default {
  name: 'ice_covid',
  title: 'COVID-19 in ICE detention: daily national and facility figures, 2020–2022',
  description:
    'Figures ICE posted on its COVID-19 page (ice.gov/coronavirus), scraped daily by Nathan Craig, 2020-03-27 to 2022-05-05 with some days missing. National rows: people detained, people tested, cumulative and current confirmed cases, deaths. Facility rows: current cases under isolation or monitoring, deaths, total confirmed cases, under the facility name as ICE wrote it. When the page was scraped twice in one day (2020-08-19) only the later scrape is kept. When ICE listed one name twice on a day, under two field offices with different counts (e.g. Kay County Detention Center among both Chicago\'s and Dallas\'s facilities, 2020–2021), both lines are kept, as entry 1 and 2 in page order. "NA" or blank cells are null, with the reason in `missing`.',
  sources: ['ice-covid'],
  primaryKey: ['date', 'level', 'source_row'],
  temporal: 'date',
  fields: [
    { name: 'date', type: 'date', description: 'Day of the scrape', required: true },
    { name: 'level', type: 'string', description: 'national or facility', required: true },
    { name: 'facility_name', type: 'string', description: 'Facility rows: name as ICE wrote it (not an ICE code; spelling varies over time). Null on national rows' },
    { name: 'entry', type: 'integer', description: 'Facility rows: 1, or 2 for the second line with the same name that day', min: 1 },
    { name: 'in_custody', type: 'integer', unit: 'persons', description: 'National rows: people in ICE detention ("Total Detained")', min: 0 },
    { name: 'tested', type: 'integer', unit: 'persons', description: 'National rows: people tested since testing began (cumulative)', min: 0 },
    { name: 'total_confirmed', type: 'integer', unit: 'persons', description: 'Confirmed COVID-19 cases since the pandemic began (cumulative)', min: 0 },
    { name: 'current_cases', type: 'integer', unit: 'persons', description: 'Confirmed cases currently in custody under isolation or monitoring', min: 0 },
    { name: 'deaths', type: 'integer', unit: 'persons', description: 'Detainee deaths attributed to COVID-19 (cumulative)', min: 0 },
    { name: 'note', type: 'string', description: 'Hand corrections and double-scrape days' },
    { name: 'missing', type: 'string', description: 'Columns left null and why (the cell as written: "NA" or blank)' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the values (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT date::DATE AS date, 'national' AS level, NULL AS facility_name, NULL AS entry, in_custody, tested, total_confirmed, current_cases, deaths,
               NULL AS note, missing, source_file, source_row
        FROM stg_icecovid_national
        UNION ALL
        SELECT date::DATE, 'facility', facility_name, entry, NULL, NULL, total_confirmed, current_cases, deaths, note, missing, source_file, source_row
        FROM stg_icecovid_facility WHERE kept`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'Custody.AOR.Facility' AS "column", facility_name AS value FROM (
              SELECT *, count(*) OVER (PARTITION BY date, facility_name, entry) AS n FROM stg_icecovid_facility WHERE kept) WHERE n > 1 LIMIT 1`,
      message: 'expected one kept row per date, facility name and entry',
    },
  ],
} satisfies DatasetDecl;
