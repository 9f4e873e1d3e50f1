/**
 * A reader of SVG path data, written apart from the writer (src/lib/charts/path-data.ts) so the
 * tests check what a renderer would read: the absolute vertices of each subpath. It reads the
 * commands the charts write (M, l, h, v, in either case) with implicit repetition and numbers
 * separated by a space, a comma or only a minus sign; anything else throws.
 */
import type { Point } from '../../../src/lib/charts/path-data';

export function pathVertices(d: string): Point[][] {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const rest = d.replace(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[\s,]/g, '');
  if (rest) throw new Error(`path data with unexpected characters: ${rest}`);
  const lines: Point[][] = [];
  let at: Point = { x: 0, y: 0 };
  let command = '';
  let i = 0;
  const num = () => {
    const t = tokens[i++];
    if (t === undefined || /[A-Za-z]/.test(t)) throw new Error(`path data: a number expected at token ${i - 1} of ${d}`);
    return Number(t);
  };
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i]!)) command = tokens[i++]!;
    else if (command === 'M') command = 'L';
    else if (command === 'm') command = 'l';
    switch (command) {
      case 'M':
      case 'm': {
        const [x, y] = [num(), num()];
        at = command === 'M' ? { x, y } : { x: at.x + x, y: at.y + y };
        lines.push([at]);
        break;
      }
      case 'L':
      case 'l': {
        const [x, y] = [num(), num()];
        at = command === 'L' ? { x, y } : { x: at.x + x, y: at.y + y };
        break;
      }
      case 'h':
        at = { x: at.x + num(), y: at.y };
        break;
      case 'v':
        at = { x: at.x, y: at.y + num() };
        break;
      default:
        throw new Error(`path data: command ${command} not read here`);
    }
    if (!/[Mm]/.test(command)) lines.at(-1)!.push(at);
  }
  return lines;
}
