import type { DatasetDecl } from '../lib/types';
import { outsideUs } from './zip_centroids';

/** Browser-bound ("near me"): a city typed in becomes a point. Kept to the columns the lookup needs. */
export default {
  name: 'city_centroids',
  title: 'City and town centroids',
  description:
    'One point per city or town in the US-Cities-Database (50 states, DC and Puerto Rico), WGS84 degrees. Names repeat within a state: places of the same name in different counties are separate rows, told apart by county, and keyed by the database\'s own ID. The coordinates are of unstated origin and vintage. Two known errors are corrected: Wake Island (ID 4924) is at 166.599722° E, not W as the file has it, and Lantry, South Dakota (ID 24088) at 45.016667° N, not 40.016667° (a point in Nebraska).',
  sources: ['us-cities'],
  primaryKey: ['city_id'],
  fields: [
    { name: 'city_id', type: 'integer', description: 'ID in US-Cities-Database' },
    { name: 'city', type: 'string', description: 'City or town name', required: true },
    { name: 'state', type: 'string', description: 'State, 2-letter USPS code', required: true },
    { name: 'county', type: 'string', description: 'County (or parish, borough, municipio) name; null where the source gives none' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude', required: true, min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude', required: true, min: -180, max: 180 },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT city_id, city, state, county, latitude, longitude, source_file, source_row FROM stg_us_cities`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'STATE_CODE' AS column, state AS value FROM city_centroids WHERE NOT regexp_full_match(state, '[A-Z]{2}') LIMIT 1`,
      message: 'expected a 2-letter state code',
    },
    {
      sql: `SELECT source_file, source_row, 'LATITUDE, LONGITUDE' AS column, latitude || ', ' || longitude AS value FROM city_centroids WHERE ${outsideUs('latitude', 'longitude')} LIMIT 1`,
      message: 'expected a point inside the United States or its territories',
    },
  ],
} satisfies DatasetDecl;
