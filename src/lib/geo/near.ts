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

const EARTH_KM = 6371.0088;
const KM_PER_MILE = 1.609344;

/** Facilities nearest a point, with their distance in miles; `keep` filters before ranking. */
export function rankByDistance<T extends Point>(items: T[], from: Point, opts: { limit?: number; keep?: (t: T) => boolean } = {}): (T & { miles: number })[] {
  const origin: [number, number] = [from.lon, from.lat];
  return items
    .filter((t) => Number.isFinite(t.lat) && Number.isFinite(t.lon) && (!opts.keep || opts.keep(t)))
    .map((t) => ({ ...t, miles: (geoDistance(origin, [t.lon, t.lat]) * EARTH_KM) / KM_PER_MILE }))
    .sort((a, b) => a.miles - b.miles)
    .slice(0, opts.limit ?? 20);
}
