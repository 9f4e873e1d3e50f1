/**
 * The prerendered widths (src/lib/charts/widths.ts) and ChartPlot's container queries, which repeat
 * their breakpoints in CSS: they must agree, and every box from a phone's to the widest column must
 * show a drawing whose 12-unit text is 11–16.5 px.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SCALE, PRERENDERED_WIDTHS, shownDrawing } from '../../../src/lib/charts/widths';

const css = readFileSync('src/lib/charts/ChartPlot.svelte', 'utf8');

describe('prerendered widths', () => {
  it("ChartPlot's container queries break at each width × MAX_SCALE, and cap the widest there", () => {
    const breaks = [...css.matchAll(/@container \((?:[\d.]+px <= )?width (?:<|>=) ([\d.]+)px\)/g)].map((m) => Number(m[1]));
    const expected = PRERENDERED_WIDTHS.slice(0, -1).map((w) => w * MAX_SCALE);
    expect([...new Set(breaks)]).toEqual(expected);
    expect(css).toContain(`.at${PRERENDERED_WIDTHS.length - 1}) {\n      display: block;\n      max-width: ${PRERENDERED_WIDTHS.at(-1)! * MAX_SCALE}px;`);
  });

  it('shows every box from 248 to 1,240 px a drawing whose 12-unit text is between 11 and 16.5 px', () => {
    for (let box = 248; box <= 1240; box++) {
      const { scale } = shownDrawing(box);
      expect(12 * scale, `${box}px`).toBeGreaterThanOrEqual(11);
      expect(12 * scale, `${box}px`).toBeLessThanOrEqual(16.5);
    }
  });
});
