/**
 * Build-time access to `ice_deaths` (deaths in ICE custody, one row per death; see the dataset's
 * schema in data/datapackage.json): the one place pages, the action panel and the charts read
 * deaths from. Rows are as published; a row with `in_custody` false (people shot by agents, not in
 * custody) is listed with its note but never counted as a death in custody.
 */
import { GAP_YEARS } from '$lib/deaths/coverage';
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

/** One fiscal year's deaths in custody per 100,000 detained person-years, or why there is no rate. */
export interface DeathRate {
  fiscal_year: number;
  deaths: number;
  /** ICE's national average daily population that year, null where ICE's workbooks give none. */
  adp: number | null;
  /** deaths / adp × 100,000; null with `why` where it is not computed. */
  rate: number | null;
  why: string | null;
  /** The ADP cell: file, sheet, row, column. */
  adp_cell: string | null;
  adp_note: string | null;
}

/**
 * Deaths in custody per 100,000 detained person-years, by fiscal year: an average daily population
 * held for a year is that many person-years, so rate = deaths / ADP × 100,000. ADP is ICE's own
 * ("FY Overall" in each yearly workbook, ice_national_annual source 'ice-workbooks', FY2019 on);
 * no rate for the years the deaths file's gap touches, for the latest (partial) year of deaths, or
 * where ICE gives no ADP.
 */
export async function custodyDeathRates(): Promise<DeathRate[]> {
  const adp = new Map(
    (
      await query<{ fiscal_year: number; adp: number; cell: string; note: string | null }>(
        `SELECT CAST(fiscal_year AS INTEGER) AS fiscal_year, adp, note,
          source_file || ', sheet "' || source_sheet || '", row ' || source_row || ', column ' || source_column AS cell
         FROM ice_national_annual WHERE source_id = 'ice-workbooks' AND adp IS NOT NULL`,
      )
    ).map((r) => [r.fiscal_year, r]),
  );
  const rows = await deaths();
  const years = rows.map((d) => d.fiscal_year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out: DeathRate[] = [];
  for (let fy = first; fy <= last; fy++) {
    const n = rows.filter((d) => d.in_custody && d.fiscal_year === fy).length;
    const a = adp.get(fy);
    const why = GAP_YEARS.includes(fy)
      ? 'incomplete year: the deaths file has a gap'
      : fy === last
        ? 'partial year of deaths'
        : !a
          ? 'no ICE national ADP for this year'
          : null;
    out.push({ fiscal_year: fy, deaths: n, adp: a?.adp ?? null, rate: why || !a ? null : (n / a.adp) * 100_000, why, adp_cell: a?.cell ?? null, adp_note: a?.note ?? null });
  }
  return out;
}

/** The registry name of each facility a death is tied to (for the deaths page's facility filter). */
export async function deathFacilityNames(): Promise<Record<string, string>> {
  const rows = await query<{ facility_id: string; name: string }>(
    `SELECT DISTINCT f.facility_id, f.name FROM facilities f JOIN ice_deaths d USING (facility_id) ORDER BY f.name`,
  );
  return Object.fromEntries(rows.map((r) => [r.facility_id, r.name]));
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
