/**
 * The map's self-hosted MapLibre style: no tiles, glyphs or sprites, only GeoJSON served from our
 * own origin (built by scripts/build-geo.ts), so the map makes no request to any other origin.
 * Type-only imports from maplibre-gl: this module is light enough for the page's first load (the
 * size legend uses `radius`).
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { type FacilityProps } from './facilities';
import { KIND_STYLE, KINDS } from '$lib/facilities/kinds';

/** Contiguous United States, the first view; a state filter fits the map to that state's facilities. */
export const US_BOUNDS: [[number, number], [number, number]] = [[-124.8, 24.4], [-66.9, 49.4]];

/** Counties are drawn (and their file fetched) only from this zoom: at the national view they are noise. */
export const COUNTY_MIN_ZOOM = 5.5;

/**
 * Circle radius in px is k·√population (so area is proportional to population), with k growing with
 * zoom; the smallest are drawn at MIN_RADIUS and those without a population as hollow rings.
 */
export const RADIUS_STOPS: [zoom: number, k: number][] = [[1, 0.07], [4, 0.17], [7, 0.3], [10, 0.45]];
export const MIN_RADIUS = 2;
export const NO_POP_RADIUS = 3.5;

/** The radius MapLibre draws at this zoom (the same piecewise-linear interpolation), for the legend. */
export function radius(population: number, zoom: number): number {
  const s = RADIUS_STOPS;
  let k = s[0]![1];
  if (zoom >= s[s.length - 1]![0]) k = s[s.length - 1]![1];
  else
    for (let i = 1; i < s.length; i++)
      if (zoom <= s[i]![0]) {
        const [z0, k0] = s[i - 1]!;
        const [z1, k1] = s[i]!;
        k = zoom <= z0 ? k0 : k0 + ((zoom - z0) / (z1 - z0)) * (k1 - k0);
        break;
      }
  return Math.max(MIN_RADIUS, k * Math.sqrt(Math.max(population, 0)));
}

const p = ['get', 'p'] as ExpressionSpecification;
const noPop = ['<', p, 0] as ExpressionSpecification;
const at = (k: number) => ['case', noPop, NO_POP_RADIUS, ['max', MIN_RADIUS, ['*', k, ['sqrt', ['max', p, 0]]]]] as ExpressionSpecification;
const kindColor = ['match', ['get', 'kind'], ...KINDS.flatMap((k) => [k, KIND_STYLE[k].color]), '#000000'] as unknown as ExpressionSpecification;

export const COLORS = { background: '#e5ebf0', land: '#ffffff', border: '#8b96a3', county: '#d4d9df', selected: '#111827' };

export function mapStyle(opts: { states: string; facilities: FeatureCollection<Point, FacilityProps> }): StyleSpecification {
  return {
    version: 8,
    sources: {
      states: { type: 'geojson', data: opts.states },
      facilities: { type: 'geojson', data: opts.facilities },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.background } },
      { id: 'states-fill', type: 'fill', source: 'states', paint: { 'fill-color': COLORS.land } },
      { id: 'states-line', type: 'line', source: 'states', paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.5] } },
      {
        id: 'facilities',
        type: 'circle',
        source: 'facilities',
        // Smaller circles above larger ones, so every place stays clickable.
        layout: { 'circle-sort-key': ['*', -1, p] },
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], ...RADIUS_STOPS.flatMap(([z, k]) => [z, at(k)])] as unknown as ExpressionSpecification,
          'circle-color': kindColor,
          'circle-opacity': ['case', noPop, 0, 0.72],
          'circle-stroke-color': ['case', noPop, kindColor, '#ffffff'],
          'circle-stroke-width': ['case', noPop, 1.5, 0.6],
        },
      },
      {
        id: 'facility-selected',
        type: 'circle',
        source: 'facilities',
        filter: ['==', ['get', 'id'], ''],
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], ...RADIUS_STOPS.flatMap(([z, k]) => [z, ['+', 3, at(k)]])] as unknown as ExpressionSpecification,
          'circle-opacity': 0,
          'circle-stroke-color': COLORS.selected,
          'circle-stroke-width': 2.5,
        },
      },
    ],
  };
}

/** County borders, added under the facilities the first time a reader zooms in past COUNTY_MIN_ZOOM. */
export const countyLayer: LayerSpecification = {
  id: 'counties-line',
  type: 'line',
  source: 'counties',
  minzoom: COUNTY_MIN_ZOOM,
  paint: { 'line-color': COLORS.county, 'line-width': 0.6 },
};
