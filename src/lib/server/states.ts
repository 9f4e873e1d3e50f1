/**
 * Build-time figures for /states/ and /states/<code>/: prison counts, ICE facilities and COVID-19
 * counts of one state, each with the file and row it was read from. State codes are checked
 * against the list of the 50 states and DC before they reach SQL.
 */
import { FY_COVERAGE } from '$lib/charts/fiscal-year';
import { STATES_AND_DC } from '$lib/geo/states';
import { datapackage, query, type PackageResource } from './data';

export interface Provenance {
  publisher: string;
  title: string;
  url: string;
  /** The dataset's licenses and the attribution its publishers ask for. */
  licenses: string[];
  attribution: string;
}

export interface PrisonerYear {
  year: number;
  prisoners: number;
  revised_from: number | null;
  revised_from_report: string | null;
  report: string;
  cell: string;
}

export interface StateFacility {
  facility_id: string;
  name: string;
  city: string | null;
  type_detailed: string | null;
  latest_adp: number | null;
  last_fiscal_year: number;
  first_fiscal_year: number;
  /** How far an incomplete last fiscal year runs ("through 2026-04-04"); null for a full year. */
  partial_note: string | null;
  missing: string | null;
}

export interface CovidCount {
  measure: string;
  label: string;
  value: number | null;
  as_of: string | null;
  cell: string | null;
}

const CODES = new Set(STATES_AND_DC.map((s) => s.code));

/** The upper-case code of a state or DC, or null for anything else. */
export function stateCode(param: string): string | null {
  const c = param.toUpperCase();
  return CODES.has(c) ? c : null;
}

/** Publisher, title and address of a dataset's first source (the one its figures are read from). */
export function provenance(dataset: string): Provenance {
  const r: PackageResource | undefined = datapackage().resources.find((x) => x.name === dataset);
  // The first source with an address: a few sources (a quoted report) have none.
  const s = r?.sources.find((x) => x.path);
  if (!r || !s?.path) throw new Error(`no dataset "${dataset}" with a source in datapackage.json`);
  return { publisher: s.publisher, title: s.title, url: s.path, licenses: r.licenses.map((l) => l.name), attribution: r.attribution };
}

export async function prisonerYears(code: string): Promise<PrisonerYear[]> {
  return query<PrisonerYear>(`
    SELECT year, prisoners, revised_from, revised_from_report, report,
      source_file || ' row ' || source_row || ', column ' || source_column AS cell
    FROM prison_population WHERE jurisdiction = '${code}' ORDER BY year`);
}

export async function unifiedSystem(code: string): Promise<boolean> {
  const [r] = await query<{ unified: boolean | null }>(`SELECT bool_or(unified_system) AS unified FROM prison_population WHERE jurisdiction = '${code}'`);
  return r?.unified === true;
}

/** Facilities in the state that an ICE workbook lists (not the DDP-only codes: hold rooms, hospitals and the like). */
export async function iceFacilities(code: string): Promise<StateFacility[]> {
  return query<StateFacility>(`
    SELECT f.facility_id, f.name, f.city, f.type_detailed, f.latest_adp, f.last_fiscal_year, f.first_fiscal_year,
      nullif(${FY_COVERAGE('f.last_fiscal_year')}, 'full year') AS partial_note, fy.missing
    FROM ice_facilities f
    LEFT JOIN ice_facility_fy fy ON fy.facility_id = f.facility_id AND fy.fiscal_year = f.last_fiscal_year
    WHERE f.state = '${code}' AND f.first_fiscal_year IS NOT NULL
    ORDER BY f.last_fiscal_year DESC, f.latest_adp DESC NULLS LAST, f.name`);
}

/** Facility codes in the state known only from the Deportation Data Project's daily data. */
export async function ddpOnly(code: string): Promise<{ codes: number; holding: number; last_date: string | null }> {
  const [r] = await query<{ codes: number; holding: number; last_date: string | null }>(`
    SELECT count(*) AS codes, count(*) FILTER (WHERE ddp_latest_midnight > 0 AND ddp_last_date = (SELECT max(ddp_last_date) FROM ice_facilities)) AS holding,
      (SELECT CAST(max(ddp_last_date) AS VARCHAR) FROM ice_facilities) AS last_date
    FROM ice_facilities WHERE state = '${code}' AND first_fiscal_year IS NULL`);
  return r ?? { codes: 0, holding: 0, last_date: null };
}

const MARSHALL: [string, string][] = [
  ['total_prisoner_cases', 'Prisoners who tested positive'],
  ['total_prisoner_deaths', 'Prisoner deaths'],
  ['total_staff_cases', 'Staff who tested positive'],
  ['total_staff_deaths', 'Staff deaths'],
];

/** The Marshall Project's last reported cumulative count of each measure (a system may stop reporting one measure earlier than others). */
export async function covidMarshall(code: string): Promise<{ counts: CovidCount[]; last_report: string | null }> {
  const counts = await Promise.all(
    MARSHALL.map(async ([m, label]) => {
      const [r] = await query<{ value: number; as_of: string; cell: string }>(`
        SELECT ${m} AS value, CAST(as_of_date AS VARCHAR) AS as_of, source_file || ' row ' || source_row || ', column ' || '${m}' AS cell
        FROM covid_prisons WHERE system = '${code}' AND ${m} IS NOT NULL ORDER BY as_of_date DESC LIMIT 1`);
      return { measure: m, label, value: r?.value ?? null, as_of: r?.as_of ?? null, cell: r?.cell ?? null };
    }),
  );
  const [last] = await query<{ d: string | null }>(`SELECT CAST(max(as_of_date) AS VARCHAR) AS d FROM covid_prisons WHERE system = '${code}'`);
  return { counts, last_report: last?.d ?? null };
}

