/**
 * The change log from ICE's release stream: each release (ice_releases, in posting order) as a
 * summary of every facility's latest figure per fiscal year, compared with the one before
 * (./diff.ts). A superseded file is skipped; a facilities table repeated from an earlier release,
 * or one that does not add up to ICE's national figure, is an entry of its own and is left out of
 * the comparisons (its figures would log moves that never happened). Pure: the build feeds it the
 * two datasets' rows.
 */
import { diffReleases } from './diff';
import type { Change, ChangeLog, ReleaseSummary } from './types';

export interface ReleaseRow {
  sha256: string;
  release_date: string;
  fiscal_year: number;
  file: string;
  current: boolean;
  facilities_repeated: boolean;
  facilities_repeat_of: string | null;
  facilities_inconsistent: boolean;
  notes: string | null;
}

export interface FacilityReleaseRow {
  sha256: string;
  facility_id: string;
  name: string;
  state: string | null;
  adp_fytd: number | null;
  source_file: string;
  source_sheet: string;
  source_row: number;
}

/** A facilities table the comparisons leave out: one repeated from an earlier release, or one that does not add up to ICE's national figure. */
const leftOut = (r: ReleaseRow) => r.facilities_repeated || r.facilities_inconsistent;

/** One summary per current release with a table of its own, oldest first. */
export function summaries(releases: ReleaseRow[], rows: FacilityReleaseRow[]): ReleaseSummary[] {
  const bySha = new Map<string, FacilityReleaseRow[]>();
  for (const r of rows) bySha.set(r.sha256, [...(bySha.get(r.sha256) ?? []), r]);
  const latest = new Map<number, ReleaseRow>();
  // Every facility seen so far, with the last release listing it: one missing from a release stays
  // in the summary (with no figure for that year), so its return reads as a return, not as new.
  const seen = new Map<string, { name: string; state: string | null; last: string }>();
  const out: ReleaseSummary[] = [];
  for (const rel of releases) {
    if (!rel.current || leftOut(rel)) continue;
    latest.set(rel.fiscal_year, rel);
    for (const f of bySha.get(rel.sha256) ?? []) seen.set(f.facility_id, { name: f.name, state: f.state, last: rel.release_date });
    const facilities: ReleaseSummary['facilities'] = Object.fromEntries([...seen].map(([id, f]) => [id, { name: f.name, state: f.state, fy: {}, last_listed: f.last }]));
    for (const [fy, r] of [...latest].sort(([a], [b]) => a - b))
      for (const f of bySha.get(r.sha256) ?? []) {
        const s = facilities[f.facility_id]!;
        // A facility ICE lists in two rows (two names, one place) counts once, with both rows' people.
        const had = s.fy[fy];
        s.fy[fy] = { adp: had && had.adp !== null && f.adp_fytd !== null ? had.adp + f.adp_fytd : (f.adp_fytd ?? had?.adp ?? null), source: had?.source ?? { file: f.source_file, sheet: f.source_sheet, row: f.source_row } };
      }
    out.push({
      release: rel.release_date,
      inputs: [{ file: rel.file, sha256: rel.sha256 }],
      fiscalYears: Object.fromEntries([...latest].map(([fy, r]) => [fy, r.file])),
      facilities,
    });
  }
  return out;
}

/** The change log of summaries in release order: each compared with the one before it, newest first. */
export function logOf(all: ReleaseSummary[]): ChangeLog {
  const log: ChangeLog = { releases: [], changes: [] };
  all.forEach((s, i) => {
    const prev = all[i - 1] ?? null;
    const changes: Change[] = prev ? diffReleases(prev, s) : [];
    log.releases.unshift({ release: s.release, previous: prev?.release ?? null, inputs: s.inputs.length, changes: changes.length });
    log.changes.unshift(...changes);
  });
  return log;
}

/** Every release's changes from the one before it, newest first, with the repeated tables said. */
export function replay(releases: ReleaseRow[], rows: FacilityReleaseRow[]): ChangeLog {
  const all = summaries(releases, rows);
  const log = logOf(all);
  for (const rel of releases.filter((r) => r.current && leftOut(r))) {
    const before = [...all].reverse().find((s) => s.release < rel.release_date);
    const why = rel.facilities_repeated
      ? `repeats the facilities table of an earlier release, every figure the same (${rel.facilities_repeat_of})`
      : `has a facilities table that ${rel.notes?.match(/facilities table (does not add up to the national figure: [^;]+)/)?.[1] ?? 'does not add up to ICE\'s national figure'}`;
    log.changes.push({
      id: `${rel.release_date}/table-left-out/${rel.sha256.slice(0, 12)}`,
      release: rel.release_date,
      previous: before?.release ?? rel.release_date,
      kind: 'table-left-out',
      facility_id: null, name: null, state: null, fiscal_year: rel.fiscal_year, before: null, after: null,
      text: `ICE's release of ${rel.release_date} (${rel.file}) ${why}; its facility figures are left out of these comparisons.`,
      sources: [],
    });
  }
  log.changes.sort((a, b) => (a.release === b.release ? 0 : a.release < b.release ? 1 : -1));
  for (const r of log.releases) r.changes = log.changes.filter((c) => c.release === r.release).length;
  return log;
}
