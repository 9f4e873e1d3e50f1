import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decode, parseCsv, readCsv } from '../../../../scripts/ingest/lib/read-csv';
import { IngestError } from '../../../../scripts/ingest/lib/errors';

const dir = mkdtempSync(join(tmpdir(), 'read-csv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: number[] | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof bytes === 'string' ? bytes : Uint8Array.from(bytes));
  return path;
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function thrown(f: () => unknown): IngestError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('readCsv', () => {
  it('strips a UTF-8 byte-order mark so the first header is found', () => {
    const g = readCsv(file('bom.csv', [0xef, 0xbb, 0xbf, ...ascii('edition,people\n2020,2300000\n')]), 'ppi/bom.csv');
    expect(g).toEqual({ file: 'ppi/bom.csv', sheet: null, rows: [['edition', 'people'], ['2020', '2300000']] });
  });

  it('rejects invalid UTF-8, naming the file, the line and the byte', () => {
    const e = thrown(() => readCsv(file('bad.csv', [...ascii('a,b\n1,2\nx'), 0x96, ...ascii('y,3\n')]), 'bjs/bad.csv'));
    expect(e.message).toBe('bjs/bad.csv row 3: expected UTF-8 text, found byte 0x96 at offset 9');
  });

  it('finds the right line when valid multi-byte characters come before the bad byte', () => {
    // Regression: a binary search over prefixes stopped inside a valid "é" and blamed line 38.
    const lines = ['name,desc', ...Array.from({ length: 60 }, (_, i) => (i === 40 ? 'bad \u0000' : `row ${i},café ñandú €${i}`))];
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const at = bytes.indexOf(0);
    bytes[at] = 0x96;
    const e = thrown(() => decode(bytes, 'utf-8', 'x.csv'));
    expect(e.where.row).toBe(42);
    expect(e.expected).toBe(`expected UTF-8 text, found byte 0x96 at offset ${at}`);
  });

  it('points at the start of a cut multi-byte sequence, on CR-only lines too', () => {
    // "é" is C3 A9; a lone C3 followed by "," is invalid. Lines end in CR only.
    const e = thrown(() => decode(Uint8Array.from([...ascii('a\rb\rcaf'), 0xc3, ...ascii(',1\r')]), 'utf-8', 'cr.csv'));
    expect(e.message).toBe('cr.csv row 3: expected UTF-8 text, found byte 0xc3 at offset 7');
    const end = thrown(() => decode(Uint8Array.from([...ascii('a\nb'), 0xe2, 0x80]), 'utf-8', 'end.csv'));
    expect(end.message).toBe('end.csv row 2: expected UTF-8 text, found byte 0xe2 at offset 3');
  });

  it('decodes Windows-1252 when the source declares it (0x96 is an en dash)', () => {
    const g = readCsv(file('bjs.csv', [...ascii('Year,Note\n2019'), 0x96, ...ascii('20,Don'), 0x92, ...ascii('t\n')]), 'bjs/p20.csv', 'windows-1252');
    expect(g.rows[1]).toEqual(['2019\u201320', 'Don\u2019t']);
  });

  it('maps 0x80–0x9F to the windows-1252 characters (undefined bytes to U+FFFD), and Latin-1 above it', () => {
    // Regression: Node ≥ 20.18.3's TextDecoder('windows-1252') gives U+0080–U+009F here (nodejs/node#60888).
    const text = decode(Uint8Array.from([0x80, 0x81, 0x85, 0x8a, 0x93, 0x94, 0x97, 0x99, 0x9f, 0xa0, 0xe9, 0xff]), 'windows-1252', 'x.csv');
    expect([...text].map((c) => c.codePointAt(0)!.toString(16))).toEqual(['20ac', 'fffd', '2026', '160', '201c', '201d', '2014', '2122', '178', 'a0', 'e9', 'ff']);
  });

  it('keeps a stray byte visible as U+FFFD only when the source asks for leniency', () => {
    expect(decode(Uint8Array.from([0x61, 0x96]), 'utf-8-lenient', 'x.csv')).toBe('a\ufffd');
  });

  it('splits old-Mac CR-only, CRLF and LF line endings alike', () => {
    const want = [['a', 'b'], ['1', '2'], ['3', null]];
    expect(readCsv(file('cr.csv', 'a,b\r1,2\r3,\r'), 'cr.csv').rows).toEqual(want);
    expect(readCsv(file('crlf.csv', 'a,b\r\n1,2\r\n3,\r\n'), 'crlf.csv').rows).toEqual(want);
    expect(readCsv(file('lf.csv', 'a,b\n1,2\n3,'), 'lf.csv').rows).toEqual(want);
  });

  it('keeps quoted commas and newlines inside a cell', () => {
    expect(parseCsv('quote,people\n"holds 2.3 million people in 1,833 state prisons,\nand more",2300000\n', 'p.csv').rows[1]).toEqual(['holds 2.3 million people in 1,833 state prisons,\nand more', '2300000']);
  });

  it('rejects an unclosed quote, naming the row', () => {
    const e = thrown(() => parseCsv('a,b\n1,"2\n3,4\n', 'q.csv'));
    expect(e.where).toMatchObject({ file: 'q.csv', row: 2 });
    expect(e.expected).toMatch(/^expected well-formed CSV/);
  });

  it('names the missing file', () => {
    expect(thrown(() => readCsv(join(dir, 'nope.csv'), 'ppi/nope.csv')).message).toBe(`ppi/nope.csv: expected the file to exist at ${join(dir, 'nope.csv')}`);
  });
});
