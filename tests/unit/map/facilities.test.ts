/** The one filter the map and its list share: kinds, state, population bands (null is never 0) and text. */
import { describe, expect, it } from 'vitest';
import { ALL, BANDS, facilityRows, matches, toFeatureCollection, type FacilitiesFile, type Facility, type Filters } from '../../../src/lib/map/facilities';

const base: Facility = { id: 'a', name: 'Adelanto ICE Processing Center', kind: 'ice', type: 'CDF', city: 'ADELANTO', state: 'CA', lon: -117.4, lat: 34.5, approx: false, population: 1500, measure: 'ICE average daily population, FY2000', status: 'holding people', aka: 'ADELANTO IPC EAST; DESERT VIEW' };
const f = (o: Partial<Facility>): Facility => ({ ...base, ...o });
const only = (o: Partial<Filters>): Filters => ({ ...ALL, kinds: [...ALL.kinds], ...o });

describe('matches', () => {
  it('keeps everything with no filter', () => {
    expect(matches(base, ALL)).toBe(true);
    expect(matches(f({ population: null }), ALL)).toBe(true);
  });

  it('filters by kind and state', () => {
    expect(matches(base, only({ kinds: ['prison', 'jail'] }))).toBe(false);
    expect(matches(base, only({ state: 'TX' }))).toBe(false);
    expect(matches(base, only({ kinds: ['ice'], state: 'CA' }))).toBe(true);
  });

  it('puts band edges in the upper band and "not reported" only in its own', () => {
    const band = (p: number | null) => BANDS.filter((b) => b.id !== 'any' && matches(f({ population: p }), only({ band: b.id }))).map((b) => b.id);
    expect(band(0)).toEqual(['lt100']);
    expect(band(99)).toEqual(['lt100']);
    expect(band(100)).toEqual(['100-499']);
    expect(band(999)).toEqual(['500-999']);
    expect(band(2500)).toEqual(['2500+']);
    expect(band(null)).toEqual(['none']);
  });

  it('finds words that start words of the name, another name or the city, ignoring case and spaces around it', () => {
    expect(matches(base, only({ text: ' processing ' }))).toBe(true);
    expect(matches(base, only({ text: 'adelanto' }))).toBe(true);
    expect(matches(base, only({ text: 'desert view' }))).toBe(true);
    expect(matches(f({ aka: null }), only({ text: 'desert view' }))).toBe(false);
    expect(matches(base, only({ text: 'otay' }))).toBe(false);
  });
});

describe('facilityRows and toFeatureCollection', () => {
  it('turn the columnar file into rows and points, population -1 standing for not reported', () => {
    const file: FacilitiesFile = {
      release: '2000-01-15',
      omitted: 0,
      credit: { publishers: ['P'], licenses: ['L'] },
      columns: { id: ['a', 'b'], name: ['A', 'B'], kind: ['ice', 'jail'], type: ['CDF', null], city: [null, 'X'], state: ['CA', 'TX'], lon: [-117.4, -97.1], lat: [34.5, 31.2], approx: [false, true], population: [1500, null], measure: ['m', null], status: ['inactive', null], aka: [null, 'OLD B'] },
    };
    const rows = facilityRows(file);
    expect(rows[1]).toEqual({ id: 'b', name: 'B', kind: 'jail', type: null, city: 'X', state: 'TX', lon: -97.1, lat: 31.2, approx: true, population: null, measure: null, status: null, aka: 'OLD B' });
    const fc = toFeatureCollection(rows);
    expect(fc.features.map((x) => x.geometry.coordinates)).toEqual([[-117.4, 34.5], [-97.1, 31.2]]);
    expect(fc.features.map((x) => x.properties)).toEqual([{ id: 'a', kind: 'ice', p: 1500 }, { id: 'b', kind: 'jail', p: -1 }]);
  });
});
