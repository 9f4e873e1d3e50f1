/**
 * Facility names as people say them. ICE's workbooks and the Deportation Data Project write names
 * in capitals ("STEWART DETENTION CENTER"); read aloud in a call script, or shown in a sentence,
 * they should read "Stewart Detention Center". Names a source already writes in mixed case are
 * left exactly as written. Acronyms stay upper case (ICE, DRO, CBP, USP, FCI, IAH …), as do words
 * without a vowel (SPC, SSM: codes, not words) and Roman numerals. The source's own spelling is
 * still what lists, links and tests compare against; this is only for prose.
 */

/** Agencies, facility types and codes that read as letters. */
const ACRONYMS = new Set([
  'ICE', 'DRO', 'ERO', 'CBP', 'DHS', 'USP', 'FCI', 'FCC', 'FDC', 'FMC', 'FPC', 'MDC', 'MCC', 'USMS', 'BOP', 'IAH', 'IGSA', 'DIGSA', 'CDF', 'SPC', 'IPC',
  'US', 'USA', 'U.S.', 'DOD', 'INS', 'LLC', 'ICDC', 'CCA', 'GEO', 'ORR', 'ICA', 'IRC', 'ADC', 'EPC',
]);
/** Abbreviations that are words, not letters, though they have no vowel ("ST. CLAIR", "HOLD RM"). */
const WORDS_WITHOUT_VOWEL = new Set(['ST', 'STE', 'RM', 'CTR', 'CNTR', 'DR', 'MT', 'FT', 'PCT']);
/** Two-letter state codes that are not also words or abbreviations in names (IN, OR, CO "County", LA …): "(SPRINGFIELD MO)". */
const STATE_CODES = new Set('AK AZ AR CA CT DC FL GA IA KS KY MD MI MN MO MS MT NC ND NE NH NJ NM NV NY RI SC SD TN TX UT VA VT WA WI WV WY PR GU VI'.split(' '));
const SMALL = new Set(['OF', 'THE', 'AND', 'AT', 'FOR', 'IN', 'ON', 'A', 'AN', 'TO', 'BY']);
const ROMAN = /^(?=[IVXL]+$)L?X{0,3}(IX|IV|V?I{0,3})$/;

/**
 * "(AROCC)" after "AZ REM OP COORD CENTER": a word in brackets that starts like the name and has no
 * more letters than the name has words (give or take one) is its initialism, kept in capitals;
 * "(POLK)" after "IAH SECURE …" is a place, written normally.
 */
function initialism(w: string, words: string[]): boolean {
  const m = w.match(/^\(([A-Z]{3,})\)[,.]?$/);
  const before = words.slice(0, words.indexOf(w));
  return !!m && m[1]![0] === before[0]?.[0] && before.length >= m[1]!.length - 1;
}

function word(w: string, first: boolean, words: string[]): string {
  if (initialism(w, words)) return w;
  const bare = w.replace(/[(),.:;]+$/, '').replace(/^[(]+/, '');
  const code = !/[AEIOUY]/.test(bare) && /[A-Z]/.test(bare) && !WORDS_WITHOUT_VOWEL.has(bare.replace(/\.$/, ''));
  if (ACRONYMS.has(bare) || ACRONYMS.has(w) || STATE_CODES.has(bare) || ROMAN.test(bare) || code) return w;
  if (!first && SMALL.has(bare)) return w.toLowerCase();
  // Hyphenated and slashed parts each start with a capital ("Soft-Sided", "Texas/Pearsall").
  // "MCHENRY" → "McHenry", "O'NEILL" → "O'Neill".
  return w
    .toLowerCase()
    .replace(/(^|[-/(])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(/(^|[-/(])(Mc)([a-z])/g, (_, sep: string, mc: string, c: string) => sep + mc + c.toUpperCase())
    .replace(/(^|[-/(])([OD])'([a-z])/g, (_, sep: string, p: string, c: string) => `${sep}${p}'${c.toUpperCase()}`);
}

/** "T DON HUTTO DETENTION CENTER" → "T Don Hutto Detention Center"; mixed-case names unchanged. */
export function displayName(name: string): string {
  if (/[a-z]/.test(name)) return name;
  const words = name.split(/\s+/);
  return name
    .split(/(\s+)/)
    .map((part, i) => (/^\s+$/.test(part) || !part ? part : word(part, i === 0, words)))
    .join('');
}
