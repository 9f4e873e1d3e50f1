/** The one way a chart's rows become CSV, in the browser and at build time alike (papaparse). */
import Papa from 'papaparse';
import type { Column, Row } from './types';

export function toCsv(rows: Row[], columns: Column[]): string {
  return Papa.unparse({ fields: columns.map((c) => c.field), data: rows.map((r) => columns.map((c) => r[c.field] ?? '')) }, { newline: '\n' });
}
