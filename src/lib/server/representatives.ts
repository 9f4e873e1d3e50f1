/**
 * Members of Congress for a facility's place, at build time, from the same look-up files the
 * browser fetches on /near (written by scripts/build-near.ts before the pages prerender), through
 * the same function: a facility page and a ZIP typed on /near can never disagree.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findMembers, type Legislators } from '$lib/geo/representatives';
import { unpackZips, type PackedZips, type ZctaDistricts } from '$lib/geo/packed';
import type { Member } from '$lib/actions/contacts';

const DIR = resolve('static/data');
let files: { zd: ZctaDistricts; leg: Legislators } | null = null;
const read = <T>(file: string) => JSON.parse(readFileSync(resolve(DIR, file), 'utf8')) as T;

export interface PlaceMembers {
  /** Districts the ZIP's area (ZCTA) touches; empty when the ZIP is not a ZCTA. */
  districts: { state: string; district: number }[];
  members: Member[];
  source: Legislators['source'];
  districtSource: Legislators['districtSource'];
}

/** Members for a ZIP; when the ZIP is not a ZCTA, only the senators of `state`. */
export function membersForPlace(zip: string | null, state: string | null): PlaceMembers {
  files ??= { zd: unpackZips(read<PackedZips>('geo/zips.json')).districts, leg: read<Legislators>('legislators.json') };
  const found = zip ? findMembers(files.zd, files.leg, zip) : { districts: [], members: [] };
  if (!found.districts.length && state) found.members = files.leg.members.filter((m) => m.type === 'sen' && m.state === state);
  return { ...found, source: files.leg.source, districtSource: files.leg.districtSource };
}