const UCLA: [string, string][] = [
  ['Residents.Confirmed', 'Incarcerated people who tested positive'],
  ['Residents.Deaths', 'Deaths of incarcerated people'],
  ['Staff.Confirmed', 'Staff who tested positive'],
  ['Staff.Deaths', 'Staff deaths'],
];

/** UCLA COVID Behind Bars' final cumulative counts for the state's prison system, and the last week of its weekly series. */
export async function covidUcla(code: string): Promise<{ counts: CovidCount[]; weekly_to: string | null }> {
  const rows = await query<{ measure: string; value: number; cell: string }>(`
    SELECT measure, value, source_file || ' row ' || source_row AS cell
    FROM covid_prisons_ucla_latest WHERE system = '${code}' AND measure IN (${UCLA.map(([m]) => `'${m}'`).join(', ')})`);
  const [w] = await query<{ d: string | null }>(`SELECT CAST(max(date) AS VARCHAR) AS d FROM covid_prisons_ucla WHERE system = '${code}'`);
  const counts = UCLA.map(([m, label]) => {
    const r = rows.find((x) => x.measure === m);
    return { measure: m, label, value: r?.value ?? null, as_of: null, cell: r?.cell ?? null };
  });
  return { counts, weekly_to: w?.d ?? null };
}

export interface StateSummary {
  code: string;
  name: string;
  /** Workbook facilities in the state in the newest ICE workbook, and their summed ADP. */
  ice_facilities: number;
  ice_adp: number | null;
}

/** The newest ICE workbook's fiscal year, and how far it runs if it is not a full year. */
export async function latestWorkbook(): Promise<{ fiscal_year: number; partial_note: string | null }> {
  const [fy] = await query<{ fiscal_year: number; partial_note: string | null }>(`
    SELECT f.fiscal_year, nullif(${FY_COVERAGE('f.fiscal_year')}, 'full year') AS partial_note
    FROM (SELECT max(fiscal_year) AS fiscal_year FROM ice_facility_fy) f`);
  if (!fy) throw new Error('ice_facility_fy holds no rows');
  return fy;
}

/** Per-state ICE figures of the newest workbook year, for the /states/ table. */
export async function iceByState(): Promise<{ fiscal_year: number; partial_note: string | null; rows: StateSummary[] }> {
  const fy = await latestWorkbook();
  const by = await query<{ state: string; n: number; adp: number | null }>(`
    SELECT coalesce(fy.state, f.state) AS state, count(*) AS n, sum(fy.adp_total) AS adp
    FROM ice_facility_fy fy JOIN ice_facilities f USING (facility_id)
    WHERE fy.fiscal_year = ${fy.fiscal_year} GROUP BY 1`);
  const map = new Map(by.map((r) => [r.state, r]));
  return {
    ...fy,
    rows: STATES_AND_DC.map((s) => ({ code: s.code, name: s.name, ice_facilities: map.get(s.code)?.n ?? 0, ice_adp: map.get(s.code)?.adp ?? null })),
  };
}

export interface ImprisonmentRate {
  year: number;
  rate: number | null;
  missing: string | null;
  footnotes: string | null;
  disagreement: string | null;
  report: string;
  cell: string;
}

const RATE_COLUMNS = `year, rate, missing, footnotes, disagreement, report, source_file || ' row ' || source_row || ', column ' || source_column AS cell`;

/** A state's imprisonment rate in the latest year BJS gives one (the preferred table's row), or null. */
export async function latestRate(code: string): Promise<ImprisonmentRate | null> {
  const [r] = await query<ImprisonmentRate>(`
    SELECT ${RATE_COLUMNS} FROM imprisonment_rates WHERE jurisdiction = '${code}' AND preferred AND rate IS NOT NULL ORDER BY year DESC LIMIT 1`);
  return r ?? null;
}

/**
 * Every state's rate in the latest year the by-state tables give, for the /states/ table, and the
 * all-states rate ("State" in BJS's tables) of that year to compare with. DC has none.
 */
export async function ratesByState(): Promise<{ year: number; rows: Map<string, ImprisonmentRate>; allStates: ImprisonmentRate | null }> {
  const rows = await query<ImprisonmentRate & { jurisdiction: string }>(`
    WITH latest AS (SELECT max(year) AS latest_year FROM imprisonment_rates WHERE jurisdiction NOT IN ('US', 'FED', 'STATE'))
    SELECT jurisdiction, ${RATE_COLUMNS} FROM imprisonment_rates, latest
    WHERE preferred AND year = latest_year AND jurisdiction NOT IN ('US', 'FED')`);
  const year = rows[0]?.year;
  if (year === undefined) throw new Error('imprisonment_rates holds no rate by state');
  return {
    year,
    rows: new Map(rows.filter((r) => r.jurisdiction !== 'STATE').map(({ jurisdiction, ...r }) => [jurisdiction, r])),
    allStates: rows.find((r) => r.jurisdiction === 'STATE') ?? null,
  };
}
