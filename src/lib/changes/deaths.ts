/**
 * The change log's entries for the deaths file: each version the ingest met (data/releases/deaths.json,
 * written by scripts/archive-release.ts: the death keys of that version) compared with the one
 * before. A death a later version adds is a "death recorded" entry, one a later version drops a
 * "death removed" entry; the first version has nothing to compare with. Pure: the build feeds it
 * the ledger and ice_deaths' rows.
 */
import { displayName } from '../facilities/display-name';
import type { Change } from './types';

/** A death's identity across versions of the file: ice_deaths' primary key. */
export const deathKey = (r: { death_date: string; name: string }) => `${r.death_date.slice(0, 10)} ${r.name}`;

/** One version of the deaths file as the ledger keeps it. */
export interface DeathVersion {
  /** The latest date of death in that version: how the log names it. */
  as_of: string;
  /** Its death keys, sorted. */
  keys: string[];
}

/** The ice_deaths columns an entry says. */
export interface DeathRecord {
  death_date: string;
  name: string;
  age: number | null;
  facility_id: string | null;
  facility_published: string;
  facility_name: string | null;
  state: string;
  fiscal_year: number;
  source_kind: string;
  source_url: string;
  source_file: string;
  source_row: number;
  in_custody: boolean;
}

export interface DeathFileVersion {
  as_of: string;
  previous: string | null;
  deaths: number;
  changes: number;
}

const SOURCE_WORDS: Record<string, string> = {
  'ICE FOIA list': "ICE's FOIA list of deaths",
  'ICE detainee death report': 'an ICE detainee death report',
  'press report': 'a press report (not an ICE finding)',
};

function recorded(r: DeathRecord | undefined, key: string, v: DeathVersion, prev: DeathVersion): Omit<Change, 'id' | 'kind'> {
  const base = { release: v.as_of, previous: prev.as_of, before: null, after: null };
  if (!r) {
    // Added, then dropped again by a later version: only the key is left to say.
    return { ...base, facility_id: null, name: null, state: null, fiscal_year: null, text: `The deaths file recorded a death (${key}) that a later version no longer lists.`, sources: [] };
  }
  const who = `${r.name}${r.age === null ? '' : `, ${r.age},`}`;
  const where = r.facility_id ? '' : ` at ${r.facility_published}`;
  const custody = r.in_custody ? '' : '; its cause says the person was not in custody, so it is listed and never counted as a death in custody';
  return {
    ...base,
    facility_id: r.facility_id,
    name: r.facility_name ? displayName(r.facility_name) : null,
    state: r.state,
    fiscal_year: r.fiscal_year,
    text: `The deaths file now records the death of ${who} on ${r.death_date.slice(0, 10)}${where}, from ${SOURCE_WORDS[r.source_kind] ?? r.source_kind}${custody}.`,
    sources: [{ file: r.source_file, sheet: null, row: r.source_row }],
    document: r.source_url,
  };
}

/** Every version's additions and removals, newest first, and the versions with their counts. */
export function deathChanges(versions: DeathVersion[], rows: DeathRecord[]): { changes: Change[]; files: DeathFileVersion[] } {
  const byKey = new Map(rows.map((r) => [deathKey(r), r]));
  const changes: Change[] = [];
  const files: DeathFileVersion[] = [];
  versions.forEach((v, i) => {
    const prev = versions[i - 1];
    const here: Change[] = [];
    if (prev) {
      const before = new Set(prev.keys);
      const now = new Set(v.keys);
      for (const k of v.keys) if (!before.has(k)) here.push({ id: `deaths-${v.as_of}/death-recorded/${k}`, kind: 'death-recorded', ...recorded(byKey.get(k), k, v, prev) });
      for (const k of prev.keys)
        if (!now.has(k)) {
          const r = byKey.get(k);
          here.push({
            id: `deaths-${v.as_of}/death-removed/${k}`, kind: 'death-removed', release: v.as_of, previous: prev.as_of,
            facility_id: r?.facility_id ?? null, name: r?.facility_name ? displayName(r.facility_name) : null, state: r?.state ?? null, fiscal_year: r?.fiscal_year ?? null, before: null, after: null,
            text: `The deaths file no longer lists the death of ${k.slice(11)} on ${k.slice(0, 10)}, which its version as of ${prev.as_of} did.`,
            sources: [],
          });
        }
    }
    files.unshift({ as_of: v.as_of, previous: prev?.as_of ?? null, deaths: v.keys.length, changes: here.length });
    changes.unshift(...here);
  });
  return { changes, files };
}
