/**
 * The facilities the map and its list show: the compact JSON written at build by
 * scripts/build-geo.ts (static/data/geo/facilities.json), the kinds and size bands readers filter
 * by, and the one filter both the map and the list use, so the two always show the same places.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { KIND_STYLE, KINDS, type Kind } from '$lib/facilities/kinds';
import { findsName } from '$lib/facilities/directory';

/** Columnar, as written by scripts/build-geo.ts: one array per field, one entry per facility. */
export interface FacilitiesFile {
  /** Data release (datapackage.json version) the file was derived from. */
  release: string;
  /** Facilities in the registry that have no coordinates, so are on neither the map nor its list. */
  omitted: number;
  /** The facilities dataset's publishers and licenses (datapackage.json), for the map's credit line. */
  credit: { publishers: string[]; licenses: string[] };
  columns: {
    id: string[];
    name: string[];
    kind: Kind[];
    /** ICE facility type (ice_type_detailed), null for others. */
    type: (string | null)[];
    city: (string | null)[];
    state: (string | null)[];
    lon: number[];
    lat: number[];
    /** True when the point is only a ZIP centroid. */
    approx: boolean[];
    /** Latest population, rounded to whole people; null when not reported (never 0 for that). */
    population: (number | null)[];
    measure: (string | null)[];
    /** ICE facilities: "holding people", "empty at the latest count" or "inactive"; null for other kinds. */
    status: (string | null)[];
    /** Other names the sources give it, "; "-separated. */
    aka: (string | null)[];
  };
}

export type Facility = { [K in keyof FacilitiesFile['columns']]: FacilitiesFile['columns'][K][number] };

/** Rows from the columnar file, in its order (largest population first). */
export function facilityRows(file: FacilitiesFile): Facility[] {
  const c = file.columns;
  return c.id.map((id, i) => ({
    id,
    name: c.name[i]!,
    kind: c.kind[i]!,
    type: c.type[i] ?? null,
    city: c.city[i] ?? null,
    state: c.state[i] ?? null,
    lon: c.lon[i]!,
    lat: c.lat[i]!,
    approx: c.approx[i]!,
    population: c.population[i] ?? null,
    measure: c.measure[i] ?? null,
    status: c.status[i] ?? null,
    aka: c.aka[i] ?? null,
  }));
}

/** Population bands readers filter by; bounds are inclusive-exclusive on the rounded population. */
export const BANDS = [
  { id: 'any', label: 'Any size' },
  { id: 'lt100', label: 'Fewer than 100', min: 0, max: 100 },
  { id: '100-499', label: '100 to 499', min: 100, max: 500 },
  { id: '500-999', label: '500 to 999', min: 500, max: 1000 },
  { id: '1000-2499', label: '1,000 to 2,499', min: 1000, max: 2500 },
  { id: '2500+', label: '2,500 or more', min: 2500, max: Infinity },
  { id: 'none', label: 'Population not reported' },
] as const;
export type BandId = (typeof BANDS)[number]['id'];

export interface Filters {
  kinds: Kind[];
  /** Two-letter code, or '' for every state. */
  state: string;
  band: BandId;
  /** Words that start words of the name, another name or the city (findsName). */
  text: string;
}

export const ALL: Filters = { kinds: [...KINDS], state: '', band: 'any', text: '' };

function inBand(p: number | null, band: BandId): boolean {
  if (band === 'any') return true;
  if (band === 'none') return p === null;
  const b = BANDS.find((x) => x.id === band) as { min: number; max: number };
  return p !== null && p >= b.min && p < b.max;
}

/** Its own name first, then every other name the sources give it. */
export const namesOf = (f: Pick<Facility, 'name' | 'aka'>): string[] => [f.name, ...(f.aka?.split('; ') ?? [])];

export function matches(f: Facility, filters: Filters): boolean {
  const text = filters.text.trim().toLowerCase();
  return (
    filters.kinds.includes(f.kind) &&
    (!filters.state || f.state === filters.state) &&
    inBand(f.population, filters.band) &&
    (!text || findsName(text, namesOf(f), f.city))
  );
}

/** Properties kept on each map feature: just what the style and hit-testing need (the rest is looked up by id). */
export interface FacilityProps {
  id: string;
  kind: Kind;
  /** Population, -1 when not reported (GeoJSON properties cannot carry a typed null to the style). */
  p: number;
}

export function toFeatureCollection(list: Facility[]): FeatureCollection<Point, FacilityProps> {
  return {
    type: 'FeatureCollection',
    features: list.map(
      (f): Feature<Point, FacilityProps> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: { id: f.id, kind: f.kind, p: f.population ?? -1 },
      }),
    ),
  };
}

/** "Ice detention · IGSA", "State prison". */
export function kindLabel(f: Pick<Facility, 'kind' | 'type'>): string {
  return KIND_STYLE[f.kind].label + (f.type ? ` · ${f.type}` : '');
}
