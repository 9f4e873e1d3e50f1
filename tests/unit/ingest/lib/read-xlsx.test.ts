import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook, sheetGrid } from '../../../../scripts/ingest/lib/read-xlsx';
import { IngestError } from '../../../../scripts/ingest/lib/errors';
import { readCsv } from '../../../../scripts/ingest/lib/read-csv';
import { cellText } from '../../../../scripts/ingest/lib/grid';

const dir = mkdtempSync(join(tmpdir(), 'read-xlsx-test-'));
const path = join(dir, 'FY20.xlsx');
// This file's own cache of read workbooks, empty at the start.
const cache = join(dir, 'cache');
const before = process.env.XLSX_CACHE_DIR;
process.env.XLSX_CACHE_DIR = cache;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (before === undefined) delete process.env.XLSX_CACHE_DIR;
  else process.env.XLSX_CACHE_DIR = before;
});

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Header').getCell('A1').value = 'ICE Detention Statistics';
  // FY20's sheet name really ends in a space.
  const ws = wb.addWorksheet('Facilities EOYFY20 ');
  ws.getCell('A2').value = 'Total';
  ws.getCell('B2').value = { formula: 'B3/C3', result: 0.674 };
  ws.getCell('C2').value = { richText: [{ text: 'Level ' }, { font: { bold: true }, text: 'A' }] };
  ws.getCell('D2').value = { text: 'ice.gov', hyperlink: 'https://www.ice.gov/' };
  ws.getCell('E2').value = { error: '#N/A' };
  ws.getCell('F2').value = true;
  ws.getCell('G2').value = new Date(Date.UTC(2020, 8, 30));
  ws.getCell('H2').value = 43594;
  ws.getCell('A4').value = 'after a blank row';
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
});

describe('read-xlsx', () => {
  it('gives plain cell values: formula results, rich text, link text, error codes', async () => {
    const g = sheetGrid(await openWorkbook(path, 'ice/FY20.xlsx'), /^Facilities/, 'ice/FY20.xlsx');
    expect(g.file).toBe('ice/FY20.xlsx');
    expect(g.sheet).toBe('Facilities EOYFY20 ');
    expect(g.rows[1]).toEqual(['Total', 0.674, 'Level A', 'ice.gov', '#N/A', 'true', new Date(Date.UTC(2020, 8, 30)), 43594]);
  });

  it('keeps spreadsheet row numbers: empty rows stay in place', async () => {
    const g = sheetGrid(await openWorkbook(path, 'f'), /^Facilities/, 'f');
    expect(g.rows[0]).toEqual([]);
    expect(g.rows[2]).toEqual([]);
    expect(g.rows[3]).toEqual(['after a blank row']);
  });

  it('names the sheets there are when the wanted one is missing', async () => {
    const wb = await openWorkbook(path, 'ice/FY20.xlsx');
    expect(() => sheetGrid(wb, /^Footnotes/, 'ice/FY20.xlsx')).toThrow(new IngestError({ file: 'ice/FY20.xlsx' }, 'expected a sheet matching /^Footnotes/; sheets are "Header", "Facilities EOYFY20 "'));
  });

  it('turns a file that is not a workbook into an IngestError naming it', async () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, '<html>Not Found</html>');
    const e = await openWorkbook(bad, 'ice/bad.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).message).toMatch(/^ice\/bad\.xlsx: expected a readable XLSX workbook \(.+\)$/);
  });
});

describe('read-xlsx cache of read workbooks', () => {
  const entries = () => (existsSync(cache) ? readdirSync(cache) : []);

  it('keeps one entry per workbook content and gives the same cells from it', async () => {
    const first = await openWorkbook(path, 'ice/FY20.xlsx');
    expect(entries()).toHaveLength(1);
    const again = await openWorkbook(path, 'ice/FY20.xlsx');
    expect(again).toEqual(first);
    expect(entries()).toHaveLength(1);
    // The same cells without the cache.
    process.env.XLSX_CACHE = 'off';
    try {
      expect(await openWorkbook(path, 'ice/FY20.xlsx')).toEqual(first);
    } finally {
      delete process.env.XLSX_CACHE;
    }
  });

  it('reads a changed workbook anew, never the entry of its earlier bytes', async () => {
    const changed = join(dir, 'changed.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Facilities FY21').getCell('A1').value = 'changed';
    writeFileSync(changed, Buffer.from(await wb.xlsx.writeBuffer()));
    const n = entries().length;
    expect(sheetGrid(await openWorkbook(changed, 'c'), /^Facilities/, 'c').rows[0]).toEqual(['changed']);
    expect(entries()).toHaveLength(n + 1);
  });

  it('reads the workbook again when its entry is unreadable', async () => {
    await openWorkbook(path, 'ice/FY20.xlsx');
    for (const f of entries()) writeFileSync(join(cache, f), 'not a cache entry');
    const g = sheetGrid(await openWorkbook(path, 'ice/FY20.xlsx'), /^Facilities/, 'ice/FY20.xlsx');
    expect(g.rows[3]).toEqual(['after a blank row']);
  });

  it('gives each caller its own rows: changing one grid leaves the next read as it was', async () => {
    const wb = await openWorkbook(path, 'f');
    sheetGrid(wb, /^Facilities/, 'f').rows[3]![0] = 'changed by a caller';
    expect(sheetGrid(wb, /^Facilities/, 'f').rows[3]).toEqual(['after a blank row']);
  });
});

// A release ICE posted with a date filter on its Facilities table, which ExcelJS alone cannot parse.
const RELEASES = join(process.env.SOURCES_DIR ?? '../shared/sources', 'ice/ice-detention-stats-releases');
const FILTERED = '2025-02-04_FY25_detentionStats02032025.xlsx';
describe.runIf(existsSync(join(RELEASES, FILTERED)))('read-xlsx on a table with a date filter', () => {
  it('opens the workbook and reads every facility row MANIFEST.csv counts', async () => {
    const manifest = readCsv(join(RELEASES, 'MANIFEST.csv'), 'MANIFEST.csv');
    const col = (n: string) => manifest.rows[0]!.indexOf(n);
    const row = manifest.rows.find((r) => r[col('file')] === FILTERED)!;
    const wb = await openWorkbook(join(RELEASES, FILTERED), FILTERED);
    const grid = sheetGrid(wb, String(row[col('facilities_sheet')]), FILTERED);
    // Facility rows: a name in column A under the "Name" header, down to the end of the table.
    const header = grid.rows.findIndex((r) => cellText(r[0]) === 'Name');
    const names = grid.rows.slice(header + 1).filter((r) => cellText(r[0]) !== '' && cellText(r[3]) !== '');
    expect(header).toBeGreaterThan(0);
    expect(names).toHaveLength(Number(row[col('facility_rows')]));
  });
});
