import type { DatasetDecl } from '../lib/types';

/** The 25 ERO field offices, with the states each covers from DDP's areas-of-responsibility file. */
export default {
  name: 'ice_field_offices',
  title: 'ICE Enforcement and Removal Operations field offices',
  description:
    'The 25 ICE Enforcement and Removal Operations (ERO) field offices: address, phone and community outreach e-mail as listed on ice.gov/contact/field-offices (ICE listed no phone for Dallas and for New Orleans, whose office is in St. Rose, LA), coordinates geocoded by Carwil Bjork-James, ICE\'s 3-letter area-of-responsibility code, and the states each office covers (county by county in California, New York and Texas: see ice_aor_coverage).',
  sources: ['ero-field-offices', 'ice-offices'],
  primaryKey: ['office_id'],
  fields: [
    { name: 'office_id', type: 'string', description: 'Slug of the office\'s area-of-responsibility name, e.g. new-york-city', required: true },
    { name: 'aor_code', type: 'string', description: 'ICE\'s 3-letter AOR code, as in the workbooks\' AOR column (e.g. ATL)', required: true },
    { name: 'aor_name', type: 'string', description: 'Area-of-responsibility name (e.g. Miami)', required: true },
    { name: 'office_name', type: 'string', description: 'Office name on ICE\'s page (e.g. Miramar Sub Office for Miami)', required: true },
    { name: 'address', type: 'string', description: 'Street address', required: true },
    { name: 'city', type: 'string', description: 'City', required: true },
    { name: 'state', type: 'string', description: 'State (2-letter code)', required: true },
    { name: 'zip', type: 'string', description: 'ZIP code (5 digits)', required: true },
    { name: 'zip4', type: 'string', description: 'ZIP+4 extension, where ICE gives one' },
    { name: 'phone', type: 'string', description: 'Phone number; null where ICE\'s page lists none' },
    { name: 'phone_note', type: 'string', description: 'Why phone is null' },
    { name: 'outreach_email', type: 'string', description: 'Community outreach e-mail address', required: true },
    { name: 'latitude', type: 'number', description: 'Latitude (WGS84), geocoded from the address', required: true, min: -90, max: 90 },
    { name: 'longitude', type: 'number', description: 'Longitude (WGS84), geocoded from the address', required: true, min: -180, max: 180 },
    { name: 'area_of_responsibility', type: 'string', description: 'Area of responsibility as ICE\'s page words it', required: true },
    { name: 'states', type: 'string', description: 'States and territories covered, wholly or in part (2-letter codes, comma-separated)', required: true },
    { name: 'partial_states', type: 'string', description: 'Of those, the states covered only in some counties' },
    { name: 'source_file', type: 'string', description: 'Source file of the office', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the office (1-based; the header is row 1)', required: true },
  ],
  sql: `WITH cov AS (
          SELECT office_id, string_agg(DISTINCT state_code, ', ' ORDER BY state_code) AS states,
                 string_agg(DISTINCT state_code, ', ' ORDER BY state_code) FILTER (WHERE county IS NOT NULL) AS partial_states
          FROM stg_aor_coverage GROUP BY office_id)
        SELECT e.office_id, aor_code, aor_name, office_name, address, city, state, zip, zip4, phone, phone_note, outreach_email, latitude, longitude,
               area_of_responsibility, cov.states, cov.partial_states, source_file, source_row
        FROM stg_ero_offices e LEFT JOIN cov USING (office_id)`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'office_name' AS "column", office_name AS value FROM stg_ero_offices
            WHERE office_id NOT IN (SELECT office_id FROM stg_aor_coverage) LIMIT 1`,
      message: 'expected this field office in ice-areas-of-responsibility.csv (add its AOR name to AOR_NAME in sources/ero-field-offices.ts)',
    },
    {
      sql: `SELECT source_file, source_row, 'office_name' AS "column", office_name AS value FROM stg_aor_coverage
            WHERE office_id NOT IN (SELECT office_id FROM stg_ero_offices) LIMIT 1`,
      message: 'expected this area-of-responsibility office among the ERO field offices',
    },
  ],
} satisfies DatasetDecl;
