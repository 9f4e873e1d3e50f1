/**
 * The shared engine's table reader: find a header row by its labels (never by a fixed row
 * number, ICE moves tables every year), map columns through a crosswalk, parse every cell.
 */
import { IngestError } from './errors';
import { parseCell, type CellRule } from './cells';
import { cellText, columnLetter, findRow, matches, type Cell, type Grid, type Matcher } from './grid';

export interface ColumnDecl extends CellRule {
  /** Header label(s) across years; the first that is present wins. */
  header: Matcher | Matcher[];
  /** Group label in the row above the header (merged over several columns), for repeated labels such as "Total". */
  group?: Matcher;
  /** The column may be absent in some years (its values are then missing: "not in this edition"). */
  optional?: boolean;
  /** A blank or missing-marker cell is an error rather than "not reported". */
  required?: boolean;
}

export interface TableDecl {
  /** Title text above the table; the header is searched for after it. */
  title?: Matcher;
  /** Labels that must all be in the header row. */
  header: Matcher[];
  columns: Record<string, ColumnDecl>;
  /** Which rows are data; 'stop' ends the table. Default: stop at the first blank row. */
  row?: (raw: Cell[], get: (label: string) => Cell) => boolean | 'stop';
  /**
   * What a data row looks like (ICE facilities: a name and figures in the ADP columns). With it the
   * table is delimited by its shape instead of `row`: every row down to the first blank or note row
   * (see `isNote`) is a record, and below that only blank rows and notes may follow. A row there
   * that looks like a record is an error naming it, never dropped; so is any other content.
   */
  record?: (raw: Cell[], get: (label: string) => Cell) => boolean;
}

export const isBlank = (raw: Cell[]): boolean => raw.every((c) => cellText(c) === '');

/**
 * A note under a table ("[1] (BCORCPA) BERKS COUNTY …", "*The info. in this report is subject to
 * change"): text in the first column only. ExcelJS gives every cell of a merged range the merge's
 * value, so a note merged across columns repeats its text there.
 */
export function isNote(raw: Cell[]): boolean {
  const first = cellText(raw[0]);
  return first !== '' && typeof raw[0] === 'string' && raw.slice(1).every((c) => cellText(c) === '' || cellText(c) === first);
}

export type Value = string | number | null;
export interface Record_ {
  values: Record<string, Value>;
  /** column -> why it is null ("blank", "#N/A", "not in this edition"). */
  missing: Record<string, string>;
  /** 1-based spreadsheet row. */
  row: number;
}

export interface Table {
  grid: Grid;
  headerRow: number; // 1-based
  columns: Record<string, string | null>; // output column -> source header label
  records: Record_[];
}

/** The label of the merged group above column j: the nearest non-blank cell at or left of it. */
function groupLabel(grid: Grid, header: number, j: number): string {
  const above = grid.rows[header - 1] ?? [];
  for (let k = j; k >= 0; k--) if (cellText(above[k]) !== '') return cellText(above[k]);
  return '';
}

export function readTable(grid: Grid, decl: TableDecl): Table {
  const where = { file: grid.file, sheet: grid.sheet };
  let from = 0;
  if (decl.title) {
    from = findRow(grid, decl.title);
    if (from < 0) throw new IngestError(where, `expected a table titled ${String(decl.title)}`);
  }
  let h = -1;
  let near = { row: -1, hits: 0 };
  for (let r = from; r < grid.rows.length && h < 0; r++) {
    const texts = (grid.rows[r] ?? []).map(cellText);
    const hits = decl.header.filter((m) => texts.some((t) => matches(m, t))).length;
    if (hits === decl.header.length) h = r;
    else if (hits > near.hits) near = { row: r, hits };
  }
  if (h < 0) {
    const expected = `expected a header row with ${decl.header.map(String).join(', ')}`;
    // A renamed label ("Level A" -> "Lvl A"): name the row that has most of the others, and what it lacks.
    if (near.hits < decl.header.length / 2) throw new IngestError(where, expected);
    const texts = (grid.rows[near.row] ?? []).map(cellText);
    const lacking = decl.header.filter((m) => !texts.some((t) => matches(m, t)));
    throw new IngestError({ ...where, row: near.row + 1, column: lacking.map(String).join(', ') }, `${expected}; found ${texts.filter(Boolean).map((l) => JSON.stringify(l)).join(', ')}`);
  }
  const labels = (grid.rows[h] ?? []).map(cellText);

  const index: Record<string, number> = {};
  const columns: Record<string, string | null> = {};
  for (const [name, col] of Object.entries(decl.columns)) {
    const alts = Array.isArray(col.header) ? col.header : [col.header];
    let i = -1;
    const inGroup = (j: number) => !col.group || matches(col.group, groupLabel(grid, h, j));
    for (const m of alts) if ((i = labels.findIndex((l, j) => l !== '' && matches(m, l) && inGroup(j))) >= 0) break;
    if (i < 0 && !col.optional)
      throw new IngestError({ ...where, row: h + 1, column: alts.map(String).join(' | ') }, `expected this column in the header row; found ${labels.filter(Boolean).map((l) => JSON.stringify(l)).join(', ')}`);
    index[name] = i;
    columns[name] = i < 0 ? null : labels[i]!;
  }

  const get = (raw: Cell[]) => (label: string) => raw[labels.findIndex((l) => matches(label, l))] ?? null;
  const keepRow = (raw: Cell[]) => (decl.record ? !(isBlank(raw) || isNote(raw)) || 'stop' : decl.row ? decl.row(raw, get(raw)) : !isBlank(raw) || 'stop');
  const records: Record_[] = [];
  let r = h + 1;
  for (; r < grid.rows.length; r++) {
    const raw = grid.rows[r] ?? [];
    const keep = keepRow(raw);
    if (keep === 'stop') break;
    if (!keep) continue;
    const values: Record<string, Value> = {};
    const missing: Record<string, string> = {};
    for (const [name, col] of Object.entries(decl.columns)) {
      const i = index[name]!;
      if (i < 0) {
        values[name] = null;
        missing[name] = 'not in this edition';
        continue;
      }
      const p = parseCell(raw[i], col, { ...where, row: r + 1, column: labels[i] });
      if (p.value === null && col.required)
        throw new IngestError({ ...where, row: r + 1, column: labels[i], value: raw[i] ?? null }, 'expected a value (this column is required)');
      values[name] = p.value;
      if (p.missing) missing[name] = p.missing;
    }
    records.push({ values, missing, row: r + 1 });
  }
  if (decl.record) belowTable(grid, r, labels, decl.record, get);
  return { grid, headerRow: h + 1, columns, records };
}

/** Below a table delimited by its shape (row `end`, 0-based, is its first blank or note row): blank rows and notes only. */
function belowTable(grid: Grid, end: number, labels: string[], record: NonNullable<TableDecl['record']>, get: (raw: Cell[]) => (label: string) => Cell): void {
  for (let r = end + 1; r < grid.rows.length; r++) {
    const raw = grid.rows[r] ?? [];
    if (isBlank(raw) || isNote(raw)) continue;
    const what = record(raw, get(raw)) ? 'this row looks like a data row' : 'this row is neither blank nor a note (text in the first column only)';
    const j = raw.findIndex((c) => cellText(c) !== '');
    throw new IngestError(
      { file: grid.file, sheet: grid.sheet, row: r + 1, column: labels[j] || columnLetter(j), value: raw[j] ?? null },
      `expected the table to end at row ${end + 1} (${isBlank(grid.rows[end] ?? []) ? 'a blank row' : 'a note'}) with only blank rows and notes below it; ${what}`,
    );
  }
}
