/**
 * Text and links that come from sources, made safe once for every output: the ingest, the pages,
 * the feeds, the images and the CSV downloads all import these, so the rules cannot drift.
 */

/**
 * Control characters other than tab and line breaks, and the code points XML 1.0 forbids
 * (U+FFFE, U+FFFF, lone surrogates): a U+000B or U+001B in a facility name made the Atom feed
 * and the SVGs invalid XML and the PNG renderer fail. C1 controls (U+0080–U+009F) go too: in
 * source text they are mis-decoded Windows-1252, never meant.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The controls that break a line or a page (vertical tab, form feed, next line): a space, so "A\vB" stays two words. */
// eslint-disable-next-line no-control-regex
const SPACING = /[\u000B\u000C\u0085]/g;

/** Source text as published, less the characters no page, feed or image can carry (NFC-normalized). */
export const cleanText = (s: string): string => s.normalize('NFC').replace(SPACING, ' ').replace(CONTROL, '');

/** True when the text holds a character `cleanText` removes. */
export const hasControl = (s: string): boolean => new RegExp(CONTROL.source).test(s);

/**
 * `cleanText` in DuckDB SQL, for text that never passes through JavaScript (a source read with
 * read_parquet): `cleanTextSql('"name"')`. DuckDB strings are valid UTF-8, so they hold no lone
 * surrogates; RE2 spells the same classes with \x{…}. tests/unit/ingest/hostile-text.test.ts
 * checks the two give the same text.
 */
const CONTROL_RE2 = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\x{FFFE}\\x{FFFF}]';
const SPACING_RE2 = '[\\x0B\\x0C\\x{85}]';
export const cleanTextSql = (col: string): string => `regexp_replace(regexp_replace(nfc_normalize(${col}), '${SPACING_RE2}', ' ', 'g'), '${CONTROL_RE2}', '', 'g')`;
/**
 * SQL true where `cleanTextSql` would change the text, so only those rows are rewritten. A regex on
 * every value of the 888,699-row daily series took about 1 s, so cheap tests go first and the regex
 * runs only where one of them fires: to_json escapes U+0000–U+001F (and " and a backslash), only U+007F is
 * left among ASCII controls, and C1 controls, U+FFFE/U+FFFF and every non-NFC text are non-ASCII
 * (strlen counts bytes, length characters).
 */
export const dirtyTextSql = (col: string): string =>
  `((strlen(to_json(${col})::VARCHAR) <> strlen(${col}) + 2 OR strlen(${col}) <> length(${col}) OR contains(${col}, chr(127))) AND (regexp_matches(${col}, '${CONTROL_RE2}') OR ${col} <> nfc_normalize(${col})))`;

/** An address from a source, only if it is http(s): a `javascript:` or `data:` URL is never a link. */
export function httpUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection"): text starting with
 * = + - @, tab or carriage return. Written with a leading apostrophe, which spreadsheets show as
 * text; numbers are never touched (a text cell "-5" is, which is what spreadsheets need).
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export const FORMULA_START = /^[=+\-@\t\r]/;
export const neutralizeFormula = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);
/**
 * The same rule in DuckDB SQL, for CSVs DuckDB writes with COPY: `formulaSafeSql('"name"')`. The first
 * character compared, not a regex: on the 888,699-row daily series a regex per cell cost a few tenths of a second.
 */
export const formulaSafeSql = (col: string): string => `CASE WHEN left(${col}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${col} ELSE ${col} END`;
