import { describe, expect, it } from 'vitest';
import { IngestError } from '../../../../scripts/ingest/lib/errors';

describe('IngestError', () => {
  it('names file, sheet, row, column, what was expected and the value', () => {
    const e = new IngestError({ file: 'FY20.xlsx', sheet: 'Facilities', row: 42, column: 'Level A', value: 'N/A' }, 'expected a number');
    expect(e.message).toBe('FY20.xlsx sheet "Facilities" row 42, column "Level A": expected a number, got "N/A"');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('IngestError');
    expect(e.where).toEqual({ file: 'FY20.xlsx', sheet: 'Facilities', row: 42, column: 'Level A', value: 'N/A' });
    expect(e.expected).toBe('expected a number');
  });

  it('leaves out the parts it does not know', () => {
    expect(new IngestError({ file: 'a.csv', row: 3, column: 'people', value: -1 }, 'expected ≥ 0').message).toBe('a.csv row 3, column "people": expected ≥ 0, got -1');
    expect(new IngestError({ file: 'a.csv', sheet: null, row: 7 }, 'expected UTF-8 text').message).toBe('a.csv row 7: expected UTF-8 text');
    expect(new IngestError({ file: 'b.xlsx', sheet: 'Footnotes' }, 'expected a footnote').message).toBe('b.xlsx sheet "Footnotes": expected a footnote');
    expect(new IngestError({ file: 'dataset x' }, 'expected one row per month').message).toBe('dataset x: expected one row per month');
  });

  it('says "got null" for a value that is present but empty, and quotes only strings', () => {
    expect(IngestError.format({ file: 'f', value: undefined }, 'expected a value')).toBe('f: expected a value, got null');
    expect(IngestError.format({ file: 'f', value: null }, 'expected a value')).toBe('f: expected a value, got null');
    expect(IngestError.format({ file: 'f', row: 1, value: 12 }, 'expected text')).toBe('f row 1: expected text, got 12');
    expect(IngestError.format({ file: 'f', column: 'c', value: 'say "hi"' }, 'expected x')).toBe('f, column "c": expected x, got "say \\"hi\\""');
  });
});
