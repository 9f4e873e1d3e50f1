/**
 * The files /near/ searches in, fetched whole from our own origin, each once per page (a plain
 * cache of promises, not state: nothing renders from it). Fetched whole so that no request ever
 * carries the ZIP, the city or the coordinates being looked up.
 */
import { base } from '$app/paths';
import type { FacilitiesFile } from '$lib/map/facilities';
import type { FacilityActionsFile } from '$lib/facilities/field-office';
import { unpackCities, unpackZips, type PackedCities, type PackedZips } from '$lib/geo/packed';
import type { Legislators } from '$lib/geo/representatives';

const DATA = `${base}/data/`;
const cache = new Map<string, Promise<unknown>>();
function get<T>(file: string, decode: (raw: unknown) => T = (raw) => raw as T): Promise<T> {
  if (!cache.has(file)) cache.set(file, fetch(DATA + file).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${file}: HTTP ${r.status}`)))).then(decode));
  return cache.get(file) as Promise<T>;
}

export const zipFile = () => get('geo/zips.json', (p) => unpackZips(p as PackedZips));
export const cityFile = () => get('geo/cities.json', (p) => unpackCities(p as PackedCities));
export const facilitiesFile = () => get<FacilitiesFile>('geo/facilities.json');
/** The field office and population source of each facility, as its page has them (scripts/build-near.ts). */
export const actionsFile = () => get<FacilityActionsFile>('geo/facility-actions.json');
export const legislatorsFile = () => get<Legislators>('legislators.json');
