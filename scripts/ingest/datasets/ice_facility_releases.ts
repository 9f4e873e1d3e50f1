import type { DatasetDecl } from '../lib/types';
import iceFacilityFy from './ice_facility_fy';

/** The yearly dataset's columns, which every release row has too (ADP here is fiscal-year-to-date). */
const SHARED = iceFacilityFy.fields.filter((f) => !['facility_id', 'fiscal_year', 'name', 'source_file', 'source_sheet', 'source_row', 'missing'].includes(f.name));
const COLS = SHARED.map((f) => f.name);
const FROM_STAGE: Record<string, string> = {
  adp_total: 'w.level_a + w.level_b + w.level_c + w.level_d',
  alos_days: 'w.alos',
  ...Object.fromEntries(COLS.filter((c) => c.startsWith('adp_') && c !== 'adp_total').map((c) => [c, `w.${c.slice(4)}`])),
};

/**
 * Facility × release. interval_adp is the average population between the release before (of the
 * same fiscal year) and this one, from the two year-to-date averages and their day counts:
 * (ADP_b × days_b − ADP_a × days_a) / (days_b − days_a). It is null, with the reason, where the
 * stream does not allow it.
 */
export default {
  name: 'ice_facility_releases',
  title: 'ICE detention facilities release by release: year-to-date and between-release populations',
  description:
    'One row per facility in each ICE release (see ice_releases), as its Facilities sheet lists it. adp_fytd is ICE\'s fiscal-year-to-date average daily population (sum of Level A–D) as of the release. ' +
    'interval_adp is the average population between the release before it in the same fiscal year and this one: (adp_fytd × facility_days − the previous adp_fytd × its facility_days) ÷ the days between, where facility_days is the day count behind ICE\'s averages, worked out from the averages themselves (see ice_releases). ' +
    'It is null, with the reason in interval_note, for the first release of a year, a superseded or repeated table, a table that does not add up to ICE\'s national average, a facility the release before did not list, a day count that cannot be worked out, or a negative result (ICE\'s two averages do not fit together). ' +
    'Every other column is as in ice_facility_fy, with the same nulls and reasons.',
  sources: ['ice-workbooks'],
  after: ['ice_facilities', 'ice_releases'],
  primaryKey: ['sha256', 'source_row'],
  temporal: 'release_date',
  fields: [
    { name: 'release_date', type: 'date', description: 'Data date of the release (ice_releases)', required: true },
    { name: 'sha256', type: 'string', description: 'The release (ice_releases.sha256)', required: true },
    { name: 'current', type: 'boolean', description: 'False when a later file has the same data date', required: true },
    { name: 'facility_id', type: 'string', description: 'Facility id (ice_facilities); key_method says how the row was tied to it', required: true },
    { name: 'fiscal_year', type: 'integer', description: 'Federal fiscal year of the release', required: true },
    { name: 'name', type: 'string', description: 'Facility name as ICE printed it in this release', required: true },
    { name: 'adp_fytd', type: 'number', unit: 'persons', description: 'Average daily population, fiscal year to date (sum of Level A–D)', min: 0 },
    ...SHARED.filter((f) => f.name !== 'adp_total'),
    { name: 'interval_adp', type: 'number', unit: 'persons', description: 'Average daily population between the release before and this one', min: 0 },
    { name: 'interval_start', type: 'date', description: 'Data date of the release before (the interval runs from there)' },
    { name: 'interval_days', type: 'integer', unit: 'days', description: 'Days the interval covers (difference of the two day counts)', min: 1 },
    { name: 'interval_note', type: 'string', description: 'Why interval_adp is null' },
    { name: 'key_method', type: 'string', description: 'How the row was tied to facility_id', required: true },
    { name: 'missing', type: 'string', description: 'Null columns and why' },
    { name: 'source_file', type: 'string', description: 'Source workbook', required: true },
    { name: 'source_sheet', type: 'string', description: 'Facilities sheet', required: true },
    { name: 'source_row', type: 'integer', description: 'Row (1-based)', required: true },
  ],
  sql: `
    WITH f AS (
      SELECT w.release_date::DATE AS release_date, w.sha256, r.current, k.facility_id, w.fiscal_year, w.name,
             w.level_a + w.level_b + w.level_c + w.level_d AS adp_fytd,
             ${COLS.filter((c) => c !== 'adp_total').map((c) => `${FROM_STAGE[c] ?? `w.${c}`} AS ${c}`).join(', ')},
             k.key_method, w.missing, w.source_file, w.source_sheet, w.source_row,
             r.facility_days, r.facilities_repeated, r.facilities_inconsistent, count(*) OVER (PARTITION BY w.sha256, k.facility_id) AS rows_here
      FROM stg_ice_rel_facilities w
      JOIN stg_ice_release_keys k USING (sha256, source_file, source_row)
      JOIN ice_releases r USING (sha256)
    ), usable AS (
      -- The releases an interval can run between: current, with a table of their own that adds up.
      -- Person-days (ADP × days, summed over facilities) can only grow within a year: a release whose
      -- total falls below the one before does not fit (2025-07-12 lists 5,000 fewer people a day than
      -- 2025-06-28), and intervals neither end nor start at it.
      SELECT sha256, fiscal_year, release_date, facility_days,
             person_days < lag(person_days) OVER (PARTITION BY fiscal_year ORDER BY release_date) AS shrinks
      FROM ice_releases JOIN (SELECT sha256, sum(adp_fytd) * any_value(facility_days) AS person_days FROM f GROUP BY ALL) USING (sha256)
      WHERE current AND NOT facilities_repeated AND NOT facilities_inconsistent
    ), seq AS (
      SELECT sha256, shrinks, lag(sha256) OVER w AS prev, lag(release_date) OVER w AS prev_date, lag(facility_days) OVER w AS prev_days
      FROM usable WHERE NOT coalesce(shrinks, false) WINDOW w AS (PARTITION BY fiscal_year ORDER BY release_date)
      UNION ALL
      SELECT sha256, shrinks, NULL, NULL, NULL FROM usable WHERE shrinks
    ), j AS (
      SELECT f.*, s.prev, s.prev_date, s.prev_days, s.shrinks, p.adp_fytd AS prev_adp, p.rows_here AS prev_rows, p.facility_id IS NOT NULL AS listed_before,
             (f.adp_fytd * f.facility_days - p.adp_fytd * s.prev_days) / (f.facility_days - s.prev_days) AS raw_interval
      FROM f LEFT JOIN seq s USING (sha256)
      LEFT JOIN (SELECT sha256, facility_id, sum(adp_fytd) AS adp_fytd, count(*) AS rows_here FROM f GROUP BY ALL) p ON p.sha256 = s.prev AND p.facility_id = f.facility_id
    ), n AS (
      SELECT *, CASE
        WHEN NOT current THEN 'superseded: a later file has the same data date'
        WHEN facilities_repeated THEN 'the facilities table repeats an earlier release'
        WHEN facilities_inconsistent THEN 'the facilities table of this release does not add up to ICE''s national average (see ice_releases.notes)'
        WHEN shrinks THEN 'ICE''s facilities add up to fewer person-days than in the release before: the two tables do not fit together'
        WHEN prev IS NULL THEN 'first release of FY' || fiscal_year || ' in the sources'
        WHEN facility_days IS NULL OR prev_days IS NULL THEN 'the days behind ICE''s averages cannot be worked out for this release or the one before (see ice_releases.notes)'
        WHEN facility_days <= prev_days THEN 'the averages cover no more days than those of the release before'
        WHEN rows_here > 1 OR prev_rows > 1 THEN 'ICE lists this facility in more than one row (under two names) in this release or the one before'
        WHEN NOT listed_before THEN 'not listed in the release before (' || prev_date || ')'
        WHEN adp_fytd IS NULL OR prev_adp IS NULL THEN 'ADP not reported in this release or the one before'
        WHEN raw_interval < 0 THEN 'negative (' || round(raw_interval, 1) || '): ICE''s two averages do not fit together'
      END AS note FROM j
    ), fit AS (
      -- Summed over facilities, the average between two releases is about the number of people held
      -- then (ICE's currently detained count: 0.8–1.2 times it across 2021–2026). A pair far from it
      -- does not fit together (2025-07-12 to 07-26 would add up to twice the people ICE held).
      SELECT n.sha256, sum(n.raw_interval) AS total, any_value(r.currently_detained) AS detained
      FROM n JOIN ice_releases r USING (sha256) WHERE n.note IS NULL GROUP BY 1
    ), m AS (
      SELECT n.*, coalesce(n.note, CASE WHEN fit.total NOT BETWEEN fit.detained / 1.5 AND fit.detained * 1.5
        THEN 'the facilities'' averages between this release and the one before add up to ' || round(fit.total)::BIGINT || ' people a day, against ' || round(fit.detained)::BIGINT || ' detained at this release: the two tables do not fit together' END) AS interval_note
      FROM n LEFT JOIN fit USING (sha256)
    )
    SELECT release_date, sha256, current, facility_id, fiscal_year, name, adp_fytd,
           ${COLS.filter((c) => c !== 'adp_total').join(', ')},
           CASE WHEN interval_note IS NULL THEN raw_interval END AS interval_adp,
           CASE WHEN interval_note IS NULL THEN prev_date END AS interval_start,
           CASE WHEN interval_note IS NULL THEN facility_days - prev_days END AS interval_days,
           interval_note, key_method, missing, source_file, source_sheet, source_row
    FROM m`,
} satisfies DatasetDecl;
