import type { DatasetDecl } from '../lib/types';
import { CENTRE_KM } from '../lib/centre-points';
import { HELD_ELSEWHERE, PLACE_FIXES } from '../sources/ucla-cbb';
import { outsideUs } from './zip_centroids';

/** UCLA's registry of prisons, jails, ICE and psychiatric facilities; joined with ICE's own list elsewhere. */
export default {
  name: 'ucla_facilities',
  title: 'Carceral facilities: UCLA COVID Behind Bars facility list',
  description:
    'Every entry of the UCLA Law COVID Behind Bars facility list (January 2023): state and federal prisons, county jails, ICE detention and psychiatric facilities, with address, coordinates, February 2020 population and capacity (mostly from HIFLD Prison Boundaries and public records). Some entries are not facilities: "Geographic" and "Administrative" rows (a region, a headquarters), staff totals, offices and system-wide BOP/ICE rows (no state) are kept here, usually without coordinates; the facilities registry leaves them out and lists them, with the rule that excluded each, in facilities_excluded. A null population or capacity is "not available", never 0. ' +
    `\`state\` is the jurisdiction UCLA files the entry under, not always where the facility is: Saguaro Correctional Center in Eloy, Arizona is listed once under Hawaii and three times under Idaho, and GEO's Eagle Pass, Texas prison under Idaho, whose prisoners they hold; \`location_state\` is where the place is (${HELD_ELSEWHERE.length} reviewed rows, checked against County.FIPS). ` +
    `Every point lies in its location_state's outline. Points that stand for a state rather than a place are dropped, with the reason in location_note: rows with no city or street address whose point is shared with other such rows or within ${CENTRE_KM} km of the state's geographic centre (d3 geoCentroid of the us-atlas outline). ` +
    `Reviewed fixes of UCLA's cells, each with its reason in location_note: Facility.ID ${PLACE_FIXES.map((x) => x.id).join(', ')} (a Milledgeville hospital carrying a Columbus hospital's address and point; three jails joined to another state's namesake county in HIFLD, whose address, point and HIFLD figures are dropped; a Texas jail with an Idaho address; a Maryland jail filed under Massachusetts; two wrong county FIPS codes). Dawson County, Montana FIPS is corrected from 00021 to 30021 (three rows).`,
  sources: ['ucla-cbb'],
  primaryKey: ['ucla_id'],
  fields: [
    { name: 'ucla_id', type: 'integer', description: 'UCLA Facility.ID' },
    { name: 'name', type: 'string', description: 'Facility name as UCLA lists it', required: true },
    { name: 'jurisdiction', type: 'string', description: 'state, county, federal, immigration (ICE) or psychiatric', required: true },
    { name: 'description', type: 'string', description: 'Type: Prison, Jail, Transitional Center, Geographic, Administrative, …; null where UCLA gives none' },
    { name: 'security', type: 'string', description: 'Security level (Max, Med, Min, or a range such as Max/Min)' },
    { name: 'age', type: 'string', description: 'Adult, Juvenile or Mixed' },
    { name: 'gender', type: 'string', description: 'Male, Female or Mixed' },
    { name: 'state', type: 'string', description: 'State of the jurisdiction, 2-letter code (for a state prison, whose prisoners are held: can differ from where it is); null for system-wide rows' },
    { name: 'state_name', type: 'string', description: 'State as UCLA gives it ("Not Available" for system-wide rows)', required: true },
    { name: 'location_state', type: 'string', description: 'State the place is in, 2-letter code: `state`, except for a reviewed row filed under the state whose prisoners are held there' },
    { name: 'city', type: 'string', description: 'City' },
    { name: 'address', type: 'string', description: 'Street address' },
    { name: 'zip', type: 'string', description: 'ZIP code, 5 digits' },
    { name: 'county', type: 'string', description: 'County name' },
    { name: 'county_fips', type: 'string', description: 'County FIPS code, 5 digits' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude; null where UCLA has none', min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude; null where UCLA has none', min: -180, max: 180 },
    { name: 'location_note', type: 'string', description: 'Why the point or an address cell was dropped or corrected, or why location_state differs from state; null when UCLA\'s location stands as given' },
    { name: 'population_feb20', type: 'integer', unit: 'persons', description: 'People held, about February 2020', min: 0 },
    { name: 'population_feb20_source', type: 'string', description: 'Source of population_feb20 (HIFLD, Public Records, PREA Audit, Vera Jail Population Data)' },
    { name: 'capacity', type: 'integer', unit: 'persons', description: 'Design or rated capacity', min: 0 },
    { name: 'capacity_source', type: 'string', description: 'Source of capacity' },
    { name: 'hifld_id', type: 'integer', description: 'HIFLD Prison Boundaries FACILITYID' },
    { name: 'operator', type: 'string', description: 'Operator when it is not the jurisdiction itself (e.g. CoreCivic, GeoGroup), as UCLA spells it' },
    { name: 'operator_differs', type: 'boolean', description: 'True when a private or other operator runs the facility for the jurisdiction; null = unknown' },
    { name: 'website', type: 'string', description: 'Page UCLA scraped or cites for the facility' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT ucla_id, name, jurisdiction, description, security, age, gender, state, state_name, location_state, city, address, zip, county, county_fips, latitude, longitude, location_note,
               population_feb20, population_feb20_source, capacity, capacity_source, hifld_id, operator, operator_differs, website, source_file, source_row
        FROM stg_ucla_facilities`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'Jurisdiction' AS column, jurisdiction AS value FROM ucla_facilities
            WHERE jurisdiction NOT IN ('state', 'county', 'federal', 'immigration', 'psychiatric') LIMIT 1`,
      message: 'expected state, county, federal, immigration or psychiatric',
    },
    {
      sql: `SELECT source_file, source_row, 'Zipcode' AS column, zip AS value FROM ucla_facilities WHERE NOT regexp_full_match(zip, '\\d{5}') LIMIT 1`,
      message: 'expected a 5-digit ZIP code',
    },
    {
      sql: `SELECT source_file, source_row, 'Latitude, Longitude' AS column, latitude || ', ' || longitude AS value FROM ucla_facilities
            WHERE (latitude IS NULL) <> (longitude IS NULL) OR ${outsideUs('latitude', 'longitude')} LIMIT 1`,
      message: 'expected both coordinates, inside the United States or its territories, or neither',
    },
  ],
} satisfies DatasetDecl;
