import type { Change } from './types';

/** The caveats a facility chart of ICE's fiscal-year figures carries: each figure a later file revised, with both cells. */
export function revisionNotes(changes: Change[], facilityId: string): string[] {
  return changes
    .filter((c) => c.kind === 'revision' && c.facility_id === facilityId)
    .map((c) => `Revised in ICE's release of ${c.release}: ${c.text} The chart shows the current figure.`);
}
