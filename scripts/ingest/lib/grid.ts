/**
 * A sheet or CSV as a grid of cells with its location, so every reader (CSV, XLSX) hands the
 * engine the same shape and every error can name file, sheet, row and column.
 */
import { IngestError } from './errors';

export type Cell = string | number | Date | null;

export interface Grid {
  file: string;
  sheet: string | null;
  /** rows[0] is spreadsheet row 1. */
  rows: Cell[][];
}

export const cellText = (c: Cell | undefined): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

/** Collapse whitespace and case so header labels compare across years ("ICE  " vs "ICE"). */
export const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

export type Matcher = string | RegExp | ((text: string) => boolean);

export function matches(m: Matcher, text: string): boolean {
  if (typeof m === 'string') return norm(text) === norm(m);
  if (m instanceof RegExp) return m.test(text.trim());
  return m(text);
}

/** First row index (0-based) at or after `from` whose some cell matches. */
export function findRow(grid: Grid, m: Matcher, opts: { from?: number; column?: number } = {}): number {
  for (let r = opts.from ?? 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const cells = opts.column === undefined ? row : [row[opts.column]];
    if (cells.some((c) => matches(m, cellText(c)))) return r;
  }
  return -1;
}

/** Like findRow, but a missing table is an error naming what was looked for. */
export function requireRow(grid: Grid, m: Matcher, what: string, opts: { from?: number; column?: number } = {}): number {
  const r = findRow(grid, m, opts);
  if (r < 0) throw new IngestError({ file: grid.file, sheet: grid.sheet }, `expected ${what}, found none`);
  return r;
}

/** Spreadsheet column letters for 0-based index: 0 -> A, 27 -> AB. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based index of spreadsheet column letters: A -> 0, AB -> 27 (the inverse of columnLetter). */
export const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
