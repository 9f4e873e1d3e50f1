/**
 * Who represents a ZIP code: ZCTA → congressional district(s) (Census relationship files, 119th
 * Congress) → the House member(s) and the state's two senators. Runs in the browser on files
 * fetched whole, like ./near.
 */
import type { ContactSource, Member } from '$lib/actions/contacts';
import type { ZctaDistricts } from './packed';

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
  const states = new Set(districts.map((d) => d.state));
  const members = leg.members.filter(
    (m) => (m.type === 'sen' && states.has(m.state)) || (m.type === 'rep' && districts.some((d) => d.state === m.state && d.district === m.district)),
  );
  return { districts, members };
}
