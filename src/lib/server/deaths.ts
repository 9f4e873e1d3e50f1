/**
 * Build-time access to `ice_deaths` (deaths in ICE custody, one row per death; see the dataset's
 * schema in data/datapackage.json): the one place pages, the action panel and the charts read
 * deaths from. Rows are as published; a row with `in_custody` false (people shot by agents, not in
 * custody) is listed with its note but never counted as a death in custody.
 */
import { query } from './data';
import { onRecord, type DeathsOnRecord, type SourceKind } from '$lib/deaths/on-record';

export interface Death {
  death_date: string;
  name: string;
  age: number | null;
  age_note: string | null;
  sex: string | null;
  country: string | null;
  facility_published: string;
  facility_location_published: string | null;
  facility_id: string | null;
  facility_match: string;
  state: string;
  place_of_death: string | null;
  place_of_death_note: string | null;
  cause_published: string;
  source_kind: SourceKind;
  source_url: string;
  fiscal_year: number;
  in_custody: boolean;
  custody_note: string | null;
  source_file: string;
  source_row: number;
}

const COLUMNS = `strftime(death_date, '%Y-%m-%d') AS death_date, name, age, age_note, sex, country, facility_published,
  facility_location_published, facility_id, facility_match, state, place_of_death, place_of_death_note, cause_published,
  source_kind, source_url, fiscal_year, in_custody, custody_note, source_file, source_row`;

let all: Promise<Death[]> | null = null;
/** Every row, newest first (ties by name). */
export function deaths(): Promise<Death[]> {
  return (all ??= query<Death>(`SELECT ${COLUMNS} FROM ice_deaths ORDER BY death_date DESC, name`));
}

/** The rows tied to one registry facility, newest first. */
export async function deathsAt(facilityId: string): Promise<Death[]> {
  return (await deaths()).filter((d) => d.facility_id === facilityId);
}

/** Deaths in custody per state (USPS code), from the rows' `state`. */
export async function custodyDeathsByState(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const d of await deaths()) if (d.in_custody) out[d.state] = (out[d.state] ?? 0) + 1;
  return out;
}

/** Deaths in custody on record at one facility (the action panel's count), or null when none. */
export async function onRecordAt(facilityId: string): Promise<DeathsOnRecord | null> {
  return onRecord(await deathsAt(facilityId));
}

/**
 * The longest stretch with no row in the file, read from the dates (ICE's FOIA list ends and its
 * detainee death reports begin months later): the last date before it and the first after.
 */
export async function longestGap(): Promise<{ after: string; before: string }> {
  const dates = [...new Set((await deaths()).map((d) => d.death_date))].sort();
  let best = { after: dates[0]!, before: dates[0]!, days: -1 };
  for (let i = 1; i < dates.length; i++) {
    const days = (Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / 864e5;
    if (days > best.days) best = { after: dates[i - 1]!, before: dates[i]!, days };
  }
  return { after: best.after, before: best.before };
}

/** Deaths in custody recorded in one state (USPS code), with the first and last date and the source kinds, or null. */
export async function custodyDeathsIn(state: string): Promise<DeathsOnRecord | null> {
  return onRecord((await deaths()).filter((d) => d.state === state));
}
