import { describe, expect, it } from 'vitest';
import { kindOf, sortedOrder, toCell, type Result } from '../../../src/lib/explore/result';

describe('results', () => {
  it('maps DuckDB and Arrow type names to kinds', () => {
    for (const t of ['BIGINT', 'HUGEINT', 'DOUBLE', 'DECIMAL(18,3)', 'Int32', 'Float64', 'Uint8', 'Decimal[18e3]']) expect(kindOf(t), t).toBe('number');
    for (const t of ['DATE', 'Date32<DAY>']) expect(kindOf(t), t).toBe('date');
    for (const t of ['TIMESTAMP', 'Timestamp<MICROSECOND>']) expect(kindOf(t), t).toBe('timestamp');
    for (const t of ['BOOLEAN', 'Bool']) expect(kindOf(t), t).toBe('boolean');
    for (const t of ['VARCHAR', 'Utf8', 'INTERVAL', 'List<Utf8>']) expect(kindOf(t), t).toBe('text');
  });
  it('turns cells into plain values; missing stays missing, never 0', () => {
    expect(toCell(null, 'number')).toBeNull();
    expect(toCell(12n, 'number')).toBe(12);
    expect(toCell('170141183460469231731687303715884105727', 'number')).toBeGreaterThan(1e38);
    expect(toCell(Date.UTC(2026, 2, 10), 'date')).toBe('2026-03-10');
    expect(toCell(new Date(Date.UTC(2020, 3, 25, 13, 5)), 'timestamp')).toBe('2020-04-25 13:05:00');
    expect(toCell({ a: 1n }, 'text')).toBe('{"a":1}');
  });
  it('sorts either way with missing values last and ties in query order', () => {
    const r: Result = { sql: '', ms: 1, rowCount: 5, columns: [{ name: 'n', kind: 'number' }], rows: [[3], [null], [1], [3], [2]] };
    expect(sortedOrder(r, 0, 'ascending')).toEqual([2, 4, 0, 3, 1]);
    expect(sortedOrder(r, 0, 'descending')).toEqual([0, 3, 4, 2, 1]);
  });
});
