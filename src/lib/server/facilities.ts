/**
 * Build-time facility data for /facilities and /facilities/[id]: the shared tables are read once
 * (a handful of queries for ~2,700 pages) and every page is assembled from memory. Only the two
 * facility charts query per page, through the chart registry.
 */
import { datapackage, query } from './data';
import { stateShapes } from './geo';
import { parseMissing } from '$lib/facilities/missing';
import { ALBERS, project } from '$lib/facilities/geo';
import { officeFor, type Coverage } from '$lib/facilities/field-office';
import { nearest } from '$lib/geo/near';
import type { Compared, DirectoryRow } from '$lib/facilities/directory';
import type { CovidSummary, FacilityPage, FiscalYear, UclaFacility } from '$lib/facilities/types';
import type { FieldOffice } from '$lib/actions/contacts';

interface FacilityRow {
  facility_id: string;
  kind: string;
  name: string;
  ice_facility_id: string | null;
  ice_type_detailed: string | null;
  ucla_id: number | null;
  ucla_description: string | null;
  link_method: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
  coord_source: string | null;
  coord_approximate: boolean | null;
  /** Why there are no coordinates, or why UCLA's address or state was corrected. */
  location_note: string | null;
  population: number | null;
  population_measure: string | null;
  population_source: string | null;
  status: string | null;
  other_names: string | null;
  operator: string | null;
  /** State of the facility's ZIP (zip_centroids), where the ZCTA lies in one state. */
  zip_state: string | null;
}

type IceRow = NonNullable<FacilityPage['ice']> & { facility_id: string };
type FyRow = Omit<FiscalYear, 'missing' | 'partial'> & { facility_id: string; missing: string | null };

interface Store {
  facilities: FacilityRow[];
  /** Facilities with coordinates, for "nearby". */
  places: { id: string; lat: number; lon: number; row: FacilityRow }[];
  byId: Map<string, FacilityRow>;
  ice: Map<string, IceRow>;
  years: Map<string, FiscalYear[]>;
  offices: FieldOffice[];
  coverage: Coverage[];
  ucla: Map<number, UclaFacility>;
  covid: Map<string, CovidSummary> | null;
}

/** Dataset that ties the names on ICE's COVID-19 page to facility ids (made by the ingest). */
export const COVID_LINKS = 'ice_covid_facilities';

let store: Promise<Store> | null = null;

function load(): Promise<Store> {
  return (store ??= (async () => {
    const facilities = await query<FacilityRow>(
      `SELECT f.*, z.state AS zip_state FROM facilities f LEFT JOIN zip_centroids z ON z.zip = f.zip ORDER BY f.name, f.facility_id`,
    );
    const ice = await query<IceRow>(`SELECT * FROM ice_facilities`);
    // ICE's workbooks say how far a partial fiscal year runs (FY2021 ends 2021-09-11; the current one at the data date).
    const partial = new Map(
      (await query<{ fiscal_year: number; note: string }>(`SELECT fiscal_year, note FROM ice_national_annual WHERE source_id = 'ice-workbooks' AND partial`)).map((r) => [r.fiscal_year, r.note]),
    );
    const years = new Map<string, FiscalYear[]>();
    for (const r of await query<FyRow>(`SELECT * EXCLUDE (address, city, state, zip, male_female) FROM ice_facility_fy ORDER BY facility_id, fiscal_year`)) {
      const { facility_id: key, ...row } = r;
      years.set(key, [...(years.get(key) ?? []), { ...row, missing: parseMissing(r.missing), partial: partial.get(r.fiscal_year) ?? null }]);
    }
    const ucla = await query<UclaFacility>(`SELECT * FROM ucla_facilities WHERE ucla_id IN (SELECT ucla_id FROM facilities)`);
    return {
      facilities,
      places: facilities.filter((f) => f.latitude !== null && f.longitude !== null).map((f) => ({ id: f.facility_id, lat: f.latitude!, lon: f.longitude!, row: f })),
      byId: new Map(facilities.map((f) => [f.facility_id, f])),
      ice: new Map(ice.map((r) => [r.facility_id, r])),
      years,
      offices: await query<FieldOffice>(`SELECT * FROM ice_field_offices ORDER BY office_id`),
      coverage: await query<Coverage>(`SELECT state_code, state, county, office_id, source_file, source_row FROM ice_aor_coverage ORDER BY source_row`),
      ucla: new Map(ucla.map((u) => [u.ucla_id, u])),
      covid: await loadCovid(),
    };
  })());
}

