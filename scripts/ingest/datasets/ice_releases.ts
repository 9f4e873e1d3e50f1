import type { DatasetDecl } from '../lib/types';

/** One row per ICE workbook (release), year-end and biweekly, with its dates weighed and its national figures. */
export default {
  name: 'ice_releases',
  title: 'ICE detention statistics releases: one row per workbook, FY2019 on',
  description:
    'Every distinct ICE "Detention Statistics" workbook in the sources (files with the same bytes are one release), named by its data date. ' +
    'The data date is the Footnotes\' "updated through" date when it lies in the fiscal year of the Facilities sheet, is no later than the file existed and agrees with the national monthly table; ' +
    'else the Footnotes\' snapshot date under the same checks; else the day the Facilities averages run through (their day count, worked out from the averages themselves: ADP × days is a whole number of person-days); date_source says which, and notes every disagreement. ' +
    'A later file with the same data date supersedes an earlier one (current is false for the earlier); a table with every figure the same as an earlier release\'s is flagged as repeated. ' +
    'National figures are read from the Detention sheet\'s Total rows, each with its cell; a table a release does not have is null with the reason.',
  sources: ['ice-workbooks'],
  primaryKey: ['sha256'],
  temporal: 'release_date',
  fields: [
    { name: 'release_date', type: 'date', description: 'Data date (see date_source)', required: true },
    { name: 'fiscal_year', type: 'integer', description: 'Fiscal year of the Facilities sheet (the FY24-named file of November 2024 holds FY2025)', required: true },
    { name: 'file', type: 'string', description: 'Source workbook (path under the sources folder)', required: true },
    { name: 'ice_file_name', type: 'string', description: 'ICE\'s own file name (ICE reuses names: not an identity)', required: true },
    { name: 'sha256', type: 'string', description: 'sha256 of the workbook\'s bytes: the release\'s identity', required: true },
    { name: 'same_bytes_as', type: 'string', description: 'Other source files with the same bytes ("; "-separated)' },
    { name: 'archived', type: 'date', description: 'Day an archive first saved the file (release folder only)' },
    { name: 'date_source', type: 'string', description: 'Where release_date comes from: footnote, snapshot, facility day count, file name or archived', required: true },
    { name: 'footnote_date', type: 'date', description: 'The Footnotes\' "updated through" date as printed' },
    { name: 'snapshot_date', type: 'date', description: 'The Footnotes\' "snapshot as of" date of the currently detained tables, as printed' },
    { name: 'file_name_date', type: 'date', description: 'The date in ICE\'s file name, where it has one' },
    { name: 'facility_days', type: 'integer', unit: 'days', description: 'Days from October 1 behind the Facilities sheet\'s averages (null where they cannot be worked out)', min: 1, max: 366 },
    { name: 'currently_detained', type: 'number', unit: 'persons', description: 'People in ICE detention at the snapshot (Currently Detained by Criminality and Arresting Agency, Total)', min: 0 },
    { name: 'currently_detained_ice', type: 'number', unit: 'persons', description: 'Of them, arrested by ICE', min: 0 },
    { name: 'currently_detained_cbp', type: 'number', unit: 'persons', description: 'Of them, arrested by CBP', min: 0 },
    { name: 'currently_detained_source', type: 'string', description: 'Cell of currently_detained, or why it is null' },
    { name: 'adp_fytd', type: 'number', unit: 'persons', description: 'National average daily population, fiscal year to date ("FY Overall")', min: 0 },
    { name: 'adp_fytd_source', type: 'string', description: 'Cell of adp_fytd, or why it is null' },
    { name: 'book_ins_fytd', type: 'number', unit: 'persons', description: 'Initial book-ins into ICE detention, fiscal year to date (Total)', min: 0 },
    { name: 'book_ins_source', type: 'string', description: 'Cell of book_ins_fytd, or why it is null' },
    { name: 'alos_fytd', type: 'number', unit: 'days', description: 'Average length of stay, fiscal year to date ("FY Overall")', min: 0 },
    { name: 'alos_source', type: 'string', description: 'Cell of alos_fytd, or why it is null' },
    { name: 'facility_rows', type: 'integer', description: 'Facility rows in the Facilities sheet', required: true, min: 0 },
    { name: 'current', type: 'boolean', description: 'False when a later file has the same data date (this one is superseded)', required: true },
    { name: 'superseded_by', type: 'string', description: 'The later file with the same data date' },
    { name: 'facilities_repeated', type: 'boolean', description: 'The Facilities table has every figure of an earlier release of the year', required: true },
    { name: 'facilities_repeat_of', type: 'string', description: 'The earlier release (file) whose facilities table this one repeats' },
    { name: 'facilities_inconsistent', type: 'boolean', description: 'The Facilities averages add up to under 90 % or over 110 % of ICE\'s national average for the year to date (93–101 % in other releases): the table is not what it claims', required: true },
    { name: 'national_repeated', type: 'boolean', description: 'The Detention sheet has every figure of an earlier release', required: true },
    { name: 'date_disagreement', type: 'boolean', description: 'The workbook\'s own dates disagree (notes says how)', required: true },
    { name: 'yearly', type: 'boolean', description: 'The release the yearly datasets (ice_facility_fy, ice_national_monthly, …) read for its fiscal year', required: true },
    { name: 'notes', type: 'string', description: 'Every disagreement and flag, in words' },
  ],
  sql: `
    SELECT release_date::DATE AS release_date, fiscal_year, file, ice_file_name, sha256, same_bytes_as, archived::DATE AS archived, date_source,
           footnote_date::DATE AS footnote_date, snapshot_date::DATE AS snapshot_date, file_name_date::DATE AS file_name_date, facility_days,
           currently_detained, currently_detained_ice, currently_detained_cbp, currently_detained_source,
           adp_fytd, adp_fytd_source, book_ins_fytd, book_ins_source, alos_fytd, alos_source, facility_rows,
           lead(release_date) OVER w IS DISTINCT FROM release_date AS current,
           CASE WHEN lead(release_date) OVER w = release_date THEN last_value(file) OVER (PARTITION BY release_date ORDER BY posted_rank ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) END AS superseded_by,
           facilities_repeat_of IS NOT NULL AS facilities_repeated, facilities_repeat_of, facilities_inconsistent, national_repeated, date_disagreement,
           yearly, notes
    FROM stg_ice_releases WINDOW w AS (ORDER BY posted_rank)`,
  checks: [
    { sql: `SELECT file AS source_file, 'release_date' AS column, release_date AS value FROM ice_releases r WHERE NOT EXISTS (SELECT 1 FROM ice_releases y WHERE y.yearly AND y.fiscal_year = r.fiscal_year) LIMIT 1`, message: 'expected one release per fiscal year to feed the yearly datasets' },
  ],
} satisfies DatasetDecl;
