/**
 * Who represents a ZIP code, or a point by its nearest ZIP code areas: ZCTA → congressional district(s) (Census relationship files, 119th
 * Congress) → the House member(s) and the state's two senators. Runs in the browser on files
 * fetched whole, like ./near.
 */
import type { ContactSource, Member } from '$lib/actions/contacts';
import { nearest, type Point } from './near';
import type { ZctaDistricts, ZipCentroids } from './packed';

export interface Legislators {
  source: ContactSource;
  /** Where the ZIP → congressional district look-up comes from. */
  districtSource: ContactSource;
  members: Member[];
}

export function districtsOf(zd: ZctaDistricts, zip: string): { state: string; district: number }[] {
  let lo = 0;
  let hi = zd.zcta.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = zd.zcta[mid]!;
    if (z === zip) return zd.districts[mid]!.split('|').map((d) => ({ state: d.slice(0, 2), district: Number(d.slice(3)) }));
    if (z < zip) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

/** Every district the ZIP touches, their House members, and the senators of each state involved. */
export function findMembers(zd: ZctaDistricts, leg: Legislators, zip: string) {
  const districts = districtsOf(zd, zip);
  return { districts, members: membersOf(leg, districts) };
}

/** The House members of the districts and the senators of each state involved. */
function membersOf(leg: Legislators, districts: { state: string; district: number }[]) {
  const states = new Set(districts.map((d) => d.state));
  return leg.members.filter((m) => (m.type === 'sen' && states.has(m.state)) || (m.type === 'rep' && districts.some((d) => d.state === m.state && d.district === m.district)));
}

/** How many of the nearest ZIP code areas stand for a point (a city centre, a facility, a location). */
export const NEAREST_ZCTAS = 3;

// The ZCTAs that have districts, with their centroids: built once per file (33,000 ZIPs), not per search.
const located = new WeakMap<ZctaDistricts, (Point & { id: string })[]>();

/**
 * The districts for a point that is no ZIP: those of the `n` ZIP code areas (ZCTAs) whose centroids
 * are nearest it, every district any of them touches, with their members. An estimate (a city or a
 * street can lie in a district none of the nearest ZIP areas' centroids does), so the page says so
 * and links the House's look-up. In the browser, like the rest: the point is never sent.
 */
export function findMembersNear(zips: ZipCentroids, zd: ZctaDistricts, leg: Legislators, at: Point, n = NEAREST_ZCTAS) {
  let places = located.get(zd);
  if (!places) {
    const index = new Map(zips.zip.map((z, i) => [z, i]));
    places = zd.zcta.flatMap((zcta) => {
      const i = index.get(zcta);
      return i === undefined ? [] : [{ id: zcta, lat: zips.lat[i]!, lon: zips.lon[i]! }];
    });
    located.set(zd, places);
  }
  const zctas = nearest(at, places, { n }).map((z) => z.id);
  const seen = new Set<string>();
  const districts = zctas
    .flatMap((z) => districtsOf(zd, z))
    .filter((d) => !seen.has(`${d.state}-${d.district}`) && seen.add(`${d.state}-${d.district}`))
    .sort((a, b) => a.state.localeCompare(b.state) || a.district - b.district);
  return { zctas, districts, members: membersOf(leg, districts) };
}
