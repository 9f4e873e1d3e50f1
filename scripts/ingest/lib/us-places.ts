/**
 * US place helpers shared by the facility-location and field-office sources: 5-digit ZIPs
 * (spreadsheets and geocoders drop leading zeros: 02920 -> 2920, PR 00917 -> 917) and USPS
 * codes for the state and territory names ICE uses in its areas of responsibility.
 */
import { IngestError, type Where } from './errors';

import { STATE_CODES } from '../../../src/lib/geo/states';

export { STATE_CODES };

export function stateCode(name: string, where: Where): string {
  const code = STATE_CODES[name];
  if (!code) throw new IngestError({ ...where, value: name }, 'expected a US state or territory name');
  return code;
}

/** "2920" -> "02920", "20598-5216" -> "20598"; anything else is an error naming the cell. */
export function zip5(text: string | number | null | undefined, where: Where): string | null {
  if (text === null || text === undefined) return null;
  const t = String(text).trim();
  const m = t.match(/^(\d{3,5})(-\d{4})?$/);
  if (!m) throw new IngestError({ ...where, value: text }, 'expected a ZIP code (5 digits, ZIP+4, or one that lost its leading zeros)');
  return m[1]!.padStart(5, '0');
}

/** USPS state/territory code as written in a facility list. */
export function stateAbbr(text: string | number | null | undefined, where: Where): string | null {
  if (text === null || text === undefined) return null;
  const t = String(text).trim();
  if (!/^[A-Z]{2}$/.test(t)) throw new IngestError({ ...where, value: text }, 'expected a 2-letter state code');
  return t;
}
