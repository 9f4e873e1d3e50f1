/**
 * Geometry of a line chart at one width, worked out before any browser measures it (prerendered
 * pages ship no JavaScript): the height, the path of a series, the x ticks that fit, and where
 * each annotation's label goes so it neither leaves the chart nor covers another label.
 */
import { utcParse } from 'd3';
import { compactPath, type Point } from './path-data';
import { textWidth, wrap } from './text-width';
import type { PlotData } from './types';

export const FONT = 12;
const LINE = 14;

// Parsers built once: a daily chart parses thousands of dates.
const PARSERS = ['%Y-%m-%d', '%Y-%m', '%Y'].map((f) => utcParse(f));
/** The time of an x value (a day, a month or a year), or null when it is none of them. */
export const parseTime = (s: string) => PARSERS.reduce<Date | null>((d, p) => d ?? p(s), null);

/** The series of a line chart in the order of their first drawable row ('' alone for a single series). */
export function seriesIds(chart: PlotData): string[] {
  const field = chart.series?.field;
  return [...new Set(chart.rows.filter((r) => parseTime(String(r[chart.x.field]))).map((r) => (field ? String(r[field]) : '')))];
}

/** The words of the chart's series legend, in its order (none for a single series). */
export const seriesLabels = (chart: PlotData): string[] => (chart.series ? seriesIds(chart).map((s) => chart.series?.labels[s] ?? s) : []);

/** A narrow chart is taller than it is shrunk (a phone gets 240 px of height, not 130). */
export const lineChartHeight = (width: number) => Math.round(Math.min(320, Math.max(240, width * 0.6)));

/**
 * The polylines a series is drawn as, from points already in pixels (null for a gap): at most the
 * lowest and highest point of each pixel column, in whole pixels (a daily series has several
 * points a pixel on a phone; the line drawn is the same), one polyline between gaps.
 */
export function lineRuns(points: (Point | null)[]): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  let column: Point[] = [];
  const flush = () => {
    if (!column.length) return;
    const lo = column.reduce((a, b) => (b.y < a.y ? b : a));
    const hi = column.reduce((a, b) => (b.y > a.y ? b : a));
    run.push(...(column.length === 1 ? column : column.indexOf(lo) < column.indexOf(hi) ? [lo, hi] : [hi, lo]));
    column = [];
  };
  for (const p of points) {
    if (!p) {
      flush();
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const q = { x: Math.round(p.x), y: Math.round(p.y) };
    if (column.length && column[0]!.x !== q.x) flush();
    column.push(q);
  }
  flush();
  if (run.length) runs.push(run);
  return runs;
}

/** The SVG path of a series (lineRuns), written by compactPath (./path-data): a few bytes a point, which keeps a page that carries the chart at several widths light. */
export const linePath = (points: (Point | null)[]) => compactPath(lineRuns(points));

/** The most ticks (from `ticksFor(n)`, n falling) whose labels fit side by side in the plot with room between them. */
export function fittingTicks<T>(ticksFor: (n: number) => T[], label: (t: T, i: number) => string, at: (t: T) => number, plotWidth: number): T[] {
  for (let n = Math.max(2, Math.floor(plotWidth / 60)); n >= 2; n--) {
    const ticks = ticksFor(n);
    const fits = ticks.every((t, i) => i === 0 || at(t) - at(ticks[i - 1]!) >= (textWidth(label(t, i), FONT) + textWidth(label(ticks[i - 1]!, i - 1), FONT)) / 2 + 12);
    if (fits) return ticks;
  }
  return ticksFor(2).slice(0, 2);
}

/** Anchor of a label at `x` that keeps it within [lo, hi]. */
export function anchorWithin(x: number, w: number, lo: number, hi: number): 'start' | 'middle' | 'end' {
  if (x + w <= hi) return 'start';
  if (x - w >= lo) return 'end';
  return 'middle';
}

export interface Placed {
  x: number;
  y: number;
  lines: string[];
  anchor: 'start' | 'middle' | 'end';
}

type Box = { l: number; r: number; t: number; b: number };

/** Whether the drawn line (runs of points; null breaks a run) passes through a box, padded by 1 px. */
function crosses(line: (Point | null)[], b: Box): boolean {
  const inside = (p: Point) => p.x >= b.l - 1 && p.x <= b.r + 1 && p.y >= b.t - 1 && p.y <= b.b + 1;
  for (let i = 0; i < line.length; i++) {
    const p = line[i];
    const q = line[i + 1];
    if (!p) continue;
    if (inside(p)) return true;
    if (!q) continue;
    // Points along the segment every px: a segment cannot slip between them through a padded box.
    const n = Math.ceil(Math.hypot(q.x - p.x, q.y - p.y));
    for (let k = 1; k < n; k++) if (inside({ x: p.x + ((q.x - p.x) * k) / n, y: p.y + ((q.y - p.y) * k) / n })) return true;
  }
  return false;
}

/**
 * Each annotation's label above its point, else below it (then a line further off), else beside it
 * (right, then left): the first place that stays in the plot and covers neither a label placed
 * before it nor the drawn lines; wrapped to the plot's width. A label with no free place is left out (its dot stays; the
 * figure is in the chart's text and table).
 */
export function placeLabels(marks: { x: number; y: number; label: string }[], plot: { left: number; right: number; top: number; bottom: number }, lines: (Point | null)[][] = []): (Placed | null)[] {
  const taken: Box[] = [];
  const free = (b: Box) => b.t >= 0 && b.b <= plot.bottom && b.l >= plot.left && b.r <= plot.right && taken.every((o) => b.r <= o.l || b.l >= o.r || b.b <= o.t || b.t >= o.b) && !lines.some((l) => crosses(l, b));
  return marks.map((m) => {
    const wrapped = wrap(m.label, FONT, plot.right - plot.left, true);
    const w = Math.max(...wrapped.map((l) => textWidth(l, FONT, true)));
    const h = wrapped.length * LINE;
    // Centred on the point where the plot allows, else reaching right of it, else left of it.
    const anchor = anchorWithin(m.x, w, plot.left, plot.right);
    const centred = anchor === 'start' ? m.x : anchor === 'end' ? m.x - w : Math.min(Math.max(m.x - w / 2, plot.left), plot.right - w);
    const lefts = [...new Set([centred, m.x - 4, m.x + 4 - w])];
    // Above the point, or below it, then a line further off: the first line's baseline.
    const above = m.y - 10 - (wrapped.length - 1) * LINE;
    for (const first of [above, m.y + 20, above - LINE, m.y + 20 + LINE]) {
      for (const l of lefts) {
        const box = { l, r: l + w, t: first - FONT, b: first - FONT + h };
        if (!free(box)) continue;
        taken.push(box);
        return { x: l, y: first, lines: wrapped, anchor: 'start' as const };
      }
    }
    // Beside it, on one line, centred on the point.
    const one = textWidth(m.label, FONT, true);
    const y = m.y + FONT / 3;
    for (const [bx, side] of [[m.x + 8, 'start'], [m.x - 8, 'end']] as const) {
      const box = side === 'start' ? { l: bx, r: bx + one, t: y - FONT, b: y - FONT + LINE } : { l: bx - one, r: bx, t: y - FONT, b: y - FONT + LINE };
      if (free(box)) {
        taken.push(box);
        return { x: bx, y, lines: [m.label], anchor: side };
      }
    }
    return null;
  });
}
