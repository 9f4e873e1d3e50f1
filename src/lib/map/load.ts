/**
 * The map's two loads, both deferred until the reader reaches the map: the facilities file
 * (for the list and the map) and the MapLibre engine (a dynamic import, so its chunk, worker and
 * CSS are not part of the home page's first load). Each is fetched once per page.
 */
import { base } from '$app/paths';
import type { FacilitiesFile } from './facilities';

let facilities: Promise<FacilitiesFile> | null = null;

export function loadFacilities(): Promise<FacilitiesFile> {
  return (facilities ??= fetch(`${base}/data/geo/facilities.json`).then((r) => {
    if (!r.ok) throw new Error(`data/geo/facilities.json: HTTP ${r.status}`);
    return r.json() as Promise<FacilitiesFile>;
  })).catch((e: unknown) => {
    facilities = null; // let a retry fetch again
    throw e;
  });
}

export const loadEngine = () => import('./engine');

