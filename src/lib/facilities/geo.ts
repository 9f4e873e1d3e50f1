/**
 * Where a facility is, for the locator map and "nearby": d3-geo only, so the same code runs at
 * build time and in tests. The projection is the one us-atlas pre-projected its Albers files
 * with (geoAlbersUsa, scale 1300, translate [487.5, 305]; see us-atlas README), so a projected
 * point lands on the states drawn from states-albers-10m.json.
 */
import { geoAlbersUsa, geoDistance } from 'd3';

/** The us-atlas Albers frame, in SVG units. */
export const ALBERS = { width: 975, height: 610 } as const;
const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);

/** [x, y] on the us-atlas Albers frame, or null outside it (Puerto Rico, Guam and the other territories). */
export function project(longitude: number, latitude: number): [number, number] | null {
  const p = projection([longitude, latitude]);
  return p ? [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10] : null;
}

const EARTH_KM = 6371.0088; // mean radius (IUGG)
const KM_PER_MILE = 1.609344;

export interface Place {
  id: string;
  latitude: number | null;
  longitude: number | null;
}

const RAD = Math.PI / 180;
/** Haversine central angle: the same great-circle metric as d3.geoDistance, without its exact (slow) summation. */
function angle(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The n places nearest to `from` (great-circle distance), nearest first; places without
 * coordinates are skipped. A page asks this of ~2,700 places, and d3.geoDistance takes ~2 µs a
 * pair, so candidates are ranked by the haversine angle and only the best few measured with it.
 */
export function nearest<T extends Place>({ from, places, n = 5 }: { from: Place; places: T[]; n?: number }): { place: T; km: number; miles: number }[] {
  if (from.latitude === null || from.longitude === null) return [];
  const [lon, lat] = [from.longitude, from.latitude];
  const ranked: { place: T; a: number }[] = [];
  for (const p of places) {
    if (p.id === from.id || p.latitude === null || p.longitude === null) continue;
    ranked.push({ place: p, a: angle(lon, lat, p.longitude, p.latitude) });
  }
  ranked.sort((x, y) => x.a - y.a);
  return ranked
    .slice(0, n + 5)
    .map(({ place }) => ({ place, km: geoDistance([lon, lat], [place.longitude!, place.latitude!]) * EARTH_KM }))
    .sort((x, y) => x.km - y.km || x.place.id.localeCompare(y.place.id))
    .slice(0, n)
    .map((b) => ({ ...b, miles: b.km / KM_PER_MILE }));
}
