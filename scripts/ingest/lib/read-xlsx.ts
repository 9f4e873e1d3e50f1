/**
 * XLSX → Grid via ExcelJS; formulas give their cached result, rich text its plain text.
 *
 * A workbook is read once into the plain cells of every sheet. Those are kept on disk by the hash of
 * the file's bytes and of this reader's code (node_modules/.cache/xlsx-grids; XLSX_CACHE=off skips it):
 * ExcelJS takes ~0.4 s a workbook, the ICE releases are 128 workbooks, and the ingest and the tests that
 * check it against the raw cells read the same files again and again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { IngestError } from './errors';
import { readBytes } from './files';
import { matches, type Cell, type Grid, type Matcher } from './grid';
import { htmlPageLine } from './read-csv';

/** A workbook as the ingest reads it: each sheet's name and cells (rows[0] is spreadsheet row 1). */
export interface Workbook {
  sheets: { name: string; rows: Cell[][] }[];
}

const HERE = fileURLToPath(import.meta.url);
const cacheDir = () => process.env.XLSX_CACHE_DIR ?? join(dirname(HERE), '../../../node_modules/.cache/xlsx-grids');
/** Cached sheets are only as good as the code that read them: its hash is part of the key. */
const READER = createHash('sha256').update(readFileSync(HERE)).digest('hex').slice(0, 16);
const cacheOn = () => process.env.XLSX_CACHE !== 'off';

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    if ('result' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export async function openWorkbook(path: string, label: string): Promise<Workbook> {
  // Read here, not by ExcelJS's readFile (which reads the whole file into one buffer too), so a file
  // that cannot be read says why: permission denied, a dangling link, a folder.
  const bytes = readBytes(path, label);
  const cached = cacheOn() ? join(cacheDir(), `${createHash('sha256').update(bytes).digest('hex')}-${READER}.v8`) : null;
  if (cached) {
    try {
      return deserialize(readFileSync(cached)) as Workbook;
    } catch {
      // Not cached yet (or unreadable): read the workbook.
    }
  }
  const wb = cells(await parse(bytes, label));
  if (cached) {
    // Written beside, then renamed: a reader in another process never sees half a file. A cache that
    // cannot be written (a read-only checkout) only costs the time.
    try {
      mkdirSync(cacheDir(), { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, serialize(wb));
      renameSync(tmp, cached);
    } catch {
      // Read again next time.
    }
  }
  return wb;
}

async function parse(bytes: Buffer, label: string): Promise<ExcelJS.Workbook> {
  // An XLSX is a zip ("PK"); an error page saved under its name is said as such.
  if (bytes[0] !== 0x50 && htmlPageLine(bytes.subarray(0, 4096).toString('latin1')))
    throw new IngestError({ file: label }, 'expected a readable XLSX workbook (the file is an HTML page, not a zip archive)');
  try {
    return await load(bytes);
  } catch (e) {
    // ExcelJS cannot parse a table's date filter (<dateGroupItem>; exceljs issues #2972, #2973), as in
    // ICE's FY25_detentionStats02032025. A filter only says which rows Excel hides, not what any cell
    // holds, so the file is read again without its tables' filters.
    const bare = /Unexpected xml node/.test((e as Error).message) ? withoutTableFilters(bytes) : null;
    if (bare) {
      try {
        return await load(bare);
      } catch {
        // Reported below with the first error.
      }
    }
    throw new IngestError({ file: label }, `expected a readable XLSX workbook (${(e as Error).message})`);
  }
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs declares its own global Buffer (an ArrayBuffer), which Node's Buffer type no longer matches; the bytes are what it reads.
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

/** The workbook with every table's <autoFilter> removed (null when there is none, or the zip is unreadable). */
function withoutTableFilters(bytes: Uint8Array): Uint8Array | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return null;
  }
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    const bare = xml.replace(/<autoFilter\b[^>]*?(?:\/>|>[\s\S]*?<\/autoFilter>)/g, '');
    if (bare !== xml) [files[name], changed] = [strToU8(bare), true];
  }
  return changed ? zipSync(files) : null;
}

export function sheetGrid(wb: Workbook, sheet: Matcher, label: string): Grid {
  const ws = wb.sheets.find((w) => matches(sheet, w.name));
  if (!ws) {
    const names = wb.sheets.map((w) => JSON.stringify(w.name)).join(', ');
    throw new IngestError({ file: label }, `expected a sheet matching ${String(sheet)}; sheets are ${names}`);
  }
  // A copy: a caller may change its grid without changing what the next caller reads.
  return { file: label, sheet: ws.name, rows: ws.rows.map((r) => [...r]) };
}

/** Every sheet's cells, as plain values. */
function cells(wb: ExcelJS.Workbook): Workbook {
  return {
    sheets: wb.worksheets.map((ws) => {
      const rows: Cell[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        const out: Cell[] = [];
        row.eachCell({ includeEmpty: true }, (c, col) => (out[col - 1] = plain(c.value)));
        rows[r - 1] = Array.from(out, (c) => c ?? null);
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      return { name: ws.name, rows };
    }),
  };
}
