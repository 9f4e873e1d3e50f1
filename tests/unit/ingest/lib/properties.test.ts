/**
 * Property-based tests (fast-check) of the ingest's cell, CSV and text readers: for any input, a
 * reader returns a value or throws an IngestError naming the file (and row and column where it
 * has them) — never another exception, never a silent 0 for a missing value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCell, type CellRule } from '../../../../scripts/ingest/lib/cells';
import { IngestError } from '../../../../scripts/ingest/lib/errors';
import { decode, parseCsv } from '../../../../scripts/ingest/lib/read-csv';

const WHERE = { file: 'fuzz.xlsx', sheet: 'Facilities', row: 7, column: 'ADP' };
const cell = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.date({ noInvalidDate: true }), fc.constant(null), fc.constantFrom('N/A', ' 1,234 ', '12,5', '621,100**', '3/5/20', '2020-02-30', '  '));
const rule = fc.record({
  kind: fc.constantFrom<CellRule['kind']>('text', 'number', 'integer', 'date'),
  missing: fc.constantFrom<readonly string[] | undefined>(undefined, ['N/A', '-']),
  footnotes: fc.boolean(),
  min: fc.constantFrom(undefined, 0),
});

/** Runs f; an exception must be an IngestError whose message names `where`. */
function namedOrValue<T>(f: () => T, names: string[]): T | null {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    for (const n of names) expect((e as Error).message).toContain(n);
    return null;
  }
}

describe('ingest readers under random input', () => {
  it('a cell parses to a value of its kind, a named missing value, or an error naming file, sheet, row and column', () => {
    fc.assert(
      fc.property(cell, rule, (c, r) => {
        const parsed = namedOrValue(() => parseCell(c, r, WHERE), ['fuzz.xlsx', 'sheet "Facilities"', 'row 7', 'column "ADP"']);
        if (!parsed) return;
        if (parsed.value === null) expect(parsed.missing).toBeTruthy();
        else if (r.kind === 'number' || r.kind === 'integer') expect(Number.isFinite(parsed.value)).toBe(true);
        else if (r.kind === 'date') expect(parsed.value).toMatch(/^(19[7-9]\d|20[0-2]\d|2030)-\d{2}-\d{2}$/);
        // Blank and missing markers are never turned into a number.
        if (c === null || (typeof c === 'string' && (c.trim() === '' || r.missing?.includes(c.trim())))) expect(parsed.value).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it('whole numbers written with thousands separators read back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseCell(n.toLocaleString('en-US'), { kind: 'integer' }, WHERE).value).toBe(n);
      }),
    );
  });

  it('any text parses as CSV or fails naming the file and row', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\n', '\r', ' ', 'é') }), (text) => {
        const grid = namedOrValue(() => parseCsv(text, 'fuzz.csv'), ['fuzz.csv', 'row ']);
        if (grid) expect(grid.file).toBe('fuzz.csv');
      }),
      { numRuns: 2000 },
    );
  });

  it('any bytes decode as UTF-8 or fail naming the file, the line and the offending byte', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        namedOrValue(() => decode(bytes, 'utf-8', 'fuzz.csv'), ['fuzz.csv', 'row ', 'expected UTF-8 text']);
      }),
      { numRuns: 2000 },
    );
  });
});
