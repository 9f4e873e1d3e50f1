/**
 * The compact forms of the "near me" look-up files (static/data/geo/zips.json, cities.json), and
 * their unpacking in the browser. Both files are fetched whole, so their size is the price of
 * privacy: ZIPs and coordinates are delta-coded integers (neighbouring ZIPs lie close together)
 * and ZIP → districts is an index into a list of district sets, which gzip shrinks well.
 * No imports: scripts/build-near.ts packs with the same module the browser unpacks with.
 */

/** Columnar ZCTA centroids, sorted by ZIP. */
export interface ZipCentroids {
  zip: string[];
  lat: number[];
  lon: number[];
}

/** Columnar city centroids, sorted by state then city, one row per (city, state). */
export interface CityCentroids {
  city: string[];
  state: string[];
  lat: number[];
  lon: number[];
}

/** Columnar ZCTA → congressional districts, sorted by ZCTA; "NY-10|NY-12" (district 0 = at large). */
export interface ZctaDistricts {
  zcta: string[];
  districts: string[];
}

/** ZIP centroids to 0.001° (about 100 m): plenty to rank facilities by miles. */
const ZIP_SCALE = 1000;
/** City centres to 0.01° (about 1 km): a city's centre point is no more exact than that. */
const CITY_SCALE = 100;

export interface PackedZips {
  /** Deltas of the ZIPs as numbers. */
  zip: number[];
  /** Deltas of latitude and longitude, in units of 1/ZIP_SCALE degree. */
  lat: number[];
  lon: number[];
  /** Distinct district sets, and for each ZIP the index of its set (-1: none). */
  sets: string[];
  set: number[];
}

export interface PackedCities {
  city: string[];
  /** [state, index of its first city], the rows being sorted by state. */
  states: [string, number][];
  lat: number[];
  lon: number[];
}

const deltas = (values: number[]) => values.map((v, i) => v - (i ? values[i - 1]! : 0));
function sums(d: number[], scale = 1): number[] {
  let acc = 0;
  return d.map((v) => (acc += v) / scale);
}

export function packZips(z: ZipCentroids, zd: ZctaDistricts): PackedZips {
  const byZip = new Map(zd.zcta.map((zcta, i) => [zcta, zd.districts[i]!]));
  const sets = [...new Set(zd.districts)].sort();
  const index = new Map(sets.map((s, i) => [s, i]));
  const located = new Set(z.zip);
  const missing = zd.zcta.filter((zcta) => !located.has(zcta));
  if (missing.length) throw new Error(`zips.json: ${missing.length} ZCTAs have districts but no centroid (first: ${missing[0]})`);
  return {
    zip: deltas(z.zip.map(Number)),
    lat: deltas(z.lat.map((v) => Math.round(v * ZIP_SCALE))),
    lon: deltas(z.lon.map((v) => Math.round(v * ZIP_SCALE))),
    sets,
    set: z.zip.map((zip) => index.get(byZip.get(zip) ?? '') ?? -1),
  };
}

export function unpackZips(p: PackedZips): { zips: ZipCentroids; districts: ZctaDistricts } {
  const zip = sums(p.zip).map((n) => String(n).padStart(5, '0'));
  const has = p.set.flatMap((s, i) => (s >= 0 ? [i] : []));
  return {
    zips: { zip, lat: sums(p.lat, ZIP_SCALE), lon: sums(p.lon, ZIP_SCALE) },
    districts: { zcta: has.map((i) => zip[i]!), districts: has.map((i) => p.sets[p.set[i]!]!) },
  };
}

export function packCities(c: CityCentroids): PackedCities {
  const states: [string, number][] = [];
  c.state.forEach((s, i) => {
    if (s !== c.state[i - 1]) states.push([s, i]);
  });
  if (new Set(states.map(([s]) => s)).size !== states.length) throw new Error('cities.json: rows must be sorted by state');
  return { city: c.city, states, lat: deltas(c.lat.map((v) => Math.round(v * CITY_SCALE))), lon: deltas(c.lon.map((v) => Math.round(v * CITY_SCALE))) };
}

export function unpackCities(p: PackedCities): CityCentroids {
  const state = p.city.map(() => '');
  p.states.forEach(([s, start], k) => state.fill(s, start, p.states[k + 1]?.[1] ?? p.city.length));
  return { city: p.city, state, lat: sums(p.lat, CITY_SCALE), lon: sums(p.lon, CITY_SCALE) };
}
