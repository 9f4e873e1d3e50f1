/**
 * Build-time geography from the us-atlas package (Census 2017 cartographic boundaries,
 * pre-projected with d3.geoAlbersUsa to 975×610): SVG paths of the states, so choropleths are
 * drawn on the server and the browser never fetches a shape file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoPath } from 'd3';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { STATE_CODES } from '$lib/geo/states';

export interface StateShape {
  code: string;
  name: string;
  d: string;
}

const require = createRequire(import.meta.url);
let cache: { shapes: StateShape[]; borders: string } | null = null;

export function stateShapes(): { shapes: StateShape[]; borders: string } {
  if (cache) return cache;
  const topo = JSON.parse(readFileSync(require.resolve('us-atlas/states-albers-10m.json'), 'utf8')) as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const path = geoPath().digits(1);
  const fc = feature(topo, topo.objects.states);
  const shapes = fc.features.map((f) => ({ code: STATE_CODES[f.properties!.name] ?? '', name: f.properties!.name, d: path(f) ?? '' })).filter((s) => s.code);
  const borders = path(mesh(topo, topo.objects.states, (a, b) => a !== b)) ?? '';
  return (cache = { shapes, borders });
}
