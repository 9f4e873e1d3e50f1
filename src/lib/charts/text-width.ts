/**
 * How wide a line of chart text is, estimated without a browser: SVG text does not wrap, and a
 * prerendered chart (facility pages ship no JavaScript) must place and wrap its labels before any
 * font is measured. Widths are estimated for DejaVu Sans, the widest of the sans-serif fonts a page
 * or the images (resvg) fall back to, so a line that fits in it fits in the others.
 */

/** Width in px of `s` at `size` px. */
export function textWidth(s: string, size: number, bold = false): number {
  let em = 0;
  for (const c of s) {
    if (" .,;:!|'ijl".includes(c)) em += 0.32;
    else if ('ftr()[]-/'.includes(c)) em += 0.42;
    else if ('mwMW—'.includes(c)) em += 0.95;
    else if (c >= 'A' && c <= 'Z') em += 0.74;
    else em += 0.63;
  }
  return em * size * (bold ? 1.1 : 1);
}

/** `text` in lines no wider than `width` px, broken at spaces (a word longer than the line breaks where it must). */
export function wrap(text: string, size: number, width: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (!line || textWidth(next, size, bold) <= width) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  // A single word wider than the line (a long facility id): cut it into pieces that fit.
  return lines.flatMap((l) => (textWidth(l, size, bold) <= width ? [l] : chop(l, size, width, bold)));
}

function chop(word: string, size: number, width: number, bold: boolean): string[] {
  const parts: string[] = [];
  let part = '';
  for (const c of word) {
    if (part && textWidth(part + c, size, bold) > width) {
      parts.push(part);
      part = '';
    }
    part += c;
  }
  return part ? [...parts, part] : parts;
}
