/**
 * compactPath (src/lib/charts/path-data.ts): examples of each rule, a property over random
 * polylines read back by an independent reader (./path-vertices), and real charts from the
 * committed data (a facility's daily chart, the national daily, annual and prison charts) drawn
 * with their compact paths and with every series written the long way, as before (a lineto to
 * every point kept): resvg draws exactly the same pixels, and a planted fault (one step left out)
 * is caught. (Bar charts draw no path; ./drawings.test.ts holds their markup to its goldens.)
 */
import { extent, scaleLinear, scaleUtc } from 'd3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineRuns, parseTime, seriesIds } from '$lib/charts/line-layout';
import { compactPath, type Point } from '$lib/charts/path-data';
import type { ChartData } from '$lib/charts/types';
import { PRERENDERED_WIDTHS } from '$lib/charts/widths';
import { loadChart } from '$lib/server/charts';
import { differingPixels, drawing } from './drawing';
import { SAMPLE } from './committed-charts';
import { pathVertices } from './path-vertices';

const pts = (...xy: [number, number][]) => xy.map(([x, y]) => ({ x, y }));

describe('compactPath', () => {
  it('merges level or upright steps going the same way, as h and v, and leaves slanted runs as they are', () => {
    expect(compactPath([pts([28, 277], [29, 292], [30, 292], [31, 292], [32, 292])])).toBe('M28,277l1,15h3');
    expect(compactPath([pts([0, 0], [0, 1], [0, 2], [0, 3])])).toBe('M0,0v3');
    // resvg anti-aliases a slanted run with and without its middle vertices differently (see path-data.ts).
    expect(compactPath([pts([0, 0], [1, 1], [2, 2], [4, 4], [5, 3])])).toBe('M0,0l1,1 1,1 2,2 1-1');
  });
  it('writes negative numbers with their minus sign as the separator', () => {
    expect(compactPath([pts([0, 10], [1, 8], [2, 6], [3, 7], [1, 7], [1, 2])])).toBe('M0,10l1-2 1-2 1,1h-2v-5');
    expect(compactPath([pts([5, 5], [4, 3], [2, 2])])).toBe('M5,5l-1-2-2-1');
  });
  it('keeps a reversal, which draws a different stroke', () => {
    expect(compactPath([pts([0, 0], [0, 5], [0, 2], [0, 4])])).toBe('M0,0v5-3 2');
    expect(compactPath([pts([0, 0], [3, 0], [1, 0])])).toBe('M0,0h3-2');
  });
  it('writes one subpath a polyline, a single point as a bare moveto, a repeated point not at all', () => {
    expect(compactPath([pts([0, 0], [1, 1]), pts([5, 5]), pts([7, 1], [7, 1], [9, 3])])).toBe('M0,0l1,1M5,5M7,1l2,2');
    expect(compactPath([pts([3, 4])])).toBe('M3,4');
    expect(compactPath([])).toBe('');
    expect(compactPath([[], pts([1, 2], [3, 2])])).toBe('M1,2h2');
  });
  it('keeps every point on the drawn line, in order, with no vertex a level or upright run passes through (random polylines)', () => {
    const point = fc.record({ x: fc.integer({ min: -40, max: 40 }), y: fc.integer({ min: -40, max: 40 }) });
    // Mostly short steps, as a chart's columns make: many collinear and repeated points.
    const walk = fc.tuple(point, fc.array(fc.record({ x: fc.integer({ min: -2, max: 2 }), y: fc.integer({ min: -2, max: 2 }) }), { maxLength: 30 })).map(([p, steps]) => {
      const line = [p];
      for (const s of steps) line.push({ x: line.at(-1)!.x + s.x, y: line.at(-1)!.y + s.y });
      return line;
    });
    fc.assert(
      fc.property(fc.array(walk, { minLength: 1, maxLength: 4 }), (lines) => {
        const read = pathVertices(compactPath(lines));
        expect(read.length).toBe(lines.length);
        lines.forEach((line, k) => expect(onPolyline(line, read[k]!)).toBe(true));
      }),
      { seed: 20, numRuns: 300 },
    );
  });
});

const same = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

/**
 * Whether `kept` draws `line`: it starts and ends where the line does, each of its vertices is one
 * of the line's points in order, every point between two kept vertices lies on the segment
 * between them and the points go along it without turning back, and no kept vertex is one a
 * level or upright run goes on through (nothing more to merge).
 */
