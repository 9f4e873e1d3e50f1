/**
 * Build-time numbers for /methodology/: where the sources' quirks show in the data, and where two
 * sources disagree, computed from the committed datasets so the page never states a figure by hand.
 */
import { query } from './data';

/** Days within which an ICE snapshot and a daily count are compared ("nearby dates"). */
export const NEARBY_DAYS = 7;

export interface WorkbookYear {
  fiscal_year: number;
  file: string;
  facilities_sheet: string;
  first_row: number;
  last_row: number;
  facilities: number;
  adp_sheet: string | null;
  adp_row: number | null;
  adp_column: string | null;
  partial_note: string | null;
}

/** Where each yearly workbook's tables sit: sheet names and rows differ every year, which is why the ingest finds tables by title. */
export function workbookYears(): Promise<WorkbookYear[]> {
  return query<WorkbookYear>(`
    SELECT fy.fiscal_year, any_value(fy.source_file) AS file, any_value(fy.source_sheet) AS facilities_sheet,
      min(fy.source_row) AS first_row, max(fy.source_row) AS last_row, count(*) AS facilities,
      any_value(n.source_sheet) AS adp_sheet, any_value(n.source_row) AS adp_row, any_value(n.source_column) AS adp_column,
      any_value(CASE WHEN n.partial THEN n.note END) AS partial_note
    FROM ice_facility_fy fy
    LEFT JOIN ice_national_annual n ON n.source_id = 'ice-workbooks' AND n.fiscal_year = fy.fiscal_year
    GROUP BY fy.fiscal_year ORDER BY fy.fiscal_year`);
}

export interface MissingReason {
  reason: string;
  cells: number;
  rows: number;
  years: string;
}

/** Cells the ICE facility sheets leave empty or mark "#N/A" etc., by what the cell said. Each became null, never 0. */
export function facilityMissing(): Promise<MissingReason[]> {
  return query<MissingReason>(`
    WITH cells AS (
      SELECT facility_id, fiscal_year, unnest(string_split(missing, '; ')) AS item FROM ice_facility_fy WHERE missing IS NOT NULL)
    SELECT regexp_extract(item, ': (.*)$', 1) AS reason, count(*) AS cells, count(DISTINCT (facility_id, fiscal_year)) AS rows,
      string_agg(DISTINCT 'FY' || fiscal_year, ', ' ORDER BY 'FY' || fiscal_year) AS years
    FROM cells GROUP BY reason ORDER BY cells DESC, reason`);
}

/** ICE facility-years whose population itself was not reported. */
export function adpNotReported(): Promise<{ facility_id: string; fiscal_year: number; name: string; reason: string }[]> {
  return query(`
    SELECT facility_id, fiscal_year, name, regexp_extract(missing, 'level_a: ([^;]*)', 1) AS reason
    FROM ice_facility_fy WHERE adp_total IS NULL ORDER BY fiscal_year, name`);
}

export interface Revision {
  jurisdiction: string;
  name: string;
  year: number;
  prisoners: number;
  revised_from: number;
  revised_from_report: string;
  report: string;
}

export async function bjsRevisions(examples = 6): Promise<{ rows: number; revised: number; years: number; largest: Revision[] }> {
  const [t] = await query<{ rows: number; revised: number; years: number }>(`
    SELECT count(*) AS rows, count(revised_from) AS revised, count(DISTINCT year) FILTER (WHERE revised_from IS NOT NULL) AS years FROM prison_population`);
  const largest = await query<Revision>(`
    SELECT jurisdiction, jurisdiction_name AS name, year, prisoners, revised_from, revised_from_report, report
    FROM prison_population WHERE revised_from IS NOT NULL
    ORDER BY abs(prisoners - revised_from) DESC, jurisdiction, year LIMIT ${examples}`);
  return { ...(t ?? { rows: 0, revised: 0, years: 0 }), largest };
}

/** BJS rounds cpus16 counts to the nearest 100: check that every count in incarceration_totals is a multiple of 100. */
export async function cpusRounding(): Promise<{ counts: number; multiples: number }> {
  const cols = ['total_correctional', 'community_supervision', 'probation', 'parole', 'incarcerated_total', 'local_jail', 'prison'];
  const [r] = await query<{ counts: number; multiples: number }>(`
    SELECT ${cols.map((c) => `count(${c})`).join(' + ')} AS counts, ${cols.map((c) => `count(${c}) FILTER (WHERE ${c} % 100 = 0)`).join(' + ')} AS multiples
    FROM incarceration_totals`);
  return r ?? { counts: 0, multiples: 0 };
}

export interface FacilitySum {
  fiscal_year: number;
  facilities: number;
  not_reported: number;
  facility_sum: number;
  national: number | null;
  difference: number | null;
  percent: number | null;
  partial_note: string | null;
}

