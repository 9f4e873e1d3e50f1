/**
 * "Near me", in the browser only: a ZIP or a city becomes a point by look-up in files fetched whole
 * from our own origin, and facilities are ranked by great-circle distance (d3.geoDistance). No
 * function here makes a request: the ZIP, city or coordinates never leave the page.
 */
import { geoDistance } from 'd3';
import type { CityCentroids, ZipCentroids } from './packed';

export interface Point {
  lat: number;
  lon: number;
}

export interface City extends Point {
  city: string;
  state: string;
}

export type ZipResult = { ok: true; point: Point } | { ok: false; reason: 'format' | 'not-zcta' };

/** Binary search over the sorted ZIPs. A 5-digit ZIP that is no ZCTA (a PO box, 20500) says so. */
export function lookupZip(c: ZipCentroids, input: string): ZipResult {
  const zip = input.trim();
  if (!/^\d{5}$/.test(zip)) return { ok: false, reason: 'format' };
  let lo = 0;
  let hi = c.zip.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = c.zip[mid]!;
    if (z === zip) return { ok: true, point: { lat: c.lat[mid]!, lon: c.lon[mid]! } };
    if (z < zip) lo = mid + 1;
    else hi = mid - 1;
  }
  return { ok: false, reason: 'not-zcta' };
}

/** The ZCTA nearest a ZIP that is not one, as a suggestion (same 3-digit prefix first). */
export function nearestZips(c: ZipCentroids, input: string, n = 3): string[] {
  const prefix = input.trim().slice(0, 3);
  const same = c.zip.filter((z) => z.startsWith(prefix));
  const num = Number(input);
  return same.sort((a, b) => Math.abs(Number(a) - num) - Math.abs(Number(b) - num)).slice(0, n);
}

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^(saint|st\.?)\s/, 'st ').replace(/[^a-z0-9 ]/g, '').trim();

/**
 * Cities whose name starts with the query (accents, case and "St."/"Saint" folded), exact names
 * first. "Springfield" gives one entry per state: the caller asks which one.
 */
export function searchCities(c: CityCentroids, query: string, limit = 12): City[] {
  const q = fold(query.replace(/,\s*[A-Za-z]{2}$/, ''));
  const st = query.match(/,\s*([A-Za-z]{2})$/)?.[1]?.toUpperCase();
  if (q.length < 2) return [];
  const hits: { i: number; exact: boolean }[] = [];
  for (let i = 0; i < c.city.length; i++) {
    const name = fold(c.city[i]!);
    if (name.startsWith(q) && (!st || c.state[i] === st)) hits.push({ i, exact: name === q });
  }
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || c.city[a.i]!.localeCompare(c.city[b.i]!) || c.state[a.i]!.localeCompare(c.state[b.i]!));
  // One entry per (city, state): the source lists some cities once per county.
  const seen = new Set<string>();
  const out: City[] = [];
  for (const { i } of hits) {
    const key = `${c.city[i]}|${c.state[i]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ city: c.city[i]!, state: c.state[i]!, lat: c.lat[i]!, lon: c.lon[i]! });
    if (out.length >= limit) break;
  }
  return out;
}

const EARTH_KM = 6371.0088; // mean radius (IUGG)
const KM_PER_MILE = 1.609344;
const RAD = Math.PI / 180;

/** Haversine central angle: the same great-circle metric as d3.geoDistance, without its exact (slow) summation. */
function angle(a: Point, b: Point): number {
  const h = Math.sin(((b.lat - a.lat) * RAD) / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(((b.lon - a.lon) * RAD) / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The one "nearest" ranking (a facility page's "nearby", /near/'s results): places by great-circle
 * distance from `from`, nearest first, ties by id; places without coordinates are skipped and
 * `keep` filters before ranking. Candidates are ranked by the haversine angle and only the best
 * few measured with d3.geoDistance (~2 µs a pair, and a build asks this of ~2,700 pages).
 */
export function nearest<T extends Point & { id: string }>(from: Point, places: T[], opts: { n?: number; keep?: (t: T) => boolean } = {}): (T & { km: number; miles: number })[] {
  const n = opts.n ?? 20;
  if (!Number.isFinite(from.lat) || !Number.isFinite(from.lon)) return [];
  const ranked: { p: T; a: number }[] = [];
  for (const p of places) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || (opts.keep && !opts.keep(p))) continue;
    ranked.push({ p, a: angle(from, p) });
  }
  ranked.sort((x, y) => x.a - y.a);
  return ranked
    .slice(0, n + 5)
    .map(({ p }) => ({ ...p, km: geoDistance([from.lon, from.lat], [p.lon, p.lat]) * EARTH_KM }))
    .sort((x, y) => x.km - y.km || x.id.localeCompare(y.id))
    .slice(0, n)
    .map((p) => ({ ...p, miles: p.km / KM_PER_MILE }));
}
