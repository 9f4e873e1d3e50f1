/**
 * How wide a line of text is in DejaVu Sans (the font the chart images are drawn with, shipped in
 * node_modules), measured by resvg itself, so an image's layout and its pixels agree: no label is
 * laid out narrower than it is drawn. Build time only (resvg is native code).
 *
 * Each character's advance is measured once, as the ink width of "H<c>H" less that of "HH" at a
 * large size, and a line's width is the sum of its characters' advances. Kerning only narrows a
 * pair, so the sum is never less than the drawn width (tests/unit/charts/image-layout.test.ts
 * compares it with resvg's own box of whole labels).
 */
import { Resvg } from '@resvg/resvg-js';
import { cleanText } from '../text/safe';
import { FONT_OPTIONS } from './fonts';

const REF = 1000;
const advances = { regular: new Map<string, number>(), bold: new Map<string, number>() };

function inkWidth(text: string, bold: boolean): number {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${REF * 8}" height="${REF * 2}"><text x="0" y="${REF}" font-size="${REF}" font-family="DejaVu Sans"${bold ? ' font-weight="bold"' : ''} xml:space="preserve">${esc}</text></svg>`;
  return new Resvg(svg, { font: FONT_OPTIONS }).getBBox()?.width ?? 0;
}

/** A character's advance at font size 1. */
function advance(c: string, bold: boolean): number {
  const table = bold ? advances.bold : advances.regular;
  let a = table.get(c);
  if (a === undefined) {
    a = (inkWidth(`H${c}H`, bold) - inkWidth('HH', bold)) / REF;
    table.set(c, a);
  }
  return a;
}

/** The width of `text` drawn in DejaVu Sans at `size` px (bold or not), as the image draws it (cleaned of control characters). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of cleanText(text)) em += advance(c, bold);
  return em * size;
}

export type TextWidth = typeof textWidth;
