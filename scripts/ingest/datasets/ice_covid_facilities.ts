import { matchIceCovidFacilities } from '../match/ice-covid-facilities';
import type { DatasetDecl } from '../lib/types';

/** ICE's COVID-19 page named facilities, not codes: this ties each name to ice_facilities. */
export default {
  name: 'ice_covid_facilities',
  title: 'ICE COVID-19 page: facility names tied to ICE facility ids',
  description:
    'One row per facility name on ICE\'s COVID-19 page (ice_covid.facility_name, as written, scrape artefacts included), with the ICE facility it names (ice_facilities.facility_id) and how the two were tied. The page gives no code or state: Nathan Craig\'s location list for the page gives most names a state and address, and the name is matched among every spelling the facility has in ICE\'s workbooks, or by street address and ZIP. A name the list does not place is tied only when one ICE facility has that name. facility_id is null where nothing was found.',
  sources: ['ice-covid', 'ice-workbooks', 'ddp-daily', 'marshall-detention'],
  after: ['ice_facilities'],
  prepare: matchIceCovidFacilities,
  primaryKey: ['facility_name'],
  fields: [
    { name: 'facility_name', type: 'string', description: 'Facility name as ICE wrote it on its COVID-19 page (ice_covid.facility_name)', required: true },
    { name: 'facility_id', type: 'string', description: 'ICE facility id (ice_facilities); null when no facility was found' },
    { name: 'link_method', type: 'string', description: 'How the name was tied to the facility, or why it was not', required: true },
    { name: 'state', type: 'string', description: 'State given for the name in ICE\'s COVID location list (null when the list has no such name)' },
    { name: 'first_date', type: 'date', description: 'First day the page listed the name', required: true },
    { name: 'last_date', type: 'date', description: 'Last day the page listed the name', required: true },
    { name: 'days', type: 'integer', description: 'Days the page listed the name', required: true, min: 1 },
    { name: 'location_source_file', type: 'string', description: 'Location list file the state came from' },
    { name: 'location_source_row', type: 'integer', description: 'Row in the location list (1-based; the header is row 1)' },
  ],
  sql: `
    SELECT l.facility_name, l.facility_id, l.link_method, l.state, d.first_date, d.last_date, d.days, l.location_source_file, l.location_source_row
    FROM stg_icecovid_links l
    JOIN (SELECT facility_name, min(date)::DATE AS first_date, max(date)::DATE AS last_date, count(DISTINCT date) AS days
          FROM stg_icecovid_facility WHERE kept GROUP BY 1) d USING (facility_name)`,
  checks: [
    {
      sql: `SELECT 'ice_covid_facilities' AS source_file, 'facility_id' AS "column", facility_id AS value FROM ice_covid_facilities WHERE facility_id IS NOT NULL AND facility_id NOT IN (SELECT facility_id FROM ice_facilities) LIMIT 1`,
      message: 'expected every facility_id to be in ice_facilities',
    },
  ],
} satisfies DatasetDecl;
