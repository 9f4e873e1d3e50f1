/**
 * What a facility page receives (plain JSON, built at prerender by $lib/server/facilities):
 * rows as the datasets hold them, with each figure's provenance and ICE's reasons for blanks.
 */
import type { OfficeLink } from '$lib/actions/contacts';

/** One ICE workbook row (ice_facility_fy) with its year's coverage and ICE's reasons for blanks. */
export interface FiscalYear {
  fiscal_year: number;
  name: string;
  type_detailed: string | null;
  aor: string | null;
  adp_total: number | null;
  adp_level_a: number | null;
  adp_level_b: number | null;
  adp_level_c: number | null;
  adp_level_d: number | null;
  adp_male_crim: number | null;
  adp_male_non_crim: number | null;
  adp_female_crim: number | null;
  adp_female_non_crim: number | null;
  adp_threat_level_1: number | null;
  adp_threat_level_2: number | null;
  adp_threat_level_3: number | null;
  adp_no_threat_level: number | null;
  adp_mandatory: number | null;
  alos_days: number | null;
  guaranteed_minimum: number | null;
  last_inspection_type: string | null;
  last_inspection_standard: string | null;
  last_inspection_rating: string | null;
  last_inspection_date: string | null;
  /** Null column -> ICE's cell ("blank", "N/A", "Scheduled FY27"). */
  missing: Record<string, string>;
  source_file: string;
  source_sheet: string;
  source_row: number;
  /** How far the year runs when ICE's workbook covers only part of it ("through 2026-04-04"), else null. */
  partial: string | null;
}

export interface UclaFacility {
  ucla_id: number;
  name: string;
  jurisdiction: string | null;
  description: string | null;
  security: string | null;
  age: string | null;
  gender: string | null;
  state: string | null;
  city: string | null;
  address: string | null;
  zip: string | null;
  county: string | null;
  county_fips: string | null;
  population_feb20: number | null;
  population_feb20_source: string | null;
  capacity: number | null;
  capacity_source: string | null;
  operator: string | null;
  website: string | null;
  source_file: string;
  source_row: number;
}

export interface Locator {
  latitude: number;
  longitude: number;
  approximate: boolean;
  source: string | null;
  /** Position on the 975×610 us-atlas Albers frame, or null outside it (territories). */
  point: [number, number] | null;
  /** The state the point is in, whose outline (/facilities/states/<code>.svg, same frame) highlights it; null where no outline is drawn. */
  state: string | null;
}

export interface Nearby {
  id: string;
  name: string;
  kind: string;
  city: string | null;
  state: string | null;
  miles: number;
  km: number;
}

export interface CovidSummary {
  /** Names ICE used on its COVID-19 page for this facility. */
  names: string[];
  link_method: string;
  first_date: string;
  last_date: string;
  days: number;
  total_confirmed: number | null;
  total_confirmed_date: string | null;
  deaths: number | null;
  peak_current: number | null;
  peak_current_date: string | null;
  source_file: string;
  first_row: number;
  last_row: number;
}

export interface FacilityPage {
  id: string;
  /** ICE's facility id, where ICE lists the place (the change log's key). */
  ice_facility_id: string | null;
  name: string;
  kind: string;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  /** State of the ZIP (zip_centroids), when the ZCTA lies in one: UCLA files some places under another state. */
  zip_state: string | null;
  /** Why there are no coordinates, or why a source's address or state was corrected (facilities.location_note). */
  location_note: string | null;
  operator: string | null;
  population: number | null;
  population_measure: string | null;
  /** The source cell of population (file, sheet and row), as the facilities dataset gives it. */
  population_source: string | null;
  locator: Locator | null;
  /** Null for facilities ICE does not list (UCLA-only prisons, jails). */
  ice: {
    detloc: string | null;
    aor: string | null;
    type_detailed: string | null;
    male_female: string | null;
    first_fiscal_year: number | null;
    last_fiscal_year: number | null;
    address_source: string;
    match_method: string;
    /** "holding people", "empty at the latest count" or "inactive" (ice_facilities.status), and what it rests on. */
    status: string;
    status_note: string;
    /** Other names the sources give it ("; "-separated). */
    other_names: string | null;
    /** Ids earlier releases gave this facility ("; "-separated); their pages redirect here. */
    former_ids: string | null;
    /** Why there is no state or point, when there is none. */
    location_note: string | null;
    ddp_name: string | null;
    ddp_first_date: string | null;
    ddp_last_date: string | null;
    ddp_latest_midnight: number | null;
    years: FiscalYear[];
  } | null;
  ucla: UclaFacility | null;
  /** How the ICE facility was tied to UCLA's entry, when both list it. */
  link_method: string | null;
  office: OfficeLink | null;
  nearby: Nearby[];
  /** undefined: the release has no link from ICE's COVID page names to facilities; null: no COVID rows for this one. */
  covid?: CovidSummary | null;
}

/** A dataset's publishers, addresses and licenses, from datapackage.json. */
export interface DatasetSources {
  title: string;
  sources: { title: string; publisher: string; path: string | null }[];
  licenses: { name: string; title: string; path: string | null }[];
  attribution: string;
}
