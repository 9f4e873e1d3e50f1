/** The one way a chart's rows become CSV, in the browser and at build time alike (papaparse). */
import Papa from 'papaparse';
import { FORMULA_START } from '../text/safe';
import type { Column, Row } from './types';

/**
 * Text cells a spreadsheet would run as a formula (=HYPERLINK(…), +cmd|…, @SUM, -2+3) get a leading
 * apostrophe (OWASP "CSV injection"): papaparse's escapeFormulae, with our rule rather than its
 * default /^[=+\-@\t\r].*$/, which misses a formula followed by a line break. Numbers and
 * booleans are never touched.
 */
export function toCsv(rows: Row[], columns: Column[]): string {
  return Papa.unparse(
    { fields: columns.map((c) => c.field), data: rows.map((r) => columns.map((c) => r[c.field] ?? '')) },
    { newline: '\n', escapeFormulae: FORMULA_START },
  );
}