/** COVID counts per facility, when this data release links ICE's COVID page names to facilities. */
async function loadCovid(): Promise<Map<string, CovidSummary> | null> {
  if (!datapackage().resources.some((r) => r.name === COVID_LINKS)) return null;
  const rows = await query<CovidSummary & { facility_id: string }>(`
    SELECT l.facility_id, list(DISTINCT c.facility_name ORDER BY c.facility_name) AS names, string_agg(DISTINCT l.link_method, '; ' ORDER BY l.link_method) AS link_method,
           min(c.date)::VARCHAR AS first_date, max(c.date)::VARCHAR AS last_date, count(DISTINCT c.date)::INTEGER AS days,
           arg_max(c.total_confirmed, (c.date, c.total_confirmed)) FILTER (WHERE c.total_confirmed IS NOT NULL) AS total_confirmed,
           max(c.date) FILTER (WHERE c.total_confirmed IS NOT NULL)::VARCHAR AS total_confirmed_date,
           arg_max(c.deaths, (c.date, c.deaths)) FILTER (WHERE c.deaths IS NOT NULL) AS deaths,
           max(c.current_cases) AS peak_current,
           arg_max(c.date, (c.current_cases, c.date)) FILTER (WHERE c.current_cases IS NOT NULL)::VARCHAR AS peak_current_date,
           any_value(c.source_file) AS source_file, min(c.source_row)::INTEGER AS first_row, max(c.source_row)::INTEGER AS last_row
    FROM ${COVID_LINKS} l JOIN ice_covid c ON c.level = 'facility' AND c.facility_name = l.facility_name
    WHERE l.facility_id IS NOT NULL GROUP BY l.facility_id`);
  return new Map(rows.map(({ facility_id, ...r }) => [facility_id, r]));
}

/** Every facility id, for prerendering. */
export async function facilityIds(): Promise<string[]> {
  return (await load()).facilities.map((f) => f.facility_id);
}


/**
 * Former id → the id of the facility it became, for the redirect pages: ICE ids an earlier release
 * used (ice_facilities.former_ids), UCLA rows now tied to an ICE facility (ucla-<id> of an ICE
 * row), and UCLA entries that repeat a place (facilities_excluded.same_as). An excluded row that
 * is no place at all ("STAFF TOTAL") gets the 404 page: there is nothing to send the reader to.
 */
export async function formerIds(): Promise<Map<string, string>> {
  const s = await load();
  const out = new Map<string, string>();
  for (const [id, r] of s.ice) for (const old of (r.former_ids ?? '').split('; ').filter(Boolean)) out.set(old, id);
  for (const f of s.facilities) if (f.ucla_id !== null && f.facility_id !== `ucla-${f.ucla_id}`) out.set(`ucla-${f.ucla_id}`, f.facility_id);
  for (const r of await query<{ ucla_id: number; same_as: string }>(`SELECT ucla_id, same_as FROM facilities_excluded WHERE same_as IS NOT NULL`)) {
    if (s.byId.has(r.same_as)) out.set(`ucla-${r.ucla_id}`, r.same_as);
  }
  for (const id of s.byId.keys()) out.delete(id);
  return out;
}

/**
 * The two fiscal years the directory compares: the latest two ICE's facility workbooks list, with
 * how far each runs when partial (ice_national_annual's note, e.g. "through 2026-04-04").
 */
export async function comparedYears(): Promise<Compared> {
  const s = await load();
  const listed = [...new Set([...s.years.values()].flat().map((y) => y.fiscal_year))].sort((a, b) => a - b);
  const [from, to] = listed.slice(-2);
  if (from === undefined || to === undefined) throw new Error(`ice_facility_fy: the directory compares two fiscal years, found ${listed.length}`);
  const note = (fy: number) => [...s.years.values()].flat().find((y) => y.fiscal_year === fy)?.partial ?? null;
  return { from, to, fromNote: note(from), toNote: note(to) };
}

