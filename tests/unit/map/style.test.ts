/** The self-hosted style: nothing from another origin, no glyphs or sprites, and a legend radius that matches the style's. */
import { describe, expect, it } from 'vitest';
import { mapStyle, MIN_RADIUS, radius, RADIUS_STOPS } from '../../../src/lib/map/style';

describe('mapStyle', () => {
  it('uses only GeoJSON sources and no glyphs, sprites or tiles', () => {
    const s = mapStyle({ states: '/data/geo/states.json', facilities: { type: 'FeatureCollection', features: [] } });
    expect(s.glyphs).toBeUndefined();
    expect(s.sprite).toBeUndefined();
    expect(Object.values(s.sources).map((x) => x.type)).toEqual(['geojson', 'geojson']);
    expect(JSON.stringify(s)).not.toMatch(/https?:\/\//);
    expect(s.layers.map((l) => l.type)).not.toContain('symbol');
  });
});

describe('radius', () => {
  it('is k·√population at each stop, so circle area is proportional to population', () => {
    for (const [z, k] of RADIUS_STOPS) expect(radius(10_000, z)).toBeCloseTo(k * 100, 10);
    expect(radius(4 * 2500, 4) / radius(2500, 4)).toBeCloseTo(2, 10);
  });

  it('interpolates linearly between stops, clamps outside them, and never goes below the minimum', () => {
    const [[z0, k0], [z1, k1]] = RADIUS_STOPS as [[number, number], [number, number]];
    expect(radius(10_000, (z0 + z1) / 2)).toBeCloseTo(((k0 + k1) / 2) * 100, 10);
    expect(radius(10_000, z0 - 5)).toBeCloseTo(k0 * 100, 10);
    expect(radius(10_000, 30)).toBeCloseTo(RADIUS_STOPS.at(-1)![1] * 100, 10);
    expect(radius(0, 10)).toBe(MIN_RADIUS);
  });
});
