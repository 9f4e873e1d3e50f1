/**
 * The period a chart shows, in words, read from the rows its query returned (never typed into a
 * title): "October 2018 to April 2026", "FY1979–FY2026", "FY2024 (October 2023 to September
 * 2024)". Chart subtitles end with it, so a chart pasted anywhere (embed, image, CSV) says when.
 */
import { date } from '../format';
import type { Row } from './types';

/** The non-empty values of a field, sorted (ISO dates, months and years sort as text). */
const values = (rows: Row[], field: string) =>
  rows
    .map((r) => r[field])
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map(String)
    .sort();

/** "March 27, 2020 to May 5, 2022" for a field of days or months ("2020-03"), "1978 to 2022" for years; '' without rows. */
export function dateSpan(rows: Row[], field: string): string {
  const v = values(rows, field);
  const first = v[0];
  const last = v.at(-1);
  if (!first || !last) return '';
  return first === last ? date(first) : `${date(first)} to ${date(last)}`;
}

/** "1978–2022" for a field of years (text or numbers); '' without rows. */
export function yearSpan(rows: Row[], field: string): string {
  const v = values(rows, field).map((s) => s.replace(/^FY/, ''));
  const first = v[0];
  const last = v.at(-1);
  if (!first || !last) return '';
  return first === last ? first : `${first}–${last}`;
}

/** "FY2019–FY2026" for a field of fiscal years ("2019" or "FY2019"); '' without rows. */
export function fiscalYearSpan(rows: Row[], field: string): string {
  const span = yearSpan(rows, field);
  return span ? span.split('–').map((y) => `FY${y}`).join('–') : '';
}

/** A federal fiscal year and its months: "FY2024 (October 2023 to September 2024)". */
export function fiscalYear(fy: string | number): string {
  const y = Number(String(fy).replace(/^FY/, ''));
  return `FY${y} (October ${y - 1} to September ${y})`;
}

/** The one fiscal year a chart's rows are of (its query picks one), in words; '' without rows. */
export function onlyFiscalYear(rows: Row[], field: string): string {
  const v = [...new Set(values(rows, field))];
  if (v.length > 1) throw new Error(`expected one fiscal year in "${field}", got ${v.join(', ')}`);
  return v[0] ? fiscalYear(v[0]) : '';
}
