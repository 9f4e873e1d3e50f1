/**
 * BJS imprisonment-rate tables ("sentenced prisoners per 100,000 U.S. residents"), read as BJS
 * publishes them: the rate in the cell, and the footnotes BJS attaches to a row's name or a
 * column's label ("Alaska/b", "Total/a") resolved to their text from the lines under the table
 * ("b/Prisons and jails form one integrated system. …"). We never divide anything ourselves.
 */
import { IngestError } from './errors';
import { parseCell, type CellRule } from './cells';
import { cellText, columnLetter, findRow, type Grid } from './grid';
import type { ColumnType } from './types';

/** A rate: a whole number per 100,000, or one of BJS's markers (null with its reason, never 0). */
export const RATE: CellRule = { kind: 'integer', min: 0, max: 100000, footnotes: true, missing: [':', '/', '~', '--'] };

export interface RateRow {
  jurisdiction: string;
  jurisdiction_name: string;
  year: number;
  rate: number | null;
  /** Why rate is null (BJS's marker), else null. */
  missing: string | null;
  /** BJS's footnotes on this row or column, "a: …; b: …", else null. */
  footnotes: string | null;
  source_row: number;
  source_column: string;
}

/** The staging columns of every rate source: one shape, so the dataset is a UNION. */
export const RATE_COLUMNS: Record<string, ColumnType> = {
  source_id: 'VARCHAR',
  report: 'VARCHAR',
  report_year: 'INTEGER',
  jurisdiction: 'VARCHAR',
  jurisdiction_name: 'VARCHAR',
  year: 'INTEGER',
  rate: 'INTEGER',
  missing: 'VARCHAR',
  footnotes: 'VARCHAR',
  source_file: 'VARCHAR',
  source_row: 'INTEGER',
  source_column: 'VARCHAR',
};

/** "Colorado/c,d" → ['c', 'd']; "Total/a" → ['a']; "Texas" → []. */
export const markersOf = (label: string): string[] => label.match(/\/\s*([a-z](?:\s*,\s*[a-z])*)\s*$/i)?.[1]!.split(',').map((m) => m.trim().toLowerCase()) ?? [];

/** The footnote lines under a table: letter → text ("f/State does not include …/" loses its stray trailing slash). */
export function footnotesOf(grid: Grid, from: number): Map<string, string> {
  const out = new Map<string, string>();
  for (let r = from; r < grid.rows.length; r++) {
    const m = cellText(grid.rows[r]![0]).match(/^([a-z])\/(.+)$/);
    if (m) out.set(m[1]!, m[2]!.trim().replace(/\/$/, ''));
  }
  return out;
}

/** The footnote texts a label's markers point to; a marker with no line under the table is an error naming the cell. */
export function footnoteText(label: string, notes: Map<string, string>, where: { file: string; row: number; column: string }): string | null {
  const marks = markersOf(label);
  const missing = marks.filter((m) => !notes.has(m));
  if (missing.length) throw new IngestError({ ...where, value: label }, `expected a footnote line "${missing[0]}/…" under the table for the marker`);
  return marks.map((m) => `${m}: ${notes.get(m)}`).join(' ') || null;
}

/** Rate cell → value and reason, naming file, row and column on bad input. */
export function rateCell(grid: Grid, r: number, c: number): { rate: number | null; missing: string | null } {
  const p = parseCell(grid.rows[r]![c] ?? null, RATE, { file: grid.file, row: r + 1, column: columnLetter(c) });
  return { rate: p.value as number | null, missing: p.value === null ? (p.missing ?? null) : null };
}

/**
 * The year of each "Total" column of a by-jurisdiction rate table: the nearest label at or left
 * of it in the rows above the header that ends in a year ("Per 100,000 U.S. residents within each
 * group in 2021"), as in Prisoners in 2020 and 2021 table 7.
 */
export function totalColumnsByYear(grid: Grid, header: number): { year: number; column: number }[] {
  const labels = grid.rows[header]!.map(cellText);
  const out: { year: number; column: number }[] = [];
  labels.forEach((l, i) => {
    if (l !== 'Total') return;
    for (let r = header - 1; r >= Math.max(0, header - 3); r--) {
      for (let k = i; k >= 0; k--) {
        const m = cellText(grid.rows[r]![k]).match(/\b((?:19|20)\d\d)$/);
        if (m) return void out.push({ year: Number(m[1]), column: i });
        if (cellText(grid.rows[r]![k]) !== '') break;
      }
    }
    throw new IngestError({ file: grid.file, row: header + 1, column: columnLetter(i), value: l }, 'expected a label ending in a year above this "Total" column');
  });
  return out;
}

/** Where the data rows of a table end: the first note, footnote or source line. */
export const isNoteLine = (text: string) => /^(note|source)\b|^[a-z]\//i.test(text);

/** Row index (0-based) of the header, whose cells include every label; an IngestError naming the file when there is none. */
export function headerRow(grid: Grid, first: string, also: string): number {
  for (let r = findRow(grid, first); r >= 0; r = findRow(grid, first, { from: r + 1 }))
    if (grid.rows[r]!.some((c) => cellText(c) === also)) return r;
  throw new IngestError({ file: grid.file }, `expected a header row with "${first}" and "${also}"`);
}

/** The year of "Report title: Prisoners in 2022 – Statistical Tables", for citing the report and preferring the latest. */
export function reportYearOf(grid: Grid): number {
  const r = findRow(grid, /report title:\s*Prisoners in \d{4}/i);
  if (r < 0) throw new IngestError({ file: grid.file }, 'expected a "Report title: Prisoners in YYYY" line');
  return Number(grid.rows[r]!.map(cellText).join(' ').match(/Prisoners in (\d{4})/i)![1]);
}
