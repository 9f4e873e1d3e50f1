/**
 * One ICE "Detention Statistics" workbook read as a release: its dates (with every disagreement
 * in words, see data-date.ts), national figures, and facility rows. Structural problems (a sheet
 * or table missing, a cell that is no value) are IngestErrors naming the cell; ICE's known date
 * mistakes are not errors, they are notes on the release.
 */
import { createHash } from 'node:crypto';
import { IngestError } from '../lib/errors';
import { readBytes } from '../lib/files';
import { cellText, columnLetter, findRow, type Cell, type Grid } from '../lib/grid';
import { parseCell } from '../lib/cells';
import type { Record_ } from '../lib/table';
import type { ResolvedFile, StageContext } from '../lib/types';
import type { Workbook } from '../lib/read-xlsx';
import { dataDate, dayCount, dayOfFy, fyEnd, type DataDate } from './data-date';

export interface ReleaseFile extends ResolvedFile {
  sha256: string;
  /** ICE's own file name (the release folder prefixes the day it was archived). */
  iceName: string;
  /** The day an archive first saved the file, from the release folder's prefix. */
  archived: string | null;
  /** Other files with the same bytes. */
  sameAs: string[];
}

/** Every workbook once: files with the same bytes are one release, cited by the first label (the year-end folder's). */
export function distinctFiles(files: ResolvedFile[]): ReleaseFile[] {
  const bySha = new Map<string, ReleaseFile>();
  for (const f of files) {
    const sha256 = createHash('sha256').update(readBytes(f.path, f.label)).digest('hex');
    const seen = bySha.get(sha256);
    const archived = f.name.match(/^(\d{4}-\d\d-\d\d)_/)?.[1] ?? null;
    if (seen) {
      seen.sameAs.push(f.label);
      seen.archived ??= archived;
      continue;
    }
    bySha.set(sha256, { ...f, sha256, iceName: f.name.replace(/^\d{4}-\d\d-\d\d_/, ''), archived, sameAs: [] });
  }
  return [...bySha.values()];
}

export interface Dated {
  date: string;
  /** 1-based row of its Footnotes sentence. */
  row: number;
}

/** The Footnotes' two dates, as every edition words them (the yearly tables' strict reader uses them too). */
export const THROUGH = /ICE Detention data (?:is |are )?(?:historic and static\. Data are )?(?:filtered|updated) through\s+(\d{1,2}\/\d{1,2}\/\d{4})/i;
export const SNAPSHOT = /National Docket data are a snapshot as of\s+(\d{1,2}\/\d{1,2}\/\d{4})/i;

/** A footnote's date, unchecked (data-date.ts weighs it); a sentence whose date is no date is an error naming the cell. */
export function footnoteDate(grid: Grid, re: RegExp): Dated | null {
  for (const [i, r] of grid.rows.entries()) {
    const m = r.map(cellText).join(' ').match(re);
    if (m) return { date: String(parseCell(m[1]!, { kind: 'date' }, { file: grid.file, sheet: grid.sheet, row: i + 1, column: 'B' }).value), row: i + 1 };
  }
  return null;
}
export const footnotes = (grid: Grid) => ({ through: footnoteDate(grid, THROUGH), snapshot: footnoteDate(grid, SNAPSHOT) });

/** The `Total` row of the table titled `title` on the Detention sheet, and its header labels. */
export function totalRow(det: Grid, title: RegExp, what: string): { header: number; row: number; labels: string[] } | null {
  const t = findRow(det, title, { column: 0 });
  if (t < 0) return null;
  const row = findRow(det, (s) => s === 'Total', { from: t + 1, column: 0 });
  if (row < 0 || row > t + 4) throw new IngestError({ file: det.file, sheet: det.sheet, row: t + 2 }, `expected a "Total" row under ${what}`);
  return { header: t + 1, row, labels: det.rows[t + 1]!.map(cellText) };
}

export interface NationalFigure {
  value: number | null;
  column: string | null;
  row: number | null;
  missing?: string;
}

/** A figure of a Total row by its column label; a table this edition does not have is null with that reason. */
export function figure(det: Grid, title: RegExp, label: string, what: string): NationalFigure {
  const t = totalRow(det, title, what);
  if (!t) return { value: null, column: null, row: null, missing: `no table titled ${title.source.replace(/\\|\^|\$/g, '')} in this release` };
  const col = t.labels.indexOf(label);
  if (col < 0) return { value: null, column: null, row: t.row + 1, missing: `no "${label}" column in ${what}` };
  const where = { file: det.file, sheet: det.sheet, row: t.row + 1, column: label };
  return { value: parseCell(det.rows[t.row]![col], { kind: 'number', min: 0 }, where).value as number | null, column: columnLetter(col), row: t.row + 1 };
}

