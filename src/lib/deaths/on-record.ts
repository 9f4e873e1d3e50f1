/**
 * Deaths in custody on record at a facility, as the action panel, its call scripts and letters,
 * and /near/'s look-up file say them. Framework-free, so the build step that writes /near/'s data
 * (scripts/build-near.ts) and the pages count by the one rule: only rows with `in_custody` true
 * (ice_deaths keeps two people shot by agents, who were not in custody, and never counts them), and
 * the words name who recorded the deaths: ICE (its FOIA list, its detainee death reports) or the
 * press (reports, not ICE's findings).
 */

export type SourceKind = 'ICE FOIA list' | 'ICE detainee death report' | 'press report';

/** The columns of an ice_deaths row the count needs. */
export interface DeathRow {
  death_date: string;
  source_kind: SourceKind;
  in_custody: boolean;
}

export interface DeathsOnRecord {
  /** Deaths in custody (in_custody rows only); always ≥ 1 (no record is null, never 0). */
  count: number;
  /** First and last date of death, YYYY-MM-DD. */
  first: string;
  last: string;
  /** Rows by source kind. */
  kinds: Partial<Record<SourceKind, number>>;
}

/** The deaths in custody among `rows` (one facility's), or null when there is none to say. */
export function onRecord(rows: DeathRow[]): DeathsOnRecord | null {
  const custody = rows.filter((r) => r.in_custody).map((r) => ({ ...r, death_date: r.death_date.slice(0, 10) }));
  if (!custody.length) return null;
  const dates = custody.map((r) => r.death_date).sort();
  const kinds: DeathsOnRecord['kinds'] = {};
  for (const r of custody) kinds[r.source_kind] = (kinds[r.source_kind] ?? 0) + 1;
  return { count: custody.length, first: dates[0]!, last: dates.at(-1)!, kinds };
}

/** Deaths in custody per facility id, for rows tied to a facility. */
export function onRecordByFacility(rows: (DeathRow & { facility_id: string | null })[]): Record<string, DeathsOnRecord> {
  const by = new Map<string, DeathRow[]>();
  for (const r of rows) if (r.facility_id) by.set(r.facility_id, [...(by.get(r.facility_id) ?? []), r]);
  const out: Record<string, DeathsOnRecord> = {};
  for (const [id, list] of [...by].sort(([a], [b]) => a.localeCompare(b))) {
    const d = onRecord(list);
    if (d) out[id] = d;
  }
  return out;
}

const press = (d: DeathsOnRecord) => d.kinds['press report'] ?? 0;
const year = (iso: string) => iso.slice(0, 4);
/** "one" in a spoken sentence, as a person would say it; other counts as digits. */
const spokenCount = (n: number) => (n === 1 ? 'one' : n.toLocaleString('en-US'));

/**
 * The spoken sentence for a call script or letter: who recorded the deaths, how many, since when.
 * "ICE has reported 12 deaths of people in its custody at this facility since 2008."
 */
export function deathsSentence(d: DeathsOnRecord | null | undefined): string | null {
  if (!d || d.count < 1) return null;
  const p = press(d);
  const when = d.count === 1 ? `, in ${year(d.first)}` : ` since ${year(d.first)}`;
  const deaths = d.count === 1 ? 'the death of one person' : `${spokenCount(d.count)} deaths of people`;
  if (p === 0) return `ICE has reported ${deaths} in its custody at this facility${when}.`;
  if (p === d.count) return `${d.count === 1 ? 'A press report records' : 'Press reports record'} ${deaths} in ICE custody at this facility${when}.`;
  return `ICE’s reports and press reports record ${deaths} in ICE custody at this facility since ${year(d.first)}.`;
}

/** The panel's statement (read, not spoken): the count, the year, and exactly which sources hold it. */
export function deathsStatement(d: DeathsOnRecord): string {
  const p = press(d);
  const ice = d.count - p;
  const deaths = `${d.count.toLocaleString('en-US')} ${d.count === 1 ? 'death' : 'deaths'} in custody`;
  const when = d.count === 1 ? `in ${year(d.first)}` : `since ${year(d.first)}`;
  if (p === 0) return `ICE has reported ${deaths} at this facility ${when}.`;
  if (ice === 0) return `${deaths[0]!.toUpperCase()}${deaths.slice(1)} at this facility ${d.count === 1 ? 'is' : 'are'} on record ${when}, in press reports (not ICE’s findings).`;
  return `${deaths[0]!.toUpperCase()}${deaths.slice(1)} at this facility are on record ${when} (ICE reports and press reports: ${ice} reported by ICE, ${p} in press reports, which are not ICE’s findings).`;
}

/** The source line under a script (shown, never spoken): the dataset, the rows and their kinds. */
export function deathsSource(d: DeathsOnRecord): string {
  const kinds = Object.entries(d.kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `Deaths: ${d.count} in-custody ${d.count === 1 ? 'row' : 'rows'} of dataset ice_deaths tied to this facility (${kinds}), ${d.first}${d.count > 1 ? ` to ${d.last}` : ''}.`;
}
