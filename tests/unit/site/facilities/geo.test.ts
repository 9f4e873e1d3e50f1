import { describe, expect, it } from 'vitest';
import { geoDistance } from 'd3';
import { ALBERS, nearest, project } from '$lib/facilities/geo';

describe('project', () => {
  it('puts Stewart (Lumpkin, GA) in the south-east of the us-atlas Albers frame', () => {
    const p = project(-84.771746, 32.036676)!;
    expect(p[0]).toBeGreaterThan(ALBERS.width * 0.6);
    expect(p[0]).toBeLessThan(ALBERS.width);
    expect(p[1]).toBeGreaterThan(ALBERS.height * 0.5);
    expect(p[1]).toBeLessThan(ALBERS.height);
  });

  it('returns null outside the frame (Guam)', () => {
    expect(project(144.79, 13.48)).toBeNull();
  });
});

describe('nearest', () => {
  const at = (id: string, longitude: number | null, latitude: number | null) => ({ id, longitude, latitude });
  const places = [at('far', -120, 45), at('near', -84.7, 32.1), at('self', -84.77, 32.03), at('none', null, null), at('mid', -84, 33)];

  it('ranks by great-circle distance, skipping itself and places without coordinates', () => {
    const got = nearest({ from: at('self', -84.77, 32.03), places, n: 5 });
    expect(got.map((g) => g.place.id)).toEqual(['near', 'mid', 'far']);
  });

  it('measures with d3.geoDistance (km and miles)', () => {
    const [first] = nearest({ from: at('self', -84.77, 32.03), places, n: 1 });
    const km = geoDistance([-84.77, 32.03], [-84.7, 32.1]) * 6371.0088;
    expect(first!.km).toBeCloseTo(km, 9);
    expect(first!.miles).toBeCloseTo(km / 1.609344, 9);
  });

  it('gives nothing for a place without coordinates', () => {
    expect(nearest({ from: at('x', null, null), places })).toEqual([]);
  });
});
