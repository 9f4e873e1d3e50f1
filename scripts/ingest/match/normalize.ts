/**
 * Name and address keys for matching one facility across ICE editions and other sources. ICE
 * spells the same place many ways ("EDEN DETENTION CTR" / "EDEN DETENTION CENTER",
 * "KARNES CO IMMIGRATION PROCESS CTR"), so both sides are reduced to the same words.
 */
const WORDS: Record<string, string> = {
  CTR: 'CENTER', CNTR: 'CENTER', CENTRE: 'CENTER', CENT: 'CENTER',
  DET: 'DETENTION', DETN: 'DETENTION',
  FAC: 'FACILITY', FCLTY: 'FACILITY', FACIL: 'FACILITY', FACLTY: 'FACILITY',
  CORR: 'CORRECTIONAL', CORRECTIONS: 'CORRECTIONAL', CORRECTION: 'CORRECTIONAL', CORRL: 'CORRECTIONAL',
  CO: 'COUNTY', CTY: 'COUNTY', CNTY: 'COUNTY', COUN: 'COUNTY',
  PROC: 'PROCESSING', PROCESS: 'PROCESSING', PRCSNG: 'PROCESSING',
  DEPT: 'DEPARTMENT', REG: 'REGIONAL', RGNL: 'REGIONAL', JUV: 'JUVENILE',
  SVC: 'SERVICE', SVCS: 'SERVICE', SERVICES: 'SERVICE', SHERIFFS: 'SHERIFF',
  INST: 'INSTITUTION', MED: 'MEDICAL', HOSP: 'HOSPITAL', PEN: 'PENITENTIARY',
  FED: 'FEDERAL', CORP: 'CORPORATION', ADLT: 'ADULT', FAM: 'FAMILY', RES: 'RESIDENTIAL',
  CNTRL: 'CENTRAL', MGMT: 'MANAGEMENT', COR: 'CORRECTIONAL', NW: 'NORTHWEST', NE: 'NORTHEAST', SW: 'SOUTHWEST', SE: 'SOUTHEAST',
};
const DROP = new Set(['THE', 'OF', 'AND', 'INC', 'LLC']);

/** "Eden Detention Ctr." -> "EDEN DETENTION CENTER"; footnote digits glued to a word are dropped. */
export function nameKey(name: string | null | undefined): string {
  if (!name) return '';
  let s = name.toUpperCase().replace(/\([^)]*\)/g, ' ');
  s = s.replace(/([A-Z])\d\b/g, '$1'); // "RESIDENTIAL CENTER2" (FY22 footnote [2])
  s = s.replace(/\bL\.\s*E\.\s*C\.?/g, 'LAW ENFORCEMENT CENTER');
  s = s.replace(/['’]/g, '').replace(/[^A-Z0-9]+/g, ' ');
  return s
    .split(' ')
    .filter((w) => w && !DROP.has(w))
    .map((w) => WORDS[w] ?? w)
    .join(' ');
}

const STREET: Record<string, string> = {
  STREET: 'ST', ROAD: 'RD', AVENUE: 'AVE', BOULEVARD: 'BLVD', DRIVE: 'DR', HIGHWAY: 'HWY', LANE: 'LN',
  PARKWAY: 'PKWY', COURT: 'CT', PLACE: 'PL', CIRCLE: 'CIR', NORTH: 'N', SOUTH: 'S', EAST: 'E', WEST: 'W',
  SUITE: 'STE', FREEWAY: 'FWY', COUNTY: 'CO', HWY: 'HWY', TRAIL: 'TRL', EXPRESSWAY: 'EXPY',
};

/** "500 Hilbig Rd." and "500 HILBIG ROAD" -> "500 HILBIG RD"; empty when the address has no number. */
export function addressKey(address: string | null | undefined): string {
  if (!address) return '';
  const words = address.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim().split(' ').map((w) => STREET[w] ?? w);
  if (!/^\d/.test(words[0] ?? '')) return '';
  return words.slice(0, 3).join(' ');
}

// Words every other facility name has: sharing them says nothing ("OLDHAM COUNTY DETENTION
// CENTER" is not "DAVIESS COUNTY DETENTION CENTER").
const GENERIC = new Set(['COUNTY', 'DETENTION', 'CENTER', 'FACILITY', 'CORRECTIONAL', 'JAIL', 'PROCESSING', 'ICE', 'REGIONAL', 'PARISH', 'ADULT', 'SERVICE', 'CITY', 'JUSTICE', 'COMPLEX', 'SHERIFF', 'OFFICE', 'DEPARTMENT', 'POLICE', 'CONTRACT', 'INSTITUTION', 'FEDERAL', 'SECURE', 'IMMIGRATION', 'LAW', 'ENFORCEMENT']);

/**
 * Last-resort fuzzy match of two name keys: the distinctive words of one must all be in the
 * other. Returns the Jaccard overlap of the distinctive words, or 0 when they do not nest.
 */
export function similarity(a: string, b: string): number {
  const A = new Set(a.split(' ').filter((w) => w && !GENERIC.has(w)));
  const B = new Set(b.split(' ').filter((w) => w && !GENERIC.has(w)));
  if (!A.size || !B.size) return 0;
  let both = 0;
  for (const w of A) if (B.has(w)) both++;
  if (both < Math.min(A.size, B.size)) return 0;
  return both / (A.size + B.size - both);
}

export const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Whether two name keys share a distinctive word ("ALBANY HOLDROOM" / "ALBANY HOLD ROOM": yes; "MONTGOMERY COUNTY JAIL" / "JOE CORLEY DETENTION FACILITY": no). */
export function sharesWord(a: string, b: string): boolean {
  const B = new Set(b.split(' ').filter((w) => w && !GENERIC.has(w)));
  return a.split(' ').some((w) => w && !GENERIC.has(w) && B.has(w));
}
