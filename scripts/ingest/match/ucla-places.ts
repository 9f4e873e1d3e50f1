/**
 * Which rows of UCLA COVID Behind Bars' facility list are places where people are held. UCLA built
 * the list from each system's COVID-19 reports, which count people and staff by office, region,
 * program and total as well as by facility ("REGIONAL JAILS STAFF TOTAL", "PAROLE", "ALL ICE
 * FACILITIES"). The rules read only UCLA's own fields (State, Description, Name, Population.Feb20,
 * Capacity, address and point); the first that fires excludes the row, and the facilities_excluded
 * dataset publishes it with that rule.
 */

export interface UclaRow {
  ucla_id: number;
  name: string;
  /** UCLA's State (the jurisdiction's); null for the system-wide rows. */
  state: string | null;
  location_state: string | null;
  jurisdiction: string;
  description: string | null;
  age: string | null;
  population_feb20: number | null;
  capacity: number | null;
  hifld_id: number | null;
  address: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type RuleId = 'no-state' | 'geographic' | 'administrative' | 'total' | 'office' | 'no-one-held' | 'repeat' | 'same-place';

export interface Exclusion {
  ucla_id: number;
  rule: RuleId;
  reason: string;
  /** For a row that is another row's place: the registry's facility_id of that place. */
  same_as: string | null;
}

/** Names that are a count of staff, a total, or people held in many places, never one place. */
const TOTAL = /\bSTAFF\b|\bSTATEWIDE\b|^ALL |^OTHER |\bNON[- ]?(SPECIFIC|SPECIFIED|FACILITY|PRISON|INSTITUTION|DOC)\b|\bUNSPECIFIED\b|\bTELEWORK\b|\bOFF PREMISES\b|\bAFFILIATED AGENCIES\b|\bAUXILIARY UNITS\b|^PRIVATE INSTITUTIONS$|\bHOUSED AT\b|\bOVERSEEN BY\b|^CONTRACTED\b|\bPATIENTS\b/;

/**
 * Names of an office: excluded whatever figures the row carries (the BOP Mid-Atlantic Regional
 * Office has Milan FCI's HIFLD population). A jail run by a sheriff's office ("BAKER COUNTY
 * SHERIFFS OFFICE") is not matched: only these words right before OFFICE are.
 */
const OFFICE = /\b(REGIONAL|CENTRAL|FIELD|ADMINISTRATIVE|COUNTY|DISTRICT|PAROLE|PROBATION) OFFICES?\b|\bOFFICE OF\b|\bHEADQUARTERS\b|\bADMINISTRATION\b|\bADMINISTRATIVE (DIVISION|SERVICES)\b/;

/**
 * Names of units where no one is held, unless UCLA gives the row a facility type, a population or
 * a capacity: "BURRUSS CORRECTIONAL TRAINING CENTER" (a prison, 769 people) and a "training school"
 * for youth stay; "JACKSON TRAINING CENTER" with nothing else goes.
 */
const NO_ONE_HELD = /\bPAROLE\b|\bTRAINING\b(?! SCHOOL)|\b(CORRECTIONS|REGION) ACADEMY\b|\bDIVISION\b|\bBUREAU\b|\bENTERPRISES\b|\bCORRECTIONAL INDUSTRIES\b|\bMINNCOR\b|\bWAREHOUSE\b|\bELECTRONIC MONITORING\b|\bHOME DETENTION\b|\bTRANSPORTATION UNIT\b|\bWORKSITES?\b|\bCOMMISSION\b|\bSPECIAL OPERATIONS\b|\bCOMMUNITY SERVICES?\b|\bCOMMUNITY CORRECTIONS REGION\b|\bOFFICES?\b/;

/** UCLA says people are held there: a facility type, or a population or capacity above 0. */
const holds = (u: UclaRow) => u.description !== null || (u.population_feb20 ?? 0) > 0 || (u.capacity ?? 0) > 0;

interface Rule {
  id: RuleId;
  /** The reason, or null when the rule does not apply. */
  test: (u: UclaRow) => string | null;
}

const named = (re: RegExp, u: UclaRow) => u.name.match(re)?.[0].trim() ?? null;

/** In order: the first rule that returns a reason excludes the row. */
export const RULES: Rule[] = [
  { id: 'no-state', test: (u) => (u.state === null ? 'UCLA gives no state ("Not Available"): a system-wide total' : null) },
  { id: 'geographic', test: (u) => (u.description === 'Geographic' ? 'UCLA describes it as "Geographic": a region or a statewide total' : null) },
  { id: 'administrative', test: (u) => (u.description === 'Administrative' ? 'UCLA describes it as "Administrative": a headquarters, office or training site' : null) },
  { id: 'total', test: (u) => ((m) => (m ? `the name ("${m}") marks a count of staff or a total, or people held in many places` : null))(named(TOTAL, u)) },
  { id: 'office', test: (u) => ((m) => (m ? `the name ("${m}") names an office` : null))(named(OFFICE, u)) },
  {
    id: 'no-one-held',
    test: (u) => ((m) => (m && !holds(u) ? `the name ("${m}") names a unit where no one is held (parole, training, administration, industries), and UCLA gives no facility type, population or capacity` : null))(named(NO_ONE_HELD, u)),
  },
];

/** The rule that excludes a row, or null when it is a place. */
export function ruleFor(u: UclaRow): Omit<Exclusion, 'same_as'> | null {
  for (const r of RULES) {
    const reason = r.test(u);
    if (reason) return { ucla_id: u.ucla_id, rule: r.id, reason };
  }
  return null;
}

const spot = (u: UclaRow) => (u.address && u.zip && u.latitude !== null && u.longitude !== null ? `${u.address.toUpperCase()}|${u.zip}|${u.latitude}|${u.longitude}` : null);

/**
 * Rows that repeat a lower Facility.ID at the same address, ZIP and point: with the same name and
 * state (WATCH EAST GLENDIVE, three times), or with the same HIFLD.ID under another state (a
 * contract prison listed once per state that sends people there). Only places are compared, and
 * a repeat points at the row it repeats.
 */
export function repeats(places: UclaRow[]): Exclusion[] {
  const first = new Map<string, UclaRow[]>();
  const out: Exclusion[] = [];
  for (const u of [...places].sort((a, b) => a.ucla_id - b.ucla_id)) {
    const key = spot(u);
    if (!key) continue;
    const earlier = first.get(key) ?? [];
    const same = earlier.find((e) => (e.name === u.name && e.state === u.state) || (e.hifld_id !== null && e.hifld_id === u.hifld_id && e.state !== u.state));
    if (same) {
      const how = same.name === u.name ? 'the same name, state, address and point' : `the same HIFLD.ID, address and point, listed again under ${u.state}`;
      out.push({ ucla_id: u.ucla_id, rule: 'repeat', reason: `${how} as Facility.ID ${same.ucla_id}`, same_as: `ucla-${same.ucla_id}` });
    } else first.set(key, [...earlier, u]);
  }
  return out;
}