export const MONTHS = ['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep'];
export const MONTHLY_TITLE = /^ICE Average Daily Population by (Facility Type and )?Month/;

/** The national ADP by month as printed (months not reached are 0), for the date checks. */
function monthFigures(det: Grid): (number | null)[] {
  const t = totalRow(det, MONTHLY_TITLE, 'the national ADP by month');
  if (!t) throw new IngestError({ file: det.file, sheet: det.sheet }, `expected a table titled ${MONTHLY_TITLE}`);
  return MONTHS.map((m) => {
    const col = t.labels.indexOf(m);
    if (col < 0) throw new IngestError({ file: det.file, sheet: det.sheet, row: t.header + 1, column: m }, `expected a "${m}" column in the national ADP table`);
    const c: Cell | undefined = det.rows[t.row]![col];
    return typeof c === 'number' ? c : null;
  });
}

/** Level A–D of every facility row: the figures whose day count is worked out. */
const LEVELS = ['level_a', 'level_b', 'level_c', 'level_d'];
export const levelFigures = (records: Record_[]) => records.flatMap((r) => LEVELS.map((k) => r.values[k]).filter((v): v is number => typeof v === 'number'));

/** A hash of what a table says, to find a table ICE left as it was in an earlier release. */
export const contentHash = (rows: unknown[]) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

export interface ReleaseSheets {
  wb: Workbook;
  footnotes: Grid;
  facilities: Grid;
  detention: Grid;
  /** From the Facilities sheet's name: the FY24-named file of November 2024 holds "Facilities FY25". */
  fiscalYear: number;
}

export async function openRelease(ctx: StageContext, file: ReleaseFile): Promise<ReleaseSheets> {
  const wb = await ctx.workbook(file);
  const facilities = ctx.sheet(wb, /^Facilities/, file);
  const fy = facilities.sheet!.match(/FY\s?(\d\d)\b/);
  if (!fy) throw new IngestError({ file: file.label, sheet: facilities.sheet }, 'expected the Facilities sheet name to give its fiscal year ("Facilities FY25")');
  return { wb, facilities, footnotes: ctx.sheet(wb, /^Footnotes/, file), detention: ctx.sheet(wb, /^Detention/, file), fiscalYear: 2000 + Number(fy[1]) };
}

/** The date in ICE's file name (…06052025.xlsx, …221207.xlsx, …_0301.xlsx has none: its year is not given). */
export function fileNameDate(iceName: string): string | null {
  const long = iceName.match(/(\d{2})(\d{2})(\d{4})b?\.xlsx$/);
  const short = iceName.match(/(\d{2})(\d{2})(\d{2})b?\.xlsx$/);
  const [mm, dd, yyyy] = long ? [long[1], long[2], long[3]] : short ? (Number(short[1]) > 12 ? [short[2], short[3], `20${short[1]}`] : [short[1], short[2], `20${short[3]}`]) : [];
  if (!mm) return null;
  const d = `${yyyy}-${mm}-${dd}`;
  return Number.isNaN(Date.parse(d)) || new Date(d).toISOString().slice(0, 10) !== d ? null : d;
}

/** The release's dates and the day count behind its Facilities averages. */
export function releaseDate(sheets: ReleaseSheets, file: ReleaseFile, records: Record_[]): DataDate & { facilityDays: number | null; footnote: Dated | null; snapshot: Dated | null; disagreement: boolean } {
  const notes = footnotes(sheets.footnotes);
  const fy = sheets.fiscalYear;
  const fileName = fileNameDate(file.iceName);
  const anchor = [notes.through?.date, notes.snapshot?.date, file.archived, fileName].find((d) => d && d >= `${fy - 1}-10-01` && d <= fyEnd(fy)) ?? fyEnd(fy);
  const facilityDays = dayCount(levelFigures(records), dayOfFy(anchor, fy));
  const d = dataDate({ fiscalYear: fy, footnote: notes.through?.date ?? null, snapshot: notes.snapshot?.date ?? null, fileName, archived: file.archived, months: monthFigures(sheets.detention), facilityDays });
  // The workbook's own dates disagree (a note of dataDate's), unlike a day count that cannot be worked out (noted below).
  const disagreement = d.source !== 'footnote' || d.notes.length > 0;
  if (facilityDays === null) d.notes.push(levelFigures(records).every(Number.isInteger) ? 'the Facilities averages are whole numbers (rounded), so the days behind them cannot be worked out' : 'no day count fits the Facilities averages');
  return { ...d, facilityDays, footnote: notes.through, snapshot: notes.snapshot, disagreement };
}
