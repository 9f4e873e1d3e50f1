/**
 * SVG path data of polylines in whole pixels, in as few bytes as the path grammar allows while
 * drawing the same line: a chart is carried at several widths on each of ~2,900 facility pages, and a
 * daily series written one pixel step at a time (`l1,0 1,0 1,0 …`) was most of their bytes.
 * SVG 2 path grammar: https://www.w3.org/TR/SVG2/paths.html#PathDataBNF
 */

export type Point = { x: number; y: number };

/**
 * Each polyline as one subpath: an absolute moveto, then relative steps, where
 * - consecutive level steps going the same way are one step (1,0 1,0 1,0 → h3), and so are
 *   upright ones: on whole pixels a 2-px stroke of such a run covers whole pixels, with or without
 *   the vertices between (a reversal, v5 then v-3, is kept: it is a different stroke). Slanted
 *   runs are not merged: resvg anti-aliases 25,3 25,3 25,3 and 75,9 differently on a few pixels
 *   (by up to 16 of 255 levels), and the drawing must not change;
 * - a horizontal or vertical step is `h`/`v` with one number;
 * - a command letter is written once for a run of the same command (implicit repetition), and a
 *   minus sign separates two numbers without a space or comma (`l1-2 1,1`).
 * A repeated point adds nothing. A polyline of one point is a bare moveto: a subpath of no length
 * draws nothing with the default butt caps, as `l0,0` did (LineChart marks a lone value with a dot).
 */
export function compactPath(lines: Point[][]): string {
  let d = '';
  for (const [first, ...rest] of lines) {
    if (!first) continue;
    d += `M${first.x},${first.y}`;
    // After a moveto, bare numbers would mean absolute lineto: the first step always writes its letter.
    let command = 'M';
    for (const s of mergedSteps(first, rest)) {
      const [letter, numbers] = s.y === 0 ? ['h', [s.x]] : s.x === 0 ? ['v', [s.y]] : ['l', [s.x, s.y]];
      if (letter !== command) d += letter;
      numbers.forEach((n, i) => {
        const lead = letter !== command && i === 0;
        d += lead || n < 0 ? `${n}` : `${i ? ',' : ' '}${n}`;
      });
      command = letter;
    }
  }
  return d;
}

/** The relative steps from `first` through `rest`, with no empty step and consecutive level (or upright) ones going the same way merged. */
function mergedSteps(first: Point, rest: Point[]): Point[] {
  const steps: Point[] = [];
  let at = first;
  for (const p of rest) {
    const s = { x: p.x - at.x, y: p.y - at.y };
    at = p;
    if (s.x === 0 && s.y === 0) continue;
    const last = steps.at(-1);
    // Both level (or both upright) and pointing the same way.
    if (last && ((last.y === 0 && s.y === 0 && last.x * s.x > 0) || (last.x === 0 && s.x === 0 && last.y * s.y > 0))) {
      last.x += s.x;
      last.y += s.y;
    } else steps.push(s);
  }
  return steps;
}
