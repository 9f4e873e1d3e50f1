/**
 * The one field-office rule, used by facility pages at build and by /near/ through the look-up
 * that scripts/build-near.ts writes with it: the office of the AOR code ICE's own data give the
 * facility; failing that, the office whose area covers the state the facility's ZIP is in
 * (county by county in California, New York and Texas, where UCLA gives the county).
 */
import type { FieldOffice, OfficeLink } from '$lib/actions/contacts';
import type { DeathsOnRecord } from '$lib/deaths/on-record';

/** One row of ice_aor_coverage: a state (or one county of it) and the office that covers it. */
export interface Coverage {
  state_code: string;
  state: string;
  county: string | null;
  office_id: string;
  source_file: string;
  source_row: number;
}

export interface OfficeQuery {
  /** ICE's AOR code for the facility (ice_facilities.aor), and where ICE gives it. */
  aor: string | null;
  aorSource: string | null;
  /** State of the facility's ZIP, else its own state. */
  state: string | null;
  /** County, where UCLA gives one. */
  county: string | null;
}

const countyKey = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/\b(COUNTY|PARISH|BOROUGH)\b/g, '').replace(/[^A-Z]/g, '');

export function officeFor(q: OfficeQuery, offices: FieldOffice[], coverage: Coverage[]): OfficeLink | null {
  if (q.aor) {
    const office = offices.find((o) => o.aor_code === q.aor);
    if (office) return { office, how: 'aor', basis: `AOR code ${q.aor}${q.aorSource ? ` (${q.aorSource})` : ''}` };
  }
  const rows = coverage.filter((c) => c.state_code === q.state);
  const whole = rows.filter((c) => c.county === null);
  const byCounty = q.county ? rows.filter((c) => c.county !== null && countyKey(c.county) === countyKey(q.county)) : [];
  const hit = whole.length === 1 ? { row: whole[0]!, how: 'state' as const } : byCounty.length === 1 ? { row: byCounty[0]!, how: 'county' as const } : null;
  const office = hit && offices.find((o) => o.office_id === hit.row.office_id);
  if (!hit || !office) return null;
  const where = hit.how === 'county' ? `${hit.row.county} County, ${hit.row.state}` : hit.row.state;
  return { office, how: hit.how, basis: `covers ${where}: ${hit.row.source_file} row ${hit.row.source_row}` };
}

/**
 * geo/facility-actions.json: what /near/'s actions need about each facility, as its facility page
 * has it: the field office officeFor gives (bases stored once) and the source cell of its population.
 */
export interface FacilityActionsFile {
  offices: Record<string, FieldOffice>;
  bases: string[];
  /** facility id → [office_id, how, index into bases]. */
  office: Record<string, [string, OfficeLink['how'], number]>;
  /** facility id → facilities.population_source. */
  populationSource: Record<string, string>;
  /** facility id → deaths in custody on record there (ice_deaths), for facilities with any. */
  deaths: Record<string, DeathsOnRecord>;
}

/** A facility's office from the look-up file, as officeFor gave it at build. */
export function officeOf(file: FacilityActionsFile, id: string): OfficeLink | null {
  const hit = file.office[id];
  const office = hit && file.offices[hit[0]];
  return hit && office ? { office, how: hit[1], basis: file.bases[hit[2]]! } : null;
}
