/**
 * Chart geometry at a given width, before any browser measures it: labels wrap instead of being
 * cut, annotation labels stay inside the plot and off each other, and a dense series' path keeps
 * each pixel column's extremes.
 */
import { describe, expect, it } from 'vitest';
import { barLayout } from '../../../src/lib/charts/bar-layout';
import { linePath, placeLabels } from '../../../src/lib/charts/line-layout';
import { pathVertices } from './path-vertices';
import { barChart } from '../../fixtures/charts/plot-data';
import { textWidth, wrap } from '../../../src/lib/charts/text-width';
import type { PlotData } from '../../../src/lib/charts/types';

const bars = (names: string[]): PlotData => barChart(names.map((name, i) => ({ name, n: i * 100 })));

describe('wrap', () => {
  it('keeps every word, in lines no wider than asked', () => {
    const text = 'Commonwealth of the Northern Mariana Islands';
    const lines = wrap(text, 12, 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(150);
  });
  it('cuts a word longer than the line into pieces that fit', () => {
    const lines = wrap('wb-cimmarron-corr-facility-ok', 12, 60);
    expect(lines.join('')).toBe('wb-cimmarron-corr-facility-ok');
    for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(60);
  });
});

describe('barLayout', () => {
  const names = ['Texas', 'Commonwealth of the Northern Mariana Islands', 'DILLEY IMMIGRATION PROCESSING CENTER'];
  it('puts labels beside the bars when they fit in three lines there, above them otherwise, whole in both', () => {
    const wide = barLayout(bars(names), 933);
    const narrow = barLayout(bars(names), 270);
    expect(wide.stacked).toBe(false);
    expect(narrow.stacked).toBe(true);
    for (const l of [wide, narrow]) expect(l.rows.map((r) => r.lines.join(' '))).toEqual(names);
    for (const r of wide.rows) for (const line of r.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(wide.left - 8);
    for (const r of narrow.rows) for (const line of r.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(270);
    // Rows follow each other without overlapping, bars below their labels on a phone.
    for (const l of [wide, narrow]) l.rows.forEach((r, i) => i && expect(r.y).toBe(l.rows[i - 1]!.y + l.rows[i - 1]!.h));
    for (const r of narrow.rows) expect(r.barY).toBeGreaterThanOrEqual(r.y + r.lines.length * 14);
    // Short names stay beside their bars on a phone.
    expect(barLayout(bars(['Texas', 'New Hampshire', 'FY2021 (partial)']), 270).stacked).toBe(false);
  });
});

describe('placeLabels', () => {
  const plot = { left: 40, right: 318, top: 0, bottom: 290 };
  it('keeps labels inside the plot and off each other', () => {
    const placed = placeLabels(
      [
        { x: 316, y: 60, label: 'Low 14,084, February 2021' },
        { x: 300, y: 62, label: 'Most at midnight: 2,290' },
        { x: 45, y: 5, label: 'Peak 56,986, 2009' },
      ],
      plot,
    );
    const boxes = placed.map((p) => {
      if (!p) return null;
      const w = Math.max(...p.lines.map((l) => textWidth(l, 12, true)));
      const l = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
      return { l, r: l + w, t: p.y - 12, b: p.y - 12 + p.lines.length * 14 };
    });
    for (const b of boxes.filter((b) => b !== null)) {
      expect(b.l).toBeGreaterThanOrEqual(plot.left);
      expect(b.r).toBeLessThanOrEqual(plot.right);
      expect(b.t).toBeGreaterThanOrEqual(0);
    }
    const [a, b] = boxes;
    expect(a && b && !(a.r <= b.l || a.l >= b.r || a.b <= b.t || a.t >= b.b)).toBe(false);
  });
});

describe('placeLabels beside a line', () => {
  const plot = { left: 40, right: 318, top: 0, bottom: 290 };
  const boxOf = (p: NonNullable<ReturnType<typeof placeLabels>[number]>) => {
    const w = Math.max(...p.lines.map((l) => textWidth(l, 12, true)));
    const l = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
    return { l, r: l + w, t: p.y - 12, b: p.y - 12 + p.lines.length * 14 };
  };
  // A line just above the point: through the place a label takes first.
  const line = [{ x: 40, y: 140 }, { x: 318, y: 140 }];

  it('moves a label off the drawn line', () => {
    const [free] = placeLabels([{ x: 150, y: 150, label: 'FY2018: at least 6' }], plot);
    const [off] = placeLabels([{ x: 150, y: 150, label: 'FY2018: at least 6' }], plot, [line]);
    const [a, b] = [boxOf(free!), boxOf(off!)];
    // Without the line the label is above the point, where the line runs; with it, clear of the line.
    expect(a.t <= 140 && a.b >= 140).toBe(true);
    expect(b.t > 142 || b.b < 138).toBe(true);
  });

  it('leaves a label out when no place is free, never over the line', () => {
    // A zigzag filling the plot.
    const zig = Array.from({ length: 140 }, (_, i) => ({ x: 40 + i * 2, y: i % 2 ? 0 : 290 }));
    expect(placeLabels([{ x: 150, y: 150, label: 'FY2018: at least 6' }], plot, [zig])).toEqual([null]);
  });
});

describe('linePath', () => {
  it('keeps the lowest and highest point of each pixel column, in whole pixels', () => {
    const pts = Array.from({ length: 40 }, (_, i) => ({ x: 10 + i / 10, y: 50 + (i % 7) }));
    const [line, ...more] = pathVertices(linePath(pts));
    expect(more).toEqual([]);
    expect(line![0]).toEqual({ x: 10, y: 50 });
    // 40 points over 5 pixel columns (10 to 14): at most two a column.
    expect(line!.length).toBeLessThanOrEqual(10);
    for (const x of new Set(line!.map((p) => p.x))) expect(line!.filter((p) => p.x === x).length).toBeLessThanOrEqual(2);
    expect(linePath(pts)).not.toMatch(/\.\d/);
  });
  it('starts a new subpath after a gap, a lone point a moveto alone', () => {
    expect(linePath([{ x: 0, y: 0 }, { x: 1, y: 1 }, null, { x: 5, y: 5 }, null, { x: 7, y: 1 }, { x: 9, y: 3 }])).toBe('M0,0l1,1M5,5M7,1l2,2');
  });
});
