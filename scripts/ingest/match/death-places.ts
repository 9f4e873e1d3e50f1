/**
 * Reading the free-text places of the deaths file (sources/ice-detention-mortality.ts): the state
 * of a location ("Lumpkin, GA", "Eloy, Arizona", "Jena, Louisiana (LA)"), which named place is a
 * hospital, and which is the detention facility. A hospital is where someone died, not where they
 * were held: "Winn Correctional Center (WCC) / Christus St. Francis Cabrini Hospital (CSFC)" is
 * the facility Winn and the place of death Christus St. Francis Cabrini.
 */
import { IngestError, type Where } from '../lib/errors';
import { STATE_CODES, USPS } from '../lib/us-places';

/** Hospitals by name; a Federal Medical Center is a Bureau of Prisons prison, not a hospital. */
const HOSPITAL = /\b(hospital|medical cent(er|re)|health ?care|medico)\b/i;
const BOP_MEDICAL = /\bfederal medical cent(er|re)\b/i;
export const isHospital = (name: string): boolean => HOSPITAL.test(name) && !BOP_MEDICAL.test(name);

/** Places the source names that are no detention facility: the reason a death there has no facility. */
export const NOT_A_FACILITY: [RegExp, string][] = [
  [/^ICE enforcement action\b/i, 'the source names an ICE enforcement action, not a detention facility'],
  [/^ICE field office\b/i, 'the source names an ICE field office, not a detention facility in the registry'],
];

/** A trailing "(XX)" that is a USPS code ("Jena, Louisiana (LA)"), else an abbreviation to drop ("Winnfield, Louisiana (WCC)"). */
const TRAILING_PAREN = /\s*\(([^()]*)\)\s*$/;

/** The USPS code of a location's state: its last comma part, as a code or a name; null when it names none. */
export function stateOf(location: string): string | null {
  let s = location.trim();
  const p = s.match(TRAILING_PAREN);
  if (p && USPS.has(p[1]!)) return p[1]!;
  if (p) s = s.slice(0, p.index).trim();
  const last = s.split(',').pop()!.replace(/\s+/g, ' ').trim();
  if (USPS.has(last)) return last;
  return STATE_CODES[last] ?? null;
}

export function requireState(location: string, where: Where): string {
  const st = stateOf(location);
  if (!st) throw new IngestError({ ...where, value: location }, 'expected a location ending in a US state or territory ("Lumpkin, GA", "Eloy, Arizona", "Jena, Louisiana (LA)")');
  return st;
}

/** The city of "Lumpkin, GA" (null for a location with no city, such as "Nassau County, NY" or a FOIA-list facility). */
export function cityOf(location: string): string | null {
  const parts = location.replace(TRAILING_PAREN, '').split(',').map((p) => p.replace(/\s+/g, ' ').trim());
  return parts.length === 2 && !/\bcounty\b/i.test(parts[0]!) ? parts[0]! : null;
}

export interface Place {
  /** Name as the source writes it. */
  name: string;
  /** Location as the source writes it (for this place, when the row names two). */
  location: string;
}

/**
 * The places a row names: "A / B" in both name and location is two places, each with its
 * location; otherwise one. Returned as the detention facility (if one is named) and the hospital.
 */
export function splitPlaces(name: string, location: string): { facility: Place | null; hospital: Place | null } {
  const names = name.split(' / ').map((s) => s.trim());
  const locs = location.split(' / ').map((s) => s.trim());
  const places: Place[] = names.map((n, i) => ({ name: n, location: (names.length === locs.length ? locs[i] : location)! }));
  return { facility: places.find((p) => !isHospital(p.name)) ?? null, hospital: places.find((p) => isHospital(p.name)) ?? null };
}

/**
 * A detention facility the cause text names as where a person came from ("died at HCA Houston
 * Healthcare after transfer from Joe Corley Processing Center."): its name, or null.
 */
export function transferredFrom(cause: string): string | null {
  const m = cause.match(/\btransfer(?:red)? from (?:the )?([A-Z][^.;,()]*?)\s*(?:[.;,(]|$)/);
  return m ? m[1]!.trim() : null;
}
