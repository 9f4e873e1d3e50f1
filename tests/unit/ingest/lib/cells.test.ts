import { describe, expect, it } from 'vitest';
import { parseCell, type CellRule } from '../../../../scripts/ingest/lib/cells';
import { IngestError } from '../../../../scripts/ingest/lib/errors';

const at = { file: 'ice/FY20.xlsx', sheet: 'Facilities FY20', row: 42, column: 'Level A' };
const parse = (cell: Parameters<typeof parseCell>[0], rule: CellRule) => parseCell(cell, rule, at);

/** The IngestError a parse throws (fails the test when it does not throw one). */
function failure(cell: Parameters<typeof parseCell>[0], rule: CellRule): IngestError {
  try {
    parse(cell, rule);
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error(`expected ${JSON.stringify(cell)} to be rejected`);
}

describe('numbers', () => {
  it('reads thousands commas and surrounding spaces', () => {
    expect(parse('1,234', { kind: 'number' })).toEqual({ value: 1234 });
    expect(parse(' 2,300,000 ', { kind: 'integer' })).toEqual({ value: 2300000 });
    expect(parse('1,234.5', { kind: 'number' })).toEqual({ value: 1234.5 });
    expect(parse(17098.19672, { kind: 'number' })).toEqual({ value: 17098.19672 });
  });

  it('rejects commas that are not thousands separators instead of gluing the digits', () => {
    expect(failure('12,5', { kind: 'number' }).message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 42, column "Level A": expected a number, got "12,5"');
    expect(failure('1,2,3', { kind: 'number' }).where.value).toBe('1,2,3');
  });

  it('strips BJS footnote markers only when asked', () => {
    expect(parse('621,100**', { kind: 'integer', footnotes: true })).toEqual({ value: 621100 });
    expect(parse('1,000/a,b', { kind: 'integer', footnotes: true })).toEqual({ value: 1000 });
    expect(failure('621,100**', { kind: 'integer' }).expected).toBe('expected a whole number');
  });

  it('rejects text in a number cell, naming the cell and the text', () => {
    const e = failure('12 people', { kind: 'number', missing: ['N/A'] });
    expect(e.where).toEqual({ ...at, value: '12 people' });
    expect(e.message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 42, column "Level A": expected a number, got "12 people"');
    // Close to a missing marker is not a missing marker.
    expect(failure('N/A?', { kind: 'number', missing: ['N/A'] }).where.value).toBe('N/A?');
  });

  it('rejects a fraction where a whole number is expected', () => {
    expect(failure(12.5, { kind: 'integer' }).message).toContain('expected a whole number, got 12.5');
  });

  it('rejects negative counts with min 0, as text or as a number', () => {
    expect(failure('-5', { kind: 'number', min: 0 }).message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 42, column "Level A": expected a number ≥ 0, got "-5"');
    expect(failure(-0.5, { kind: 'number', min: 0 }).message).toContain('expected a number ≥ 0, got -0.5');
    expect(parse(0, { kind: 'number', min: 0 })).toEqual({ value: 0 });
  });

  it('rejects out-of-range coordinates with min and max', () => {
    const lat: CellRule = { kind: 'number', min: -90, max: 90 };
    expect(parse('45.5', lat)).toEqual({ value: 45.5 });
    expect(failure('95.1', lat).message).toContain('expected a number ≤ 90, got "95.1"');
    expect(failure(-90.01, lat).message).toContain('expected a number ≥ -90, got -90.01');
  });
});

describe('missing values', () => {
  it('turns blank cells into null with the reason "blank", never 0', () => {
    for (const blank of [null, undefined, '', '   ']) {
      const p = parse(blank, { kind: 'number' });
      expect(p.value).toBeNull();
      expect(p.missing).toBe('blank');
    }
  });

  it('turns a declared marker into null with the marker as its reason', () => {
    expect(parse('#N/A', { kind: 'number', missing: ['#N/A', 'N/A'] })).toEqual({ value: null, missing: '#N/A' });
    expect(parse(' N/A ', { kind: 'integer', missing: ['#N/A', 'N/A'] })).toEqual({ value: null, missing: 'N/A' });
    expect(parse('New Facility', { kind: 'date', missing: ['New Facility'] })).toEqual({ value: null, missing: 'New Facility' });
  });

  it('rejects an undeclared marker instead of guessing', () => {
    expect(failure('—', { kind: 'number', missing: ['N/A'] }).message).toContain('expected a number, got "—"');
  });
});

describe('dates', () => {
  it('reads Excel serials, including ones with a time of day', () => {
    expect(parse(43594, { kind: 'date' })).toEqual({ value: '2019-05-09' });
    expect(parse(43831, { kind: 'date' })).toEqual({ value: '2020-01-01' });
    expect(parse(43594.75, { kind: 'date' })).toEqual({ value: '2019-05-09' });
  });

  it('reads Date cells and text dates in each default format', () => {
    expect(parse(new Date(Date.UTC(2020, 8, 24)), { kind: 'date' })).toEqual({ value: '2020-09-24' });
    expect(parse('9/24/2020', { kind: 'date' })).toEqual({ value: '2020-09-24' });
    expect(parse('09/30/2019', { kind: 'date' })).toEqual({ value: '2019-09-30' });
    expect(parse('2020-02-29', { kind: 'date' })).toEqual({ value: '2020-02-29' });
    expect(parse('2020-2-3', { kind: 'date' })).toEqual({ value: '2020-02-03' });
  });

  it('reads two-digit years with %y instead of as the year 20', () => {
    expect(parse('3/5/20', { kind: 'date' })).toEqual({ value: '2020-03-05' });
    expect(parse('12/31/99', { kind: 'date' })).toEqual({ value: '1999-12-31' });
  });

  it('rejects impossible dates that a lenient parser would roll over', () => {
    for (const bad of ['2/30/2020', '2/29/2021', '2020-02-30', '13/1/2020', '4/31/2024', '1/32/02', '0/1/2020']) {
      const e = failure(bad, { kind: 'date' });
      expect(e.where.value).toBe(bad);
      expect(e.expected).toMatch(/^expected a date \(/);
    }
  });

  it('rejects numbers that are no Excel date serial and text that is no date', () => {
    expect(failure(1, { kind: 'date' }).message).toContain('or an Excel date serial, got 1');
    expect(failure('Pending', { kind: 'date' }).where.value).toBe('Pending');
    expect(failure('3/1/2020x', { kind: 'date' }).where.value).toBe('3/1/2020x');
  });

  it('rejects dates before 1970 and dates after the day of the run', () => {
    expect(failure('1/1/1960', { kind: 'date' }).message).toBe('ice/FY20.xlsx sheet "Facilities FY20" row 42, column "Level A": expected a date from 1970-01-01 on, got "1/1/1960"');
    expect(failure(new Date(Date.UTC(2099, 0, 1)), { kind: 'date' }).message).toContain('(the day of this run), got "2099-01-01"');
  });

  it('uses only the formats a column declares', () => {
    expect(parse('24.09.2020', { kind: 'date', formats: ['%d.%m.%Y'] })).toEqual({ value: '2020-09-24' });
    expect(failure('9/24/2020', { kind: 'date', formats: ['%d.%m.%Y'] }).expected).toBe('expected a date (%d.%m.%Y) or an Excel date serial');
  });
});

describe('text', () => {
  it('trims text and keeps numbers as their text', () => {
    expect(parse('  ICE  ', { kind: 'text' })).toEqual({ value: 'ICE' });
    expect(parse(31815, { kind: 'text' })).toEqual({ value: '31815' });
  });
});
