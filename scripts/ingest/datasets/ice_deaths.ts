import { matchDeaths } from '../match/ice-deaths';
import type { DatasetDecl } from '../lib/types';
import { GAP } from '../../../src/lib/deaths/coverage';

/**
 * Rows whose cause says "not in custody", as reviewed against the source's README (2026-01: two
 * people shot by federal agents in January 2026). A different count fails the ingest, so a new
 * such row is read by a person before any page counts it one way or the other.
 */
export const NOT_IN_CUSTODY_REVIEWED = 2;
/** How a row is found not to be a death in custody: its cause text, never its name. */
export const NOT_IN_CUSTODY_SQL = `regexp_matches(cause_published, '\\bnot in custody\\b', 'i')`;

/** Deaths in ICE custody, one row per death, tied to the facility registry. */
export default {
  name: 'ice_deaths',
  title: 'Deaths in ICE custody, October 2003 – January 2026: one row per death',
  description:
    'Every death in Sanjay Basu and co-authors\' ice-detention-mortality file (all_274_deaths_detailed.csv), one row each, as the file publishes it: name, sex, age, country, date, facility and cause. ' +
    'source_kind says what each row rests on: ICE\'s FOIA list of deaths FY2003–2017 (final causes), an ICE detainee death report (one PDF per death, FY2018 on; causes final or preliminary) or a press report (the Guardian, 2025–26: reports, not ICE\'s findings; causes often preliminary or "under investigation"). source_url is that document. ' +
    `The file has no rows between ${GAP.after} and ${GAP.before} (its README says its FOIA list runs to 2017-06-05): deaths in late FY2017 and early FY2018 are missing from it, not zero. ` +
    'in_custody is false for the rows whose cause says "not in custody" (people shot by federal agents, kept in the list as the file does, never counted as deaths in custody). ' +
    'facility_id is the registry\'s id (ice_facilities, and facilities) where the facility the row names could be tied, with facility_match saying how (crosswalk, name+state, similar name+state) or why not. For FOIA-list rows the facility is the list\'s facility column (the Facility_Location cell), and that list\'s place-of-death column is not in the file; for later rows a hospital is the place of death, never the facility. ' +
    'state is the registry facility\'s state when tied, else the USPS code of the location the row gives. fiscal_year is the federal fiscal year of the date (October–September).',
  sources: ['ice-detention-mortality', 'ice-workbooks', 'ddp-daily', 'marshall-detention'],
  after: ['ice_facilities'],
  prepare: matchDeaths,
  primaryKey: ['death_date', 'name'],
  temporal: 'death_date',
  fields: [
    { name: 'death_date', type: 'date', description: 'Date of death (Date_of_Death)', required: true },
    { name: 'name', type: 'string', description: 'Name as the source publishes it (Name; FOIA-list rows in capitals, surname first)', required: true },
    { name: 'age', type: 'integer', unit: 'years', description: 'Age at death (Age); null when not reported (age_note)', min: 0, max: 120 },
    { name: 'age_note', type: 'string', description: 'Why age is null (not reported), else null' },
    { name: 'sex', type: 'string', description: 'Sex as published (Sex)', required: true },
    { name: 'country', type: 'string', description: 'Country of citizenship as published (Country)', required: true },
    { name: 'facility_published', type: 'string', description: 'Facility as published (Facility_Name; for FOIA-list rows the file\'s authors made it from the location cell, and it sometimes differs)', required: true },
    { name: 'facility_location_published', type: 'string', description: 'Location as published (Facility_Location; for FOIA-list rows, ICE\'s facility column "name, ST")', required: true },
    { name: 'facility_type_published', type: 'string', description: 'Facility type as published (Facility_Type: ICE\'s IGSA, DIGSA, SPC, CDF, BOP, HOSPITAL, … or "Not stated")', required: true },
    { name: 'facility_id', type: 'string', description: 'Registry id of the facility (ice_facilities.facility_id = facilities.facility_id); null when it could not be tied (facility_match says why)' },
    { name: 'facility_match', type: 'string', description: 'How facility_id was found ("crosswalk row N: …", "name+state", "similar name+state (…)", "named in the cause text …"), or the reason it is null', required: true },
    { name: 'state', type: 'string', description: 'USPS code of the state: the registry facility\'s when tied, else the state in the location the row gives (for a hospital-only row, the hospital\'s)', required: true },
    { name: 'place_of_death', type: 'string', description: 'Hospital where the person died, when the source names one apart from the facility (name, location)' },
    { name: 'place_of_death_note', type: 'string', description: 'Why place_of_death is null' },
    { name: 'cause_published', type: 'string', description: 'Cause of death as published (Cause_of_Death): final, preliminary or reported, by source_kind', required: true },
    { name: 'source_kind', type: 'string', description: '"ICE FOIA list", "ICE detainee death report" or "press report" (from Period and the address\'s host)', required: true },
    { name: 'source_url', type: 'string', description: 'Address of the document the row rests on (PDF_URL)', required: true },
    { name: 'fiscal_year', type: 'integer', description: 'Federal fiscal year of death_date (FY2026 = October 2025 – September 2026)', required: true },
    { name: 'in_custody', type: 'boolean', description: 'False when the cause says "not in custody": such rows are listed, never counted as deaths in custody', required: true },
    { name: 'custody_note', type: 'string', description: 'Why in_custody is false, else null' },
    { name: 'source_file', type: 'string', description: 'Source file (path under the sources folder)', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `
    SELECT d.death_date, d.name, d.age,
           CASE WHEN d.age IS NULL THEN 'not reported (the Age cell is ' || d.age_missing || ')' END AS age_note,
           d.sex, d.country, d.facility_published, d.facility_location_published, d.facility_type_published,
           l.facility_id, l.facility_match, l.state, l.place_of_death, l.place_of_death_note,
           d.cause_published, d.source_kind, d.source_url,
           year(d.death_date::DATE + 92) AS fiscal_year,
           NOT ${NOT_IN_CUSTODY_SQL.replace('cause_published', 'd.cause_published')} AS in_custody,
           CASE WHEN ${NOT_IN_CUSTODY_SQL.replace('cause_published', 'd.cause_published')} THEN 'not a death in custody: the cause as published says "not in custody"; listed as the source does, never counted as a death in custody' END AS custody_note,
           d.source_file, d.source_row
    FROM stg_deaths d JOIN stg_death_links l USING (source_row)`,
  checks: [
    {
      sql: `SELECT coalesce(min(source_file), 'ice_deaths') AS source_file, min(source_row) AS source_row, 'Cause_of_Death' AS "column", count(*) || ' rows say so' AS value
            FROM ice_deaths WHERE NOT in_custody HAVING count(*) <> ${NOT_IN_CUSTODY_REVIEWED}`,
      message: `expected exactly ${NOT_IN_CUSTODY_REVIEWED} rows whose cause says "not in custody" (reviewed; see NOT_IN_CUSTODY_REVIEWED in datasets/ice_deaths.ts): review the rows and update the count`,
    },
    {
      sql: `SELECT source_file, source_row, 'facility_id' AS "column", facility_id AS value FROM ice_deaths WHERE facility_id IS NOT NULL AND facility_id NOT IN (SELECT facility_id FROM ice_facilities) LIMIT 1`,
      message: 'expected every facility_id to be in ice_facilities',
    },
    {
      sql: `SELECT source_file, source_row, 'place_of_death' AS "column", facility_published AS value FROM ice_deaths WHERE (place_of_death IS NULL) = (place_of_death_note IS NULL) LIMIT 1`,
      message: 'expected either a place of death or the reason there is none',
    },
  ],
} satisfies DatasetDecl;