/** One compact row per facility for the directory, in name order. */
export async function directory(): Promise<DirectoryRow[]> {
  const s = await load();
  const { from, to } = await comparedYears();
  return s.facilities.map((f) => {
    const years = s.years.get(f.facility_id) ?? [];
    const adp = (fy: number) => years.find((y) => y.fiscal_year === fy)?.adp_total ?? null;
    return {
      id: f.facility_id,
      name: f.name,
      aka: f.other_names?.split('; ') ?? [],
      kind: f.kind,
      state: f.state,
      city: f.city,
      type: f.ice_type_detailed ?? f.ucla_description,
      operator: f.operator,
      population: f.population === null ? null : Math.round(f.population),
      measure: f.population_measure,
      adpFrom: adp(from),
      adpTo: adp(to),
    };
  });
}

/** Everything the page shows about one facility, or null for an unknown id. */
export async function facilityPage(id: string): Promise<FacilityPage | null> {
  const s = await load();
  const f = s.byId.get(id);
  if (!f) return null;
  const iceRow = f.ice_facility_id ? s.ice.get(f.ice_facility_id) : undefined;
  const ucla = f.ucla_id !== null ? (s.ucla.get(f.ucla_id) ?? null) : null;
  const where = f.zip_state ?? f.state;
  const point = f.latitude !== null && f.longitude !== null ? project(f.longitude, f.latitude) : null;
  const ice: FacilityPage['ice'] = iceRow ? (({ facility_id: key, ...r }) => ({ ...r, years: s.years.get(key) ?? [] }))(iceRow) : null;
  return {
    id,
    ice_facility_id: f.ice_facility_id,
    name: f.name,
    kind: f.kind,
    address: f.address,
    city: f.city,
    state: f.state,
    zip: f.zip,
    location_note: f.location_note,
    operator: f.operator,
    population: f.population,
    population_measure: f.population_measure,
    population_source: f.population_source,
    locator:
      f.latitude !== null && f.longitude !== null
        ? {
            latitude: f.latitude,
            longitude: f.longitude,
            approximate: f.coord_approximate === true,
            source: f.coord_source,
            point,
            state: point && stateShapes().shapes.some((sh) => sh.code === where) ? where : null,
          }
        : null,
    ice,
    ucla,
    link_method: f.link_method,
    office: officeFor({ aor: iceRow?.aor ?? null, aorSource: iceRow?.address_source ?? null, state: where, county: ucla?.county ?? null }, s.offices, s.coverage),
    nearby: nearest({ lat: f.latitude ?? NaN, lon: f.longitude ?? NaN }, s.places, { n: 5, keep: (p) => p.id !== id }).map(({ row: p, km, miles }) => ({
      id: p.facility_id,
      name: p.name,
      kind: p.kind,
      city: p.city,
      state: p.state,
      miles,
      km,
    })),
    zip_state: f.zip_state,
    ...(s.covid ? { covid: (f.ice_facility_id && s.covid.get(f.ice_facility_id)) || null } : {}),
  };
}

const SVG_OPEN = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ALBERS.width} ${ALBERS.height}">`;

/** The base map of every locator: state outlines, drawn once (served as /facilities/states.svg). */
export function statesSvg(): string {
  const { shapes, borders } = stateShapes();
  return `${SVG_OPEN}<path fill="#e5e7eb" d="${shapes.map((s) => s.d).join('')}"/><path fill="none" stroke="#fff" stroke-width="1" d="${borders}"/></svg>`;
}

/**
 * One state's outline, highlighted, in the base map's frame (served as /facilities/states/<code>.svg):
 * a locator draws it over the base map. One file per state, cached by the browser, rather than the
 * outline in each of the state's facility pages (7.3 MB over 2,557 pages; issue 20).
 */
export function stateSvg(code: string): string | null {
  const shape = stateShapes().shapes.find((s) => s.code === code);
  return shape ? `${SVG_OPEN}<path fill="#c7d2fe" stroke="#4338ca" stroke-width="1.5" d="${shape.d}"/></svg>` : null;
}

/** Every state with an outline file. */
export const outlinedStates = (): string[] => stateShapes().shapes.map((s) => s.code);
