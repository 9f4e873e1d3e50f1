/**
 * The map's build-time files, made from the real committed data and the us-atlas package: every
 * feature has finite lon/lat, the facilities file holds exactly the registry's located facilities,
 * and its columns line up with the Parquet.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { buildGeo, type GeoSummary } from '../../../scripts/build-geo';
import { facilityRows, toFeatureCollection, type FacilitiesFile } from '../../../src/lib/map/facilities';

const out = mkdtempSync(join(tmpdir(), 'build-geo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const read = <T>(f: string) => JSON.parse(readFileSync(join(out, f), 'utf8')) as T;

/** Every position of a geometry, however nested. */
function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    case 'GeometryCollection':
      return g.geometries.flatMap(positions);
  }
}

const isLonLat = ([lon, lat, ...rest]: Position) =>
  rest.length === 0 && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon!) <= 180 && Math.abs(lat!) <= 90;

async function registry() {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const rows = (await con.runAndReadAll(`SELECT facility_id, latitude, longitude, population FROM 'data/facilities.parquet'`)).getRowObjectsJson();
  con.closeSync();
  db.closeSync();
  return rows as { facility_id: string; latitude: number | null; longitude: number | null; population: number | null }[];
}

describe('buildGeo on the committed data', () => {
  let summary: GeoSummary;
  beforeAll(async () => {
    summary = await buildGeo({ out, log: () => {} });
  });

  it('writes the 56 states, DC and territories of us-atlas as polygons with finite lon/lat', () => {
    const states = read<FeatureCollection>('states.json');
    expect(states.features).toHaveLength(56);
    expect(summary.states).toBe(56);
    for (const f of states.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(positions(f.geometry).every(isLonLat), String(f.id)).toBe(true);
    }
    expect(states.features.map((f) => f.properties?.name)).toContain('Puerto Rico');
  });

  it('writes county borders as one mesh of thousands of lines, all finite', () => {
    const counties = read<FeatureCollection>('counties.json');
    expect(counties.features).toHaveLength(1);
    const g = counties.features[0]!.geometry;
    expect(g.type).toBe('MultiLineString');
    expect(summary.counties).toBeGreaterThan(3000);
    expect(positions(g).every(isLonLat)).toBe(true);
  });

  it('holds every located facility once and none without coordinates', async () => {
    const rows = await registry();
    const located = rows.filter((r) => r.latitude !== null && r.longitude !== null);
    const file = read<FacilitiesFile>('facilities.json');
    const ids = file.columns.id;
    expect(ids).toHaveLength(located.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(located.map((r) => r.facility_id)));
    expect(file.omitted).toBe(rows.length - located.length);
    expect(file.omitted).toBeGreaterThan(0); // the registry does have unlocated rows, so the filter is exercised
    for (const col of Object.values(file.columns)) expect(col).toHaveLength(ids.length);

    const fc = toFeatureCollection(facilityRows(file));
    expect(fc.features).toHaveLength(located.length);
    expect(fc.features.every((f) => isLonLat(f.geometry.coordinates))).toBe(true);
  });

  it('keeps "not reported" apart from 0 and sorts largest first', async () => {
    const rows = await registry();
    const byId = new Map(rows.map((r) => [r.facility_id, r]));
    const list = facilityRows(read<FacilitiesFile>('facilities.json'));
    for (const f of list) {
      const src = byId.get(f.id)!;
      expect(f.population, f.id).toBe(src.population === null ? null : Math.round(src.population));
      expect(Math.abs(f.lat - src.latitude!)).toBeLessThanOrEqual(0.00005 + 1e-9);
    }
    const pops = list.map((f) => f.population ?? -1);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
  });
});
