/**
 * Points that stand for a state, not a place. A list that geocodes a row it has only a name and a
 * state for gets the geocoder's point for the state itself: UCLA COVID Behind Bars pins eleven
 * Texas county jails, CDCR's "PAROLE" and West Virginia's "STAFF TOTAL" rows to their state's
 * middle. Such a row names no city and no street address, and its point is either shared with
 * other rows like it or a few km from the state's geographic centre (stateCentre).
 */
import { geoDistance } from 'd3';
import { stateCentre } from './us-places';

const EARTH_KM = 6371.0088;

/**
 * How close to the state's centroid an unshared point with no city or address must be to count as
 * the state's centre. Measured on UCLA's file (2026-12): its unshared state points lie 0.2–9.3 km
 * from the us-atlas centroid; the nearest real place among rows without a city (Carver
 * Transitional Center, Oklahoma City) is 15.5 km from Oklahoma's.
 */
export const CENTRE_KM = 10;

export interface RowPoint {
  key: string;
  /** USPS code of the state the row is in; null when it names none (then it cannot be tested). */
  state: string | null;
  lat: number | null;
  lon: number | null;
  /** The row gives a city or a street address, so its point may be that place's. */
  located: boolean;
}

export interface CentrePoint {
  key: string;
  /** Rows (this one included) with no city or address at exactly this point. */
  shared: number;
  /** Great-circle km from the state's centroid. */
  km: number;
}

const at = (p: RowPoint) => `${p.lat},${p.lon}`;

/** The rows whose point is their state's centre rather than the place: never one that gives a city or an address. */
export function centrePoints(rows: RowPoint[]): CentrePoint[] {
  const bare = rows.filter((r) => !r.located && r.state !== null && r.lat !== null && r.lon !== null);
  const count = new Map<string, number>();
  for (const r of bare) count.set(at(r), (count.get(at(r)) ?? 0) + 1);
  return bare
    .map((r) => ({ key: r.key, shared: count.get(at(r))!, km: geoDistance([r.lon!, r.lat!], stateCentre(r.state!)) * EARTH_KM }))
    .filter((c) => c.shared > 1 || c.km <= CENTRE_KM);
}
