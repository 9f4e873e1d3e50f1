/**
 * How wide a line of chart text is, and where it wraps, without a browser: SVG text does not wrap,
 * a prerendered chart (facility pages ship no JavaScript) must place its labels before any font is
 * measured, and the chart images are laid out at build time. One measure serves the page's charts,
 * the embeds' heights and the images, so they agree.
 *
 * Widths are DejaVu Sans's own advances (./text-advances, generated from the font the images are
 * drawn with). In the browser this is a safe over-estimate: the site's font stack is
 * `system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif` (src/routes/+layout.svelte), and
 * DejaVu Sans, which Debian-like systems give for system-ui and sans-serif, is wider than San
 * Francisco, Segoe UI, Roboto, Cantarell or Noto Sans; so a line that fits in DejaVu fits in them.
 * Kerning mostly brings pairs closer; where DejaVu spaces a pair apart ("LA"), the widest such
 * spacing after a character is counted whenever another follows it, so a line is never measured
 * narrower than it is drawn.
 */
import { BOLD, BOLD_KERN_AFTER, CHARS, REGULAR, REGULAR_KERN_AFTER, UNITS_PER_EM } from './text-advances';

/** Per character: its advance, and the most kerning can add after it, in em. */
const table = (advances: number[], kernAfter: number[]) => new Map([...CHARS].map((c, i) => [c, { advance: advances[i]! / UNITS_PER_EM, kern: kernAfter[i]! / UNITS_PER_EM }]));
const METRICS = { regular: table(REGULAR, REGULAR_KERN_AFTER), bold: table(BOLD, BOLD_KERN_AFTER) };
/**
 * A character not in the table (drawn in some fallback font) counts as wide as the widest one
 * measured, about 1 em, which covers an ideograph's 1 em too: a guess that never falls short.
 */
const widest = (m: Map<string, { advance: number; kern: number }>) => ({ advance: Math.max(...[...m.values()].map((v) => v.advance)), kern: Math.max(...[...m.values()].map((v) => v.kern)) });
const UNKNOWN = { regular: widest(METRICS.regular), bold: widest(METRICS.bold) };

/** Width in px of `s` at `size` px, bold or not (italic has the regular advances). */
export function textWidth(s: string, size: number, bold = false): number {
  const weight = bold ? 'bold' : 'regular';
  const metrics = METRICS[weight];
  let em = 0;
  let kern = 0;
  for (const c of s) {
    const m = metrics.get(c) ?? UNKNOWN[weight];
    em += kern + m.advance;
    kern = m.kern;
  }
  return em * size;
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
