/**
 * CSV → Grid with papaparse. Decoding is explicit: BJS tables are Windows-1252, everything else
 * must be valid UTF-8 (a stray byte is an error, not a silent U+FFFD). Papaparse detects the
 * old-Mac CR line endings of the BJS and Marshall files itself.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { IngestError } from './errors';
import type { Grid } from './grid';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-8-lenient';

export function decode(bytes: Uint8Array, encoding: Encoding, label: string): string {
  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const at = firstInvalidUtf8(bytes);
      throw new IngestError({ file: label, row: lineOf(bytes, at) }, `expected UTF-8 text, found byte 0x${bytes[at]?.toString(16)} at offset ${at}`);
    }
  } else {
    text = new TextDecoder(encoding === 'utf-8-lenient' ? 'utf-8' : encoding).decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const d = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix; a cut in the middle of a valid sequence
  // only fails with stream:false, so widen by 3 bytes to stay on the safe side.
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      d.decode(bytes.subarray(0, Math.min(bytes.length, mid + 3)));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
  return line;
}

export function parseCsv(text: string, label: string): Grid {
  const res = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const bad = res.errors.find((e) => e.type === 'Quotes');
  if (bad) throw new IngestError({ file: label, row: (bad.row ?? 0) + 1 }, `expected well-formed CSV (${bad.message})`);
  const rows = res.data.map((r) => r.map((c) => (c === '' ? null : c)));
  // A trailing newline yields one empty row; drop it so row counts match the file.
  while (rows.length && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { file: label, sheet: null, rows };
}

export function readCsv(path: string, label: string, encoding: Encoding = 'utf-8'): Grid {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new IngestError({ file: label }, `expected the file to exist at ${path}`);
  }
  return parseCsv(decode(bytes, encoding, label), label);
}
