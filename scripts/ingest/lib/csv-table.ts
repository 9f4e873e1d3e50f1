/**
 * A plain data CSV (header on row 1, one record per row) through the table crosswalk. Papaparse
 * pads a short record with nothing and readTable would read the gap as "blank": here a record
 * with more or fewer fields than the header is an error, since a file fetched with --download
 * may not be the copy the crosswalk was written against.
 */
import { httpUrl } from '../../../src/lib/text/safe';
import { IngestError } from './errors';
import { cellText } from './grid';
import type { Table, TableDecl } from './table';
import type { ResolvedFile, StageContext } from './types';

/**
 * A known error in a source file, fixed in the raw cell before parsing. It applies only while the
 * cell still holds `from`, so a changed file fails loudly instead of being "corrected" blindly.
 */
export interface Correction {
  /** The row: header label → cell text, e.g. { ID: '4924' }; exactly one row must match. */
  row: Record<string, string>;
  /** Header label of the column to fix. */
  column: string;
  from: string;
  /** Replacement text; null makes the cell blank (not reported). */
  to: string | null;
  why: string;
}

export function csvTable(ctx: StageContext, file: ResolvedFile, decl: Omit<TableDecl, 'row' | 'title'>, corrections: Correction[] = []): Table {
  const grid = ctx.csv(file);
  const header = grid.rows[0] ?? [];
  grid.rows.forEach((r, i) => {
    const blank = r.length === 1 && r[0] === null;
    if (r.length !== header.length && !blank) throw new IngestError({ file: file.label, row: i + 1 }, `expected ${header.length} fields like the header, found ${r.length}`);
  });
  const col = (label: string) => header.findIndex((h) => cellText(h) === label);
  for (const c of corrections) {
    const key = Object.entries(c.row);
    const hits = grid.rows.flatMap((r, i) => (i > 0 && key.every(([k, v]) => cellText(r[col(k)]) === v) ? [i] : []));
    const i = hits.length === 1 ? hits[0]! : -1;
    const j = col(c.column);
    const cell = grid.rows[i]?.[j];
    if (i < 0 || j < 0 || cellText(cell) !== c.from)
      throw new IngestError(
        { file: file.label, row: i < 0 ? undefined : i + 1, column: c.column, value: cell ?? null },
        `expected one row with ${JSON.stringify(c.row)} holding the known error "${c.from}" (${c.why}); found ${hits.length} such rows: the file changed, review this correction`,
      );
    grid.rows[i]![j] = c.to;
  }
  // A blank line carries no record; skip it rather than end the table there.
  return ctx.table(grid, { ...decl, row: (raw) => raw.some((c) => cellText(c) !== '') });
}

/**
 * Columns holding web addresses that the site shows as links: each value must be http(s). A
 * `javascript:` (or `data:`, or mistyped "hhttps:") address from a source is an error naming its
 * cell, not a null: it is an attack or a typo, and either way someone must look (a Correction
 * records the fix); dropped silently, the member would lose the link with only a log line to say so.
 */
export function requireHttp(t: Table, columns: string[]): void {
  for (const r of t.records)
    for (const c of columns) {
      const v = r.values[c];
      if (v !== null && v !== undefined && httpUrl(String(v)) === null)
        throw new IngestError({ file: t.grid.file, row: r.row, column: t.columns[c] ?? c, value: v }, 'expected an http:// or https:// address (anything else is never published as a link)');
    }
}
