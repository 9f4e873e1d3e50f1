/** XLSX → Grid via ExcelJS; formulas give their cached result, rich text its plain text. */
import ExcelJS from 'exceljs';
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
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global Buffer (an ArrayBuffer), which Node's Buffer type no longer matches; the bytes are what it reads.
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new IngestError({ file: label }, `expected a readable XLSX workbook (${(e as Error).message})`);
  }
  return wb;
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
