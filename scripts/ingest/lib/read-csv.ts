/**
 * CSV → Grid with papaparse. Decoding is explicit: BJS tables are Windows-1252, everything else
 * must be valid UTF-8 (a stray byte is an error, not a silent U+FFFD). Papaparse detects the
 * old-Mac CR line endings of the BJS and Marshall files itself.
 */
import Papa from 'papaparse';
import iconv from 'iconv-lite';
import { IngestError } from './errors';
import { readBytes } from './files';
import type { Grid } from './grid';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-8-lenient';

const ENCODING_NAME: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-8-lenient': 'UTF-8', 'windows-1252': 'Windows-1252' };
/** Byte-order marks of encodings no source is declared in (a spreadsheet's "Unicode text" export is UTF-16 LE). UTF-32 LE first: it starts with UTF-16 LE's. */
const FOREIGN_BOMS: [string, number[]][] = [
  ['UTF-32', [0xff, 0xfe, 0x00, 0x00]],
  ['UTF-32', [0x00, 0x00, 0xfe, 0xff]],
  ['UTF-16', [0xff, 0xfe]],
  ['UTF-16', [0xfe, 0xff]],
];
const hex = (b: number[]) => b.map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/**
 * A file in another encoding than declared, said as such: decoded as UTF-8, UTF-16 is invalid
 * at its first byte (with a BOM) or, without one, valid text with a NUL in every other byte, which
 * cleanText would then strip into plausible-looking text. No CSV, YAML or JS source holds a NUL.
 */
function foreignEncoding(bytes: Uint8Array, encoding: Encoding, label: string): void {
  const want = `expected ${ENCODING_NAME[encoding]} text`;
  for (const [name, bom] of FOREIGN_BOMS)
    if (bom.every((b, i) => bytes[i] === b)) throw new IngestError({ file: label, row: 1 }, `the file is ${name} (byte-order mark ${hex(bom)}); ${want}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new IngestError({ file: label, row: lineOf(bytes, nul) }, `${want}, found a NUL byte (0x00) at offset ${nul}: UTF-16 without a byte-order mark, or not a text file`);
}

export function decode(bytes: Uint8Array, encoding: Encoding, label: string): string {
  foreignEncoding(bytes, encoding, label);
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

/**
 * An error page saved under a CSV's name (a download that got the publisher's 404 or login page):
 * said as such instead of "expected a header row …" further on. The line of its first tag.
 */
export function htmlPageLine(text: string): number {
  const m = /^(\s*)<(!doctype\s+html|html|head|body)[\s>]/i.exec(text.slice(0, 4096).replace(/^\ufeff/, ''));
  return m ? m[1]!.split(/\r\n|\r|\n/).length : 0;
}

export function parseCsv(text: string, label: string): Grid {
  const html = htmlPageLine(text);
  if (html) throw new IngestError({ file: label, row: html }, 'the file is an HTML page, not CSV');
  const res = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const bad = res.errors.find((e) => e.type === 'Quotes');
  if (bad) throw new IngestError({ file: label, row: (bad.row ?? 0) + 1 }, `expected well-formed CSV (${bad.message})`);
  const rows = res.data.map((r) => r.map((c) => (c === '' ? null : c)));
  // A trailing newline yields one empty row; drop it so row counts match the file.
  while (rows.length && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { file: label, sheet: null, rows };
}

export function readCsv(path: string, label: string, encoding: Encoding = 'utf-8'): Grid {
  return parseCsv(decode(readBytes(path, label), encoding, label), label);
}
