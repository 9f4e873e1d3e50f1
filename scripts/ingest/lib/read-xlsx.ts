/** XLSX → Grid via ExcelJS; formulas give their cached result, rich text its plain text. */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { IngestError } from './errors';
import { readBytes } from './files';
import { matches, type Cell, type Grid, type Matcher } from './grid';
import { htmlPageLine } from './read-csv';

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

export async function openWorkbook(path: string, label: string): Promise<ExcelJS.Workbook> {
  // Read here, not by ExcelJS's readFile (which reads the whole file into one buffer too), so a file
  // that cannot be read says why: permission denied, a dangling link, a folder.
  const bytes = readBytes(path, label);
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

export function sheetGrid(wb: ExcelJS.Workbook, sheet: Matcher, label: string): Grid {
  const ws = wb.worksheets.find((w) => matches(sheet, w.name));
  if (!ws) {
    const names = wb.worksheets.map((w) => JSON.stringify(w.name)).join(', ');
    throw new IngestError({ file: label }, `expected a sheet matching ${String(sheet)}; sheets are ${names}`);
  }
  const rows: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => (out[col - 1] = plain(c.value)));
    rows[r - 1] = Array.from(out, (c) => c ?? null);
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { file: label, sheet: ws.name, rows };
}
