/**
 * Build-time access to the change log (static/data/changes.json, replayed from ICE's releases by
 * scripts/build-data.ts before the build): for the /changes page and feeds, and each facility's own history.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChangeLog } from '$lib/changes/types';
import { datapackage } from './data';

let log: ChangeLog | null = null;
export function changeLog(): ChangeLog {
  const file = resolve('static', 'data', 'changes.json');
  return (log ??= existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ChangeLog) : { releases: [], changes: [] });
}

export const changesFor = (facilityId: string) => changeLog().changes.filter((c) => c.facility_id === facilityId);

/** The newest release: a feed's updated date even with no entries. */
export const newestRelease = () => changeLog().releases[0]?.release ?? datapackage().version;

/** The publisher's page for the files the change log compares (ICE's fiscal-year statistics). */
export function changeSource(): { title: string; path: string | null } {
  const s = datapackage().resources.find((r) => r.name === 'ice_facility_fy')!.sources[0]!;
  return { title: s.title, path: s.path ?? null };
}
