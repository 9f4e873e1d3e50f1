import type { DatasetDecl } from '../lib/types';
import { outsideUs } from './zip_centroids';

/** Where to call or visit at home: every district (state) office of a current member. */
export default {
  name: 'legislator_offices',
  title: 'District offices of current members of Congress',
  description:
    'One row per district or state office of a current member of Congress (congress-legislators snapshot of 2026-06-15), with address, phone, opening hours and coordinates where the project has geocoded the office. The ZIP code is split into its 5 digits and the ZIP+4 suffix. The Rock Island, IL office of S001225 has no coordinates here: the source gives latitude 441.5080197.',
  sources: ['congress-legislators'],
  after: ['legislators'],
  primaryKey: ['office_id'],
  fields: [
    { name: 'office_id', type: 'string', description: 'Office ID in congress-legislators (bioguide ID and city, e.g. A000055-cullman)' },
    { name: 'bioguide_id', type: 'string', description: 'Member (see legislators)', required: true },
    { name: 'address', type: 'string', description: 'Street address' },
    { name: 'suite', type: 'string', description: 'Suite or room' },
    { name: 'building', type: 'string', description: 'Building name' },
    { name: 'city', type: 'string', description: 'City' },
    { name: 'state', type: 'string', description: 'State, 2-letter USPS code' },
    { name: 'zip', type: 'string', description: 'ZIP code, 5 digits' },
    { name: 'zip4', type: 'string', description: 'ZIP+4 suffix, 4 digits, where given' },
    { name: 'phone', type: 'string', description: 'Office phone' },
    { name: 'hours', type: 'string', description: 'Opening hours as published' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude; null where not geocoded', min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude; null where not geocoded', min: -180, max: 180 },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT office_id, bioguide_id, address, suite, building, city, state, left(zip, 5) AS zip, nullif(substr(zip, 7), '') AS zip4,
               phone, hours, latitude, longitude, source_file, source_row
        FROM stg_legislator_offices`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'zip' AS column, zip AS value FROM stg_legislator_offices WHERE NOT regexp_full_match(zip, '\\d{5}(-\\d{4})?') LIMIT 1`,
      message: 'expected a ZIP code (12345) or ZIP+4 (12345-6789)',
    },
    {
      sql: `SELECT source_file, source_row, 'bioguide' AS column, bioguide_id AS value FROM legislator_offices WHERE bioguide_id NOT IN (SELECT bioguide_id FROM legislators) LIMIT 1`,
      message: 'expected the office of a current member (legislators-current.csv)',
    },
    {
      sql: `SELECT source_file, source_row, 'latitude, longitude' AS column, latitude || ', ' || longitude AS value FROM legislator_offices
            WHERE (latitude IS NULL) <> (longitude IS NULL) OR ${outsideUs('latitude', 'longitude')} LIMIT 1`,
      message: 'expected both coordinates, inside the United States or its territories, or neither',
    },
  ],
} satisfies DatasetDecl;
