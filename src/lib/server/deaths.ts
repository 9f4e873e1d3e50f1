/**
 * Build-time access to `ice_deaths` (deaths in ICE custody, one row per death; see the dataset's
 * schema in data/datapackage.json): the one place pages, the action panel and the charts read
 * deaths from. Rows are as published; a row with `in_custody` false (people shot by agents, not in
 * custody) is listed with its note but never counted as a death in custody.
 */
import { query } from './data';

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
  source_kind: 'ICE FOIA list' | 'ICE detainee death report' | 'press report';
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