/** The sum of the facility ADPs in each workbook against the same workbook's national ADP. */
export function facilitySums(): Promise<FacilitySum[]> {
  return query<FacilitySum>(`
    SELECT fy.fiscal_year, count(*) AS facilities, count(*) - count(fy.adp_total) AS not_reported, sum(fy.adp_total) AS facility_sum,
      any_value(n.adp) AS national, any_value(n.adp) - sum(fy.adp_total) AS difference,
      100 * sum(fy.adp_total) / any_value(n.adp) AS percent, any_value(CASE WHEN n.partial THEN n.note END) AS partial_note
    FROM ice_facility_fy fy
    LEFT JOIN ice_national_annual n ON n.source_id = 'ice-workbooks' AND n.fiscal_year = fy.fiscal_year
    GROUP BY fy.fiscal_year ORDER BY fy.fiscal_year`);
}

export interface AnnualPair {
  fiscal_year: number;
  marshall: number | null;
  craig: number | null;
  difference: number | null;
  note: string | null;
}

/** The Marshall Project's and Nathan Craig's annual ADP for the same fiscal years. */
export async function marshallVsCraig(): Promise<{ years: number; equal: number; differ: AnnualPair[]; missing: AnnualPair[] }> {
  const rows = await query<AnnualPair>(`
    SELECT coalesce(m.fiscal_year, c.fiscal_year) AS fiscal_year, m.adp AS marshall, c.adp AS craig, m.adp - c.adp AS difference,
      concat_ws('; ', CASE WHEN m.missing IS NOT NULL THEN 'Marshall ' || m.missing END, CASE WHEN c.missing IS NOT NULL THEN 'Craig ' || c.missing END, c.note) AS note
    FROM (SELECT * FROM ice_national_annual WHERE source_id = 'marshall-detention') m
    JOIN (SELECT * FROM ice_national_annual WHERE source_id = 'ncraig-adp') c USING (fiscal_year)
    ORDER BY fiscal_year`);
  const both = rows.filter((r) => r.difference !== null);
  return {
    years: rows.length,
    equal: both.filter((r) => r.difference === 0).length,
    differ: both.filter((r) => r.difference !== 0).sort((a, b) => Math.abs(b.difference!) - Math.abs(a.difference!)),
    missing: rows.filter((r) => r.difference === null),
  };
}

export interface SnapshotPair {
  as_of: string;
  fiscal_year: number;
  snapshot: number;
  source: string;
  other_series: string | null;
  other_date: string | null;
  other_value: number | null;
  gap_days: number | null;
}

/**
 * ICE's one-day "currently detained" snapshot against the daily counts on the nearest date within
 * NEARBY_DAYS: the Deportation Data Project's midnight count (from ICE's own records, released under
 * FOIA) and the total ICE posted on its COVID-19 page.
 */
export function snapshotVsDaily(): Promise<SnapshotPair[]> {
  return query<SnapshotPair>(`
    WITH pairs AS (
      SELECT CAST(s.as_of AS VARCHAR) AS as_of, s.fiscal_year, s.total AS snapshot,
        s.source_file || ', sheet ' || s.source_sheet || ', row ' || s.source_row || ', column ' || s.source_column AS source,
        d.series AS other_series, CAST(d.date AS VARCHAR) AS other_date, d.value AS other_value, datediff('day', s.as_of, d.date) AS gap_days,
        row_number() OVER (PARTITION BY s.as_of, d.series ORDER BY abs(datediff('day', s.as_of, d.date)), d.date) AS rank
      FROM ice_detained_snapshots s
      LEFT JOIN ice_national_daily d ON d.series IN ('ddp_midnight', 'ice_covid_page') AND d.value IS NOT NULL
        AND abs(datediff('day', s.as_of, d.date)) <= ${NEARBY_DAYS})
    SELECT * EXCLUDE (rank) FROM pairs WHERE rank = 1 ORDER BY as_of, other_series`);
}

export interface Ppi {
  value: number;
  method: string;
  qualifier: string | null;
  as_of: string;
  source_title: string;
  source_url: string;
  bjs_peak_year: number;
  bjs_peak: number;
  bjs_latest_year: number;
  bjs_latest: number;
  bjs_latest_jail: number;
  bjs_latest_prison: number;
  prisoners_year: number;
  prisoners: number;
}

/**
 * PPI's headline count against BJS's: the incarcerated total of prisons and local jails (cpus16, at its
 * peak and in its latest year) and the prison count of the year before the PPI report.
 */
export async function ppiVsBjs(): Promise<Ppi | null> {
  const [r] = await query<Ppi>(`
    WITH ppi AS (SELECT value, qualifier, method, CAST(as_of AS VARCHAR) AS as_of, source_title, source_url FROM headline_figures WHERE publisher = 'Prison Policy Initiative' ORDER BY as_of DESC LIMIT 1),
    t AS (SELECT * FROM incarceration_totals WHERE incarcerated_total IS NOT NULL),
    peak AS (SELECT year, incarcerated_total FROM t ORDER BY incarcerated_total DESC LIMIT 1),
    latest AS (SELECT year, incarcerated_total, local_jail, prison FROM t ORDER BY as_of DESC LIMIT 1),
    pr AS (SELECT year, prisoners FROM prison_population, ppi WHERE jurisdiction = 'US' AND year = year(CAST(ppi.as_of AS DATE)) - 1)
    SELECT ppi.*, peak.year AS bjs_peak_year, peak.incarcerated_total AS bjs_peak, latest.year AS bjs_latest_year, latest.incarcerated_total AS bjs_latest,
      latest.local_jail AS bjs_latest_jail, latest.prison AS bjs_latest_prison, pr.year AS prisoners_year, pr.prisoners
    FROM ppi, peak, latest, pr`);
  return r ?? null;
}

