/**
 * Is a point inside a state's outline? The outlines are us-atlas's states-10m (Census cartographic
 * boundaries 2017 at 1:10,000,000, lon/lat; 50 states, DC, PR, VI, GU, MP, AS). That scale smooths
 * coasts and small islands by a few kilometres, so a point counts as in its state when it is inside
 * the outline or within `toleranceKm` of it. Framework-free: the caller passes the topology in, so
 * the ingest (Node) and the site (bundled) each load it their own way.
 *
 * Containment is an even-odd ray cast in lon/lat, not on the sphere: Census draws borders such as
 * the 49th parallel as straight lines in lon/lat, and a great-circle edge between two far vertices
 * would bow away from them. Distances are measured on a local equirectangular projection around
 * the point (accurate to well under 1 % at the few-km tolerances used) and reported with d3-geo's
 * great-circle distance to the nearest boundary point found.
 */
import { geoDistance } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { STATE_CODES } from './states';

type Ring = [number, number][];
interface Poly {
  rings: Ring[];
  /** [west, south, east, north] of the outer ring. */
  box: [number, number, number, number];
}

export interface StateOutlines {
  /** USPS codes with an outline (the 50 states, DC and the five inhabited territories). */
  codes: Set<string>;
  polys: Map<string, Poly[]>;
}

export type Placement =
  | { inside: true; km: number }
  | { inside: false; km: number; swapped: boolean };

const EARTH_KM = 6371.0088;
const KM_PER_DEG_LAT = 110.574;

/** Outlines by USPS code, from us-atlas's states-10m topology (features named as in STATE_CODES). */
export function stateOutlines(topology: Topology): StateOutlines {
  const topo = topology as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const polys = new Map<string, Poly[]>();
  for (const f of feature(topo, topo.objects.states).features) {
    const code = STATE_CODES[f.properties.name];
    if (!code) throw new Error(`us-atlas state "${f.properties.name}" is not in STATE_CODES`);
    const g = f.geometry;
    const parts = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    polys.set(
      code,
      parts.map((rings) => {
        const outer = rings[0] as Ring;
        const xs = outer.map((p) => p[0]);
        const ys = outer.map((p) => p[1]);
        return { rings: rings as Ring[], box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
      }),
    );
  }
  return { codes: new Set(polys.keys()), polys };
}

/** Even-odd rule over every ring of a polygon (holes included). */
function inPoly(p: Poly, lon: number, lat: number): boolean {
  const [w, s, e, n] = p.box;
  if (lon < w || lon > e || lat < s || lat > n) return false;
  let inside = false;
  for (const ring of p.rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** Longitude difference folded into [-180, 180), so Alaska's islands on both sides of 180° are near each other. */
const dLon = (a: number, b: number) => ((((a - b) % 360) + 540) % 360) - 180;

/** Nearest point of the state's boundary to (lon, lat), on a local projection; null when the state has no outline. */
function nearest(polys: Poly[], lon: number, lat: number): [number, number] | null {
  const kx = Math.cos((lat * Math.PI) / 180) * KM_PER_DEG_LAT;
  let best = Infinity;
  let at: [number, number] | null = null;
  for (const p of polys)
    for (const ring of p.rings)
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = [dLon(ring[i - 1]![0], lon) * kx, (ring[i - 1]![1] - lat) * KM_PER_DEG_LAT];
        const [bx, by] = [dLon(ring[i]![0], lon) * kx, (ring[i]![1] - lat) * KM_PER_DEG_LAT];
        const [vx, vy] = [bx - ax, by - ay];
        const len = vx * vx + vy * vy;
        const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * vx + ay * vy) / len));
        const [x, y] = [ax + t * vx, ay + t * vy];
        const d = x * x + y * y;
        if (d < best) {
          best = d;
          at = [lon + x / kx, lat + y / KM_PER_DEG_LAT];
        }
      }
  return at;
}

/** Great-circle km from (lon, lat) to the state's outline: 0 inside it. */
export function kmFromState(o: StateOutlines, code: string, lon: number, lat: number): number {
  const polys = o.polys.get(code);
  if (!polys) throw new Error(`no outline for state ${code}`);
  if (polys.some((p) => inPoly(p, lon, lat))) return 0;
  const at = nearest(polys, lon, lat)!;
  return geoDistance([lon, lat], at) * EARTH_KM;
}

/**
 * Where a point sits relative to its state: inside (or within `toleranceKm` of the outline), or
 * outside, with the distance and whether the point with latitude and longitude exchanged would be
 * inside (the usual mistake, besides 0,0 and a dropped minus sign).
 */
export function placeInState(o: StateOutlines, code: string, lat: number, lon: number, toleranceKm: number): Placement {
  const km = kmFromState(o, code, lon, lat);
  if (km <= toleranceKm) return { inside: true, km };
  const swapped = Math.abs(lon) <= 90 && kmFromState(o, code, lat, lon) <= toleranceKm;
  return { inside: false, km, swapped };
}