function onPolyline(line: Point[], kept: Point[]): boolean {
  if (!same(line[0]!, kept[0]!) || !same(line.at(-1)!, kept.at(-1)!)) return false;
  let i = 0;
  for (let k = 1; k < kept.length; k++) {
    const [u, w] = [kept[k - 1]!, kept[k]!];
    const [dx, dy] = [w.x - u.x, w.y - u.y];
    let along = 0;
    while (i + 1 < line.length && !same(line[i]!, w)) {
      const p = line[++i]!;
      const t = (p.x - u.x) * dx + (p.y - u.y) * dy;
      if ((p.x - u.x) * dy !== (p.y - u.y) * dx || t < along || t > dx * dx + dy * dy) return false;
      along = t;
    }
    if (!same(line[i]!, w)) return false;
  }
  for (let k = 1; k + 1 < kept.length; k++) {
    const [a, b] = [{ x: kept[k]!.x - kept[k - 1]!.x, y: kept[k]!.y - kept[k - 1]!.y }, { x: kept[k + 1]!.x - kept[k]!.x, y: kept[k + 1]!.y - kept[k]!.y }];
    if ((a.y === 0 && b.y === 0 && a.x * b.x > 0) || (a.x === 0 && b.x === 0 && a.y * b.y > 0)) return false;
  }
  return true;
}

/** Polylines written the long way: absolute, a lineto to every vertex (a single point as a moveto alone). */
const longhand = (lines: Point[][]) => lines.map((l) => `M${l.map((p) => `${p.x},${p.y}`).join(' L')}`).join(' ');

/**
 * A drawing with each path written the long way, from what it is made of rather than from its
 * compact path data: a series from the chart's rows through lineRuns, in pixels by the drawing's
 * own scales (data-x, data-y, as static/js/charts.js reads them).
 */
function drawnLonghand(chart: ChartData, svg: string): string {
  const attr = (name: string) => (new RegExp(` ${name}="([^"]*)"`).exec(svg)?.[1] ?? '').split(' ').map(Number);
  const [r0, r1] = attr('data-x');
  const [d0, d1, p0, p1] = attr('data-y');
  const rows = chart.rows.map((r) => ({ t: parseTime(String(r[chart.x.field])), v: r[chart.y.field], s: chart.series ? String(r[chart.series.field]) : '' })).filter((r) => r.t);
  const xs = scaleUtc().domain(extent(rows, (r) => r.t!) as [Date, Date]).rangeRound([r0!, r1!]);
  const ys = scaleLinear().domain([d0!, d1!]).rangeRound([p0!, p1!]);
  const series = chart.kind === 'line' ? seriesIds(chart) : [];
  let k = 0;
  return svg.replace(/<path class="series" d="[^"]*"/g, () => {
    const s = series[k++];
    return `<path class="series" d="${longhand(lineRuns(rows.filter((r) => r.s === s).map((r) => (r.v === null ? null : { x: xs(r.t!), y: ys(Number(r.v)) }))))}"`;
  });
}

describe.each([
  ['facility-daily', { facility: SAMPLE.facility }],
  ['ice-national-daily', {}],
  ['ice-national-annual', {}],
  ['prisoners-national', {}],
])('%s, from the committed data', (id, params) => {
  let chart: ChartData;
  beforeAll(async () => {
    chart = await loadChart(id, params);
  });
  it.each([...PRERENDERED_WIDTHS])('draws the same pixels as its paths written the long way at %i px', (width) => {
    const svg = drawing(chart, width);
    const full = drawnLonghand(chart, svg);
    expect(full.length).toBeGreaterThan(svg.length);
    expect(differingPixels(svg, full)).toBe(0);
  });
});

it('catches a series written the long way with one step left out', async () => {
  const chart = await loadChart('facility-daily', { facility: SAMPLE.facility });
  const svg = drawing(chart, PRERENDERED_WIDTHS[1]);
  const full = drawnLonghand(chart, svg);
  // The step of the first series that moves furthest up or down (a step along a level run changes nothing).
  const d = /<path class="series[^>]*? d="([^"]*)"/.exec(full)![1]!;
  const steps = [...d.matchAll(/ L([\d.-]+),([\d.-]+)/g)];
  const jump = (i: number) => Math.abs(Number(steps[i]![2]) - Number((steps[i - 1] ?? steps[i])![2]));
  const biggest = steps.reduce((best, _, i) => (jump(i) > jump(best) ? i : best), 0);
  expect(jump(biggest)).toBeGreaterThan(0);
  const cut = steps[biggest]!;
  const planted = full.replace(d, d.slice(0, cut.index) + d.slice(cut.index! + cut[0].length));
  expect(planted).not.toBe(full);
  expect(differingPixels(svg, planted)).toBeGreaterThan(0);
});
