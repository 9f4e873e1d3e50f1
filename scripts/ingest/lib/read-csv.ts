/**
 * CSV → Grid with papaparse. Decoding is explicit: BJS tables are Windows-1252, everything else
 * must be valid UTF-8 (a stray byte is an error, not a silent U+FFFD). Papaparse detects the
 * old-Mac CR line endings of the BJS and Marshall files itself.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import iconv from 'iconv-lite';
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
  } else if (encoding === 'windows-1252') {
    // Not TextDecoder('windows-1252'): Node ≥ 20.18.3 decodes it as Latin-1, so 0x96 became U+0096
    // instead of an en dash (https://github.com/nodejs/node/issues/60888).
    text = iconv.decode(Buffer.from(bytes), 'windows-1252');
  } else {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Feed the bytes one at a time to a streaming decoder: it throws at the first byte that cannot
  // continue valid UTF-8. (A binary search over prefixes is not sound: a prefix that cuts a valid
  // "é" in two fails too, so it stopped at the wrong place.) Report where the bad sequence began.
  const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    try {
      if (d.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') start = i + 1;
    } catch {
      return start < i ? start : i;
    }
  }
  return start;
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
