import { describe, expect, it } from 'vitest';
import { cellText, columnLetter, findRow, matches, norm, requireRow, type Grid } from '../../../../scripts/ingest/lib/grid';
import { IngestError } from '../../../../scripts/ingest/lib/errors';

const grid: Grid = {
  file: 'FY24.xlsx',
  sheet: 'Detention FY24',
  rows: [['U.S. Immigration and Customs Enforcement'], [], ['Agency', 'Oct'], ['Total', 5], ['ICE Average Daily Population by Month: EOFY2024'], ['Facility Type', 'Oct'], ['Total', 7]],
};

describe('grid helpers', () => {
  it('gives the text of any cell', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText('  ICE  ')).toBe('ICE');
    expect(cellText(31815)).toBe('31815');
    expect(cellText(new Date(Date.UTC(2020, 8, 30)))).toBe('2020-09-30');
  });

  it('compares labels across case and whitespace, by pattern, or by function', () => {
    expect(norm('  ICE   Average\n ')).toBe('ice average');
    expect(matches('Level A', 'level  a ')).toBe(true);
    expect(matches('Level A', 'Level AA')).toBe(false);
    expect(matches(/^FY\d\d ALOS$/, ' FY20 ALOS ')).toBe(true);
    expect(matches((s) => s.startsWith('Tot'), 'Total')).toBe(true);
  });

  it('finds a row from a start row and in one column', () => {
    expect(findRow(grid, 'Total')).toBe(3);
    expect(findRow(grid, 'Total', { from: 4 })).toBe(6);
    expect(findRow(grid, 'Oct', { column: 0 })).toBe(-1);
    expect(findRow(grid, 'Oct', { column: 1 })).toBe(2);
  });

  it('makes a missing row an error naming file, sheet and what was looked for', () => {
    expect(requireRow(grid, /^ICE Average Daily Population by/, 'the ADP table')).toBe(4);
    expect(() => requireRow(grid, 'Grand Total', 'a "Grand Total" row')).toThrow(IngestError);
    expect(() => requireRow(grid, 'Grand Total', 'a "Grand Total" row')).toThrow('FY24.xlsx sheet "Detention FY24": expected a "Grand Total" row, found none');
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
