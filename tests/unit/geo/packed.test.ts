import { describe, expect, it } from 'vitest';
import { packCities, packZips, unpackCities, unpackZips } from '../../../src/lib/geo/packed';

const zips = { zip: ['00601', '00602', '10001', '99950'], lat: [18.1808, 18.3618, 40.7507, 55.5433], lon: [-66.7498, -67.176, -73.9973, -131.4342] };
const districts = { zcta: ['00602', '10001'], districts: ['PR-0', 'NY-10|NY-12'] };

describe('packed look-up files', () => {
  it('round-trips ZIPs (leading zeros kept), centroids to 0.001° and districts', () => {
    const back = unpackZips(JSON.parse(JSON.stringify(packZips(zips, districts))));
    expect(back.zips.zip).toEqual(zips.zip);
    back.zips.lat.forEach((v, i) => expect(Math.abs(v - zips.lat[i]!)).toBeLessThanOrEqual(0.0005 + 1e-9));
    back.zips.lon.forEach((v, i) => expect(Math.abs(v - zips.lon[i]!)).toBeLessThanOrEqual(0.0005 + 1e-9));
    expect(back.districts).toEqual(districts);
  });
  it('refuses districts for a ZCTA without a centroid', () => {
    expect(() => packZips(zips, { zcta: ['20500'], districts: ['DC-0'] })).toThrow(/20500/);
  });
  it('round-trips cities with their states; rows must be sorted by state', () => {
    const cities = { city: ['Adak', 'Anchorage', 'Auburn', 'Auburn'], state: ['AK', 'AK', 'AL', 'WA'], lat: [51.88, 61.2176, 32.6099, 47.3073], lon: [-176.6581, -149.8997, -85.4808, -122.2285] };
    const back = unpackCities(packCities(cities));
    expect(back.city).toEqual(cities.city);
    expect(back.state).toEqual(cities.state);
    back.lat.forEach((v, i) => expect(Math.abs(v - cities.lat[i]!)).toBeLessThanOrEqual(0.005 + 1e-9));
    expect(() => packCities({ ...cities, state: ['AK', 'AL', 'AK', 'WA'] })).toThrow(/sorted by state/);
  });
});
