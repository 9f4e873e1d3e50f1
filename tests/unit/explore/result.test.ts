import { describe, expect, it } from 'vitest';
import { CellTooLarge, fromArrow, kindOf, sortedOrder, toCell, type Caps, type Result } from '../../../src/lib/explore/result';

/** Record batches as duckdb-wasm streams them (the parts fromArrow reads), one column each. */
const batch = (name: string, type: string, values: unknown[]) => ({
  numRows: values.length,
  schema: { fields: [{ name, type: { toString: () => type } }] },
  getChildAt: () => ({ get: (i: number) => values[i] }),
});
async function* stream(batches: ReturnType<typeof batch>[], hang?: () => void) {
  yield* batches;
  if (hang) {
    hang();
    await new Promise(() => {}); // a worker that never answers again
  }
}
const CAPS: Caps = { maxRows: 200_000, maxBytes: 64 * 1024 * 1024, maxCellChars: 100_000 };

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
  it('keeps rows up to the row cap and the byte cap, and still counts them all', async () => {
    const ints = Array.from({ length: 1000 }, (_, i) => i);
    const r = await fromArrow(stream([batch('n', 'Int32', ints), batch('n', 'Int32', ints)]), { sql: '', started: 0, caps: { ...CAPS, maxRows: 1500 } });
    expect([r.rows.length, r.rowCount]).toEqual([1500, 2000]);
    // 100 text cells of 10,000 characters are about 2 MB in the page: a 1 MB cap keeps the first ones only, in order.
    const text = Array.from({ length: 100 }, (_, i) => String(i).padStart(10_000, 'x'));
    const b = await fromArrow(stream([batch('t', 'Utf8', text), batch('t', 'Utf8', ['short'])]), { sql: '', started: 0, caps: { ...CAPS, maxBytes: 1024 * 1024 } });
    expect(b.rowCount).toBe(101);
    expect(b.rows.length).toBeGreaterThan(40);
    expect(b.rows.length).toBeLessThan(60);
    expect(b.rows.map((row) => Number(String(row[0]).replace(/^x+/, '')))).toEqual(b.rows.map((_, i) => i));
  });

  it('refuses a cell larger than the page can show (a read_blob of the database) with a message, before making it text', async () => {
    const blob = new Uint8Array(17_575_936);
    const err = await fromArrow(stream([batch('content', 'Binary', [blob])]), { sql: '', started: 0, caps: CAPS }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellTooLarge);
    expect((err as Error).message).toBe(
      'Row 1, column “content” holds 17,575,936 bytes: the explorer shows at most 100,000 in a cell. Ask for less of it, for example substr(…), octet_length(…) or count(*).',
    );
    const text = await fromArrow(stream([batch('t', 'Utf8', ['ok', 'y'.repeat(100_001)])]), { sql: '', started: 0, caps: CAPS }).catch((e: unknown) => e);
    expect((text as Error).message).toMatch(/^Row 2, column “t” holds 100,001 characters/);
    // A small blob reads as DuckDB prints one.
    expect(toCell(new Uint8Array([65, 0, 92, 255]), 'text')).toBe('A\\x00\\x5C\\xFF');
  });

  it('stops at once when told, even while waiting on a batch that never comes, with the rows it has', async () => {
    const stop = new AbortController();
    const pending = fromArrow(stream([batch('n', 'Int32', [1, 2, 3])], () => stop.abort('time')), { sql: 'q', started: performance.now(), caps: CAPS, signal: stop.signal });
    const r = await pending;
    expect(r.rows).toEqual([[1], [2], [3]]);
    expect(r.rowCount).toBe(3);
    expect(r.stoppedAfterMs).toBeGreaterThanOrEqual(0);
  });
});
