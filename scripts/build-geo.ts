/**
 * What the facility map serves from our own origin, derived at build (buildData calls buildGeo):
 *
 * - states.json: US states, DC and territories as GeoJSON polygons, from us-atlas states-10m
 *   (Census cartographic boundaries at 1:10,000,000, lon/lat TopoJSON);
 * - counties.json: county borders inside each state as one GeoJSON MultiLineString (a mesh: each
 *   shared border once; state lines come from states.json), fetched only when a reader zooms in;
 * - facilities.json: the facilities registry cut to what the map and its list show, columnar
 *   (see FacilitiesFile), only facilities with coordinates, largest population first.
 *
 * Coordinates are rounded to 3 decimals (at most 0.0005°, about 55 m): finer than us-atlas's own
 * quantization (0.0036° × 0.00086°), and it cuts the GeoJSON to about half. Files are written
 * atomically and only when their content changed, so parallel builds and the dev server's watcher
 * see no half-written or needlessly touched file.
 */
import { DATA } from '../src/lib/server/data';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FacilitiesFile } from '../src/lib/map/facilities';

export interface BuildGeoOptions {
  /** Folder to write to, e.g. static/data/geo. */
  out: string;
  /** Folder holding facilities.parquet and datapackage.json; default data/. */
  data?: string;
  log?: (line: string) => void;
}

export interface GeoSummary {
  states: number;
  counties: number;
  facilities: number;
  omitted: number;
}

const require = createRequire(import.meta.url);
const atlas = (file: string) => JSON.parse(readFileSync(require.resolve(`us-atlas/${file}`), 'utf8')) as Topology;
const round3 = (_: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);

function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** US states, DC and territories as polygons, each with its FIPS id and name. */
export function statesGeoJSON() {
  const topo = atlas('states-10m.json') as Topology<{ states: GeometryCollection<{ name: string }> }>;
  return feature(topo, topo.objects.states);
}

/** Borders between counties of the same state (the first two FIPS digits are the state). */
export function countyBordersGeoJSON() {
  const topo = atlas('counties-10m.json') as Topology<{ counties: GeometryCollection }>;
  const line = mesh(topo, topo.objects.counties, (a, b) => a !== b && String(a.id).slice(0, 2) === String(b.id).slice(0, 2));
  return { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: line }] };
}

/** The facilities registry cut to the map's columns: rows with coordinates, largest population first. */
export async function facilitiesFile(data = DATA): Promise<FacilitiesFile> {
  const pkg = JSON.parse(readFileSync(join(data, 'datapackage.json'), 'utf8')) as { version: string; resources: { name: string; sources: { publisher: string }[]; licenses: { title: string }[] }[] };
  const res = pkg.resources.find((r) => r.name === 'facilities');
  if (!res) throw new Error(`${join(data, 'datapackage.json')}: no "facilities" resource`);
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '1' });
  const con = await db.connect();
  try {
    const src = `read_parquet('${join(data, 'facilities.parquet').replace(/'/g, "''")}')`;
    const located = `isfinite(latitude) AND isfinite(longitude)`; // NULL for a missing coordinate, so those rows drop too
    // Population rounded to whole people here, once: the list, popup and size bands all use this value.
    const cols = (
      await con.runAndReadAll(`
        SELECT facility_id AS id, name, kind, ice_type_detailed AS type, city, state,
               round(longitude, 4) AS lon, round(latitude, 4) AS lat, coalesce(coord_approximate, false) AS approx,
               round(population)::INTEGER AS population, population_measure AS measure,
               status, other_names AS aka
        FROM ${src} WHERE ${located}
        ORDER BY population DESC NULLS LAST, name, facility_id`)
    ).getColumnsObjectJson() as unknown as FacilitiesFile['columns'];
    const omitted = Number((await con.runAndReadAll(`SELECT count(*) FROM ${src} WHERE NOT coalesce(${located}, false)`)).getRows()[0]![0]);
    // Publishers by their own name, before any "via" or detail ("The Marshall Project (Andrew R. Calderon), from …").
    const credit = { publishers: [...new Set(res.sources.map((x) => x.publisher.split(/,|;| \(/)[0]!.trim()))], licenses: res.licenses.map((l) => l.title) };
    return { release: pkg.version, omitted, credit, columns: cols };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

export async function buildGeo(opts: BuildGeoOptions): Promise<GeoSummary> {
  mkdirSync(opts.out, { recursive: true });
  const states = statesGeoJSON();
  writeIfChanged(join(opts.out, 'states.json'), JSON.stringify(states, round3));
  const counties = countyBordersGeoJSON();
  writeIfChanged(join(opts.out, 'counties.json'), JSON.stringify(counties, round3));
  const fac = await facilitiesFile(opts.data);
  writeIfChanged(join(opts.out, 'facilities.json'), JSON.stringify(fac));
  const summary = { states: states.features.length, counties: counties.features[0]!.geometry.coordinates.length, facilities: fac.columns.id.length, omitted: fac.omitted };
  (opts.log ?? console.log)(`geo: ${summary.states} states, ${summary.counties} county border lines, ${summary.facilities} facilities (${summary.omitted} without coordinates left out)`);
  return summary;
}
