/**
 * City and town points, kelvins/US-Cities-Database (SOURCES-other.md §B3). The compiler does not
 * say where the coordinates come from; the Census places Gazetteer should replace it when copied.
 */
import { csvTable, type Correction } from '../lib/csv-table';
import type { SourceDecl } from '../lib/types';

const COMMIT = 'ab0961970d41f43f731314ef6f91e36606aafaac';

const CORRECTIONS: Correction[] = [
  { row: { ID: '4924' }, column: 'LONGITUDE', from: '-166.599722', to: '166.599722', why: 'Wake Island lies at 19°17′ N 166°36′ E; -166.6 is open ocean' },
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
      t.records.map((r) => ({ ...r.values, source_file: file!.label, source_row: r.row })),
    );
  },
} satisfies SourceDecl;
