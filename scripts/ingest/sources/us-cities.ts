/**
 * City and town points, kelvins/US-Cities-Database (SOURCES-other.md §B3). The compiler does not
 * say where the coordinates come from; the Census places Gazetteer should replace it when copied.
 */
import { csvTable, type Correction } from '../lib/csv-table';
import { CENTROID_KM, checkPoint, stateAbbr, type PointException } from '../lib/us-places';
import type { SourceDecl } from '../lib/types';

const COMMIT = 'ab0961970d41f43f731314ef6f91e36606aafaac';

const CORRECTIONS: Correction[] = [
  { row: { ID: '4924' }, column: 'LONGITUDE', from: '-166.599722', to: '166.599722', why: 'Wake Island lies at 19°17′ N 166°36′ E; -166.6 is open ocean' },
  {
    row: { ID: '24088' }, column: 'LATITUDE', from: '40.016667', to: '45.016667',
    why: 'Lantry, Dewey County, South Dakota lies at 45°01′ N 101°26′ W (ZCTA 57636, Lantry\'s ZIP, has its internal point at 45.03° N 101.44° W); 40.016667 is in Nebraska, 331 km south',
  },
];

/** Places the outline check cannot confirm, reviewed: their points are right. */
const OUTSIDE_STATE: PointException[] = [
  { key: '4924', lat: 19.283056, lon: 166.599722, action: 'keep', why: 'Wake Island, a US territory with no us-atlas outline (not part of Hawaii, under which the database files it)' },
];

export default {
  id: 'us-cities',
  title: 'US Cities Database (city and town centroids)',
  publisher: 'Kelvin S. do Prado (US-Cities-Database); original source of the coordinates not stated',
  homepage: 'https://github.com/kelvins/US-Cities-Database',
  license: 'mit',
  attribution: 'City centroids: US-Cities-Database (MIT, Copyright (c) 2017 Kelvin S. do Prado).',
  via: `GitHub kelvins/US-Cities-Database@${COMMIT}, path csv/us_cities.csv`,
  files: [{ dir: 'geo/us-cities-database', name: 'us_cities.csv', urls: [`https://raw.githubusercontent.com/kelvins/US-Cities-Database/${COMMIT}/csv/us_cities.csv`] }],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = csvTable(ctx, file!, {
      header: ['ID', 'STATE_CODE', 'CITY', 'COUNTY', 'LATITUDE', 'LONGITUDE'],
      columns: {
        city_id: { kind: 'integer', header: 'ID', required: true, min: 1 },
        state: { kind: 'text', header: 'STATE_CODE', required: true },
        city: { kind: 'text', header: 'CITY', required: true },
        county: { kind: 'text', header: 'COUNTY' },
        latitude: { kind: 'number', header: 'LATITUDE', required: true, min: -90, max: 90 },
        longitude: { kind: 'number', header: 'LONGITUDE', required: true, min: -180, max: 180 },
      },
    }, CORRECTIONS);
    await ctx.stage(
      'stg_us_cities',
      { city_id: 'INTEGER', city: 'VARCHAR', state: 'VARCHAR', county: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', source_file: 'VARCHAR', source_row: 'INTEGER' },
      t.records.map((r) => {
        const at = (column: string) => ({ file: file!.label, row: r.row, column });
        const state = stateAbbr(r.values.state, at('STATE_CODE'));
        checkPoint({ where: at('LATITUDE, LONGITUDE'), key: String(r.values.city_id), states: [state!], lat: r.values.latitude as number, lon: r.values.longitude as number }, CENTROID_KM, OUTSIDE_STATE, 'OUTSIDE_STATE, sources/us-cities.ts');
        return { ...r.values, source_file: file!.label, source_row: r.row };
      }),
    );
  },
} satisfies SourceDecl;