export interface MatchGroup {
  method: string;
  facilities: number;
}

export interface Registry {
  workbook: number;
  matched: number;
  unmatched: number;
  ddp_only: number;
  /** Pages of an earlier release that now lead to another facility's. */
  redirects: number;
  /** Facilities with no state or point, and why (ice_facilities.location_note). */
  unlocated: { note: string; facilities: number }[];
  approximate: number;
  groups: MatchGroup[];
  /** Workbook facilities left without a code, with the reason. */
  unmatchedList: { name: string; state: string | null; why: string }[];
  /** Ties made on a similar (not the same) name: name, code and evidence. */
  similar: string[];
}

// match_method names the code and the evidence; the table groups by the rule alone.
const METHOD = `CASE WHEN match_method LIKE 'DDP code % by entity resolution%' THEN 'DDP code, by entity resolution (names, state, population)'
  WHEN match_method LIKE 'crosswalk row%' THEN 'A reviewed crosswalk line'
  WHEN match_method LIKE 'unmatched%' THEN 'Unmatched'
  ELSE regexp_replace(match_method, ' \\(.*\\)$', '') END`;

/** The ICE facility registry in figures, from ice_facilities: how its sources were tied together, and what is missing. */
export async function facilityRegistry(): Promise<Registry> {
  const groups = await query<MatchGroup>(`SELECT ${METHOD} AS method, count(*) AS facilities FROM ice_facilities WHERE first_fiscal_year IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`);
  const similar = (
    await query<{ m: string }>(`SELECT name || ' → ' || detloc || ': ' || regexp_extract(match_method, '\\((score .*)\\)$', 1) AS m FROM ice_facilities WHERE match_method LIKE '%similar name%' ORDER BY 1`)
  ).map((r) => r.m);
  const unmatchedList = await query<{ name: string; state: string | null; why: string }>(
    `SELECT name, state, regexp_replace(match_method, '^unmatched: ', '') AS why FROM ice_facilities WHERE match_method LIKE 'unmatched%' ORDER BY name`,
  );
  const unlocated = await query<{ note: string; facilities: number }>(
    `SELECT regexp_replace(location_note, ' \\([^)]*\\)', '') AS note, count(*) AS facilities FROM ice_facilities WHERE location_note IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`,
  );
  const [t] = await query<Omit<Registry, 'groups' | 'similar' | 'unmatchedList' | 'unlocated'>>(`
    SELECT count(*) FILTER (WHERE first_fiscal_year IS NOT NULL) AS workbook,
      count(*) FILTER (WHERE first_fiscal_year IS NOT NULL AND detloc IS NOT NULL) AS matched,
      count(*) FILTER (WHERE first_fiscal_year IS NOT NULL AND detloc IS NULL) AS unmatched,
      count(*) FILTER (WHERE first_fiscal_year IS NULL) AS ddp_only,
      coalesce(sum(len(string_split(former_ids, '; '))), 0) AS redirects,
      count(*) FILTER (WHERE coord_approximate) AS approximate
    FROM ice_facilities`);
  return { ...(t ?? { workbook: 0, matched: 0, unmatched: 0, ddp_only: 0, redirects: 0, approximate: 0 }), groups, similar, unmatchedList, unlocated };
}

/** UCLA's national totals count only the systems that reported each measure. */
export function uclaCoverage(): Promise<{ measure: string; value: number; reporting: number; missing: string | null }[]> {
  return query(`SELECT measure, value, reporting, missing FROM covid_prisons_ucla_latest WHERE system = 'US' AND measure IN ('Residents.Confirmed', 'Residents.Deaths', 'Staff.Confirmed', 'Staff.Deaths') ORDER BY measure`);
}

/** Prison systems in the Marshall Project's weekly counts. */
export async function marshallSystems(): Promise<number> {
  const [r] = await query<{ n: number }>(`SELECT count(DISTINCT system) AS n FROM covid_prisons`);
  return r?.n ?? 0;
}

/** Jurisdictions whose prisons and jails are one system, and DC's last year with a BJS count. */
export async function unifiedSystems(): Promise<{ codes: string[]; dc_last: number | null }> {
  const codes = (await query<{ c: string }>(`SELECT DISTINCT jurisdiction AS c FROM prison_population WHERE unified_system ORDER BY 1`)).map((r) => r.c);
  const [dc] = await query<{ y: number | null }>(`SELECT max(year) AS y FROM prison_population WHERE jurisdiction = 'DC'`);
  return { codes, dc_last: dc?.y ?? null };
}
