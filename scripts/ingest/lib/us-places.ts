/**
 * US place helpers shared by the facility-location and field-office sources: 5-digit ZIPs
 * (spreadsheets and geocoders drop leading zeros: 02920 -> 2920, PR 00917 -> 917), USPS codes
 * for states and territories, and the check that a point lies in the state its row names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid } from 'd3';
import type { Topology } from 'topojson-specification';
import { IngestError, type Where } from './errors';
import { STATE_CODES } from '../../../src/lib/geo/states';
import { placeInState, stateOutlines, type StateOutlines } from '../../../src/lib/geo/in-state';

export { STATE_CODES };

/** The USPS codes of the 50 states, DC and the five inhabited territories. */
export const USPS = new Set(Object.values(STATE_CODES));

export function stateCode(name: string, where: Where): string {
  const code = STATE_CODES[name];
  if (!code) throw new IngestError({ ...where, value: name }, 'expected a US state or territory name');
  return code;
}

/** "2920" -> "02920", "20598-5216" -> "20598"; anything else is an error naming the cell. */
export function zip5(text: string | number | null | undefined, where: Where): string | null {
  if (text === null || text === undefined) return null;
  const t = String(text).trim();
  const m = t.match(/^(\d{3,5})(-\d{4})?$/);
  if (!m) throw new IngestError({ ...where, value: text }, 'expected a ZIP code (5 digits, ZIP+4, or one that lost its leading zeros)');
  return m[1]!.padStart(5, '0');
}

/**
 * USPS state/territory code as written in a facility list. Only the codes of STATE_CODES: "XX" is
 * no place, and a lower-case "ms" is not silently read as MS either (no file here writes one, so
 * one that does is a changed or damaged file to look at, not a spelling to absorb).
 */
export function stateAbbr(text: string | number | null | undefined, where: Where): string | null {
  if (text === null || text === undefined) return null;
  const t = String(text).trim();
  if (!USPS.has(t)) throw new IngestError({ ...where, value: text }, 'expected a USPS state or territory code in capitals (AL … WY, DC, PR, GU, VI, MP, AS)');
  return t;
}

/**
 * How far (km) a point may sit outside its state's us-atlas outline. Measured on the real files
 * (2026-12): facility and office points are at most 1.8 km outside (Omaha, on the Missouri, where
 * the 1:10M outline cuts the river bend); town and ZCTA centroids up to 22 km (Wales, Alaska and
 * Monhegan, Maine, on a cape and an island the outline smooths away; ZCTA 81120, whose internal
 * point is in Colorado while the ZCTA-to-district file places it in New Mexico). A swapped pair,
 * 0,0 or a dropped minus sign is thousands of km off.
 */
export const FACILITY_KM = 5;
export const CENTROID_KM = 25;

let outlines: StateOutlines | undefined;
function us(): StateOutlines {
  if (!outlines) {
    const require = createRequire(import.meta.url);
    outlines = stateOutlines(JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8')) as Topology);
  }
  return outlines;
}

const centres = new Map<string, [number, number]>();
/**
 * The geographic centre of a state's us-atlas outline, [lon, lat] (d3 geoCentroid, on the sphere,
 * over every polygon: Michigan's two peninsulas, Hawaii's islands). Geocoders that are given only a
 * state's name return a point near it, which is why a row with no city sitting there is suspect.
 */
export function stateCentre(code: string): [number, number] {
  let c = centres.get(code);
  if (!c) {
    const polys = us().polys.get(code);
    if (!polys) throw new Error(`no us-atlas outline for state ${code}`);
    centres.set(code, (c = geoCentroid({ type: 'MultiPolygon', coordinates: polys.map((p) => p.rings) }) as [number, number]));
  }
  return c;
}

/** A point as a source row gives it. */
export interface RowPoint {
  /** File, sheet and row; `column` names the coordinate columns ("Lat, Lng"). */
  where: Where & { column: string };
  /** The row's id as an exception names it (a DETLOC code, a Facility.ID). */
  key: string;
  /** Where the row says the point is: one state, any of several, or none known (then any US outline). */
  states: string[];
  lat: number | null;
  lon: number | null;
}

/**
 * A reviewed point outside the state its row names. `keep`: the point is right and the row's
 * state is not where it sits; `drop`: the point is wrong (geocoded to a namesake elsewhere) and
 * becomes null. Each applies only while the row still has exactly these coordinates, so any new
 * such point fails.
 */
export interface PointException {
  key: string;
  lat: number;
  lon: number;
  action: 'keep' | 'drop';
  why: string;
}

/**
 * Check a row's point against its state's outline. Returns null when the point stands, or the
 * reason to drop it (a `drop` exception); throws an IngestError naming the cell otherwise.
 */
export function checkPoint(p: RowPoint, toleranceKm: number, exceptions: PointException[], fix: string): string | null {
  if (p.lat === null || p.lon === null) return null;
  const { lat, lon } = p;
  const o = us();
  const states = p.states.length ? p.states : [...o.codes];
  const unknown = states.find((s) => !o.codes.has(s));
  if (unknown) throw new IngestError({ ...p.where, value: unknown }, 'expected a state or territory with a us-atlas outline (the 50 states, DC, PR, VI, GU, MP, AS)');
  const places = states.map((s) => placeInState(o, s, lat, lon, toleranceKm));
  if (places.some((x) => x.inside)) return null;
  const x = exceptions.find((e) => e.key === p.key && e.lat === lat && e.lon === lon);
  if (x) return x.action === 'drop' ? `coordinates dropped: ${x.why}` : null;
  const km = Math.round(Math.min(...places.map((x) => x.km))).toLocaleString('en-US');
  const why = lat === 0 && lon === 0 ? '0, 0 is no place' : places.some((x) => !x.inside && x.swapped) ? 'latitude and longitude look swapped' : 'a wrong sign, a typo or a geocode of a namesake elsewhere?';
  const where = p.states.length ? p.states.join(' or ') : 'the United States or its territories';
  throw new IngestError({ ...p.where, value: `${lat}, ${lon}` }, `expected a point in ${where} (within ${toleranceKm} km of its us-atlas outline; this one is ${km} km away: ${why}; if the point is right, add a reviewed PointException for it in ${fix})`);
}
