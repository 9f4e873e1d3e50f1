/**
 * drawingTransform: the map that lets each prerendered drawing show the series paths drawn once at
 * the widest drawing's scales. Applied to where the widest drawing puts each value, it must give
 * where this drawing's own scales put it (within the half pixel each drawing's whole-pixel ranges
 * round by: a pixel at most), on the hand-made line chart (gaps, two series) at every prerendered width.
 */
import { describe, expect, it } from 'vitest';
import { drawingTransform, lineScales, type LineScales } from '$lib/charts/line-scales';
import { PRERENDERED_WIDTHS } from '$lib/charts/widths';
import { LINE_CHART } from '../../fixtures/charts/plot-data';

/** The largest distance, in `to`'s pixels, between where `transform` puts `from`'s points and where `to` draws them. */
function worstError(from: LineScales, to: LineScales, transform: string): number {
  const [sx, , , sy, tx, ty] = /matrix\(([^)]*)\)/.exec(transform)![1]!.split(' ').map(Number) as number[];
  let worst = 0;
  for (const p of from.points) {
    if (p.v === null) continue;
    const x = sx! * from.xs(p.t!) + tx!;
    const y = sy! * from.ys(p.v) + ty!;
    worst = Math.max(worst, Math.abs(x - to.xs(p.t!)), Math.abs(y - to.ys(p.v)));
  }
  return worst;
}

const widest = lineScales(LINE_CHART, PRERENDERED_WIDTHS.at(-1)!);

describe('drawingTransform', () => {
  it.each([...PRERENDERED_WIDTHS])('carries the widest drawing’s points to the %i-px drawing’s', (width) => {
    const to = lineScales(LINE_CHART, width);
    // Each drawing rounds its points to whole pixels: half a pixel each (the widest's half scaled down).
    expect(worstError(widest, to, drawingTransform(widest, to))).toBeLessThanOrEqual(1 + 1e-3);
  });

  it('is the identity for the widest drawing itself, and a map the wrong way round is caught', () => {
    expect(drawingTransform(widest, widest)).toBe('matrix(1 0 0 1 0 0)');
    const narrow = lineScales(LINE_CHART, PRERENDERED_WIDTHS[0]);
    expect(worstError(widest, narrow, drawingTransform(narrow, widest))).toBeGreaterThan(10);
  });
});
