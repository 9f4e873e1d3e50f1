/**
 * The scales of a line chart drawn at one width, and what follows from them alone: the series'
 * colours and paths, and the affine map from one drawing to another. One module, so the drawing
 * (LineChart), the paths a prerendered chart defines once for its prerendered drawings (ChartPlot) and
 * the map that lets each drawing show them agree by construction.
 */
import { extent, max, scaleLinear, scaleUtc } from 'd3';
import { axis } from '../format';
import { FONT, lineChartHeight, linePath, parseTime, seriesIds } from './line-layout';
import { textWidth } from './text-width';
import type { PlotData } from './types';

/** Series colours, in the order of seriesIds (./line-layout): the page's legend and the chart image's draw from them too. */
export const COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c'];
/** The colour of the k-th series. */
export const seriesColor = (k: number) => COLORS[k % COLORS.length]!;

export type LineScales = ReturnType<typeof lineScales>;

/** `height` defaults to what suits `width` (lineChartHeight); the chart image sets its own. */
export function lineScales(chart: PlotData, width: number, fixedHeight?: number) {
  const height = fixedHeight ?? lineChartHeight(width);
  const x = chart.x.field;
  const y = chart.y.field;
  const points = chart.rows
    .map((r) => ({ r, t: parseTime(String(r[x])), v: r[y] === null ? null : Number(r[y]), s: chart.series ? String(r[chart.series.field]) : '' }))
    .filter((p) => p.t);
  const series = seriesIds(chart);
  const color = (s: string) => seriesColor(series.indexOf(s));
  const ys = scaleLinear()
    .domain([0, (max(points, (p) => p.v ?? 0) ?? 1) * 1.08])
    .nice()
    .rangeRound([height - 28, 16]);
  // A phone's short chart gets fewer y ticks; the left margin is as wide as the widest of their labels.
  const yticks = ys.ticks(Math.max(2, Math.min(5, Math.floor((height - 44) / 45))));
  const M = { top: 16, right: 16, bottom: 28, left: Math.ceil(Math.max(...yticks.map((t) => textWidth(axis(t), FONT)))) + 12 };
  const xs = scaleUtc()
    .domain(extent(points, (p) => p.t!) as [Date, Date])
    .rangeRound([M.left, width - M.right]);
  const bySeries = series.map((s) => ({ s, pts: points.filter((p) => p.s === s) }));
  return { width, height, points, series, color, ys, yticks, M, xs, bySeries };
}

/**
 * Each series' path at these scales. Whole pixels (rangeRound, ./line-layout linePath): a chart is
 * carried at several widths, and more digits only add bytes.
 */
export const seriesPaths = ({ bySeries, xs, ys }: LineScales) =>
  bySeries.map(({ s, pts }) => ({ s, d: linePath(pts.map((p) => (p.v === null ? null : { x: xs(p.t!), y: ys(p.v) }))) }));

/** Scale and offset taking a linear scale's output to another's, over the domain they share (its two ends). */
function affine<D>(from: (d: D) => number, to: (d: D) => number, [a, b]: D[]): [number, number] {
  const span = from(b!) - from(a!);
  // One time or one value: both scales give the middle of their range; a shift maps it.
  const k = span ? (to(b!) - to(a!)) / span : 1;
  return [k, to(a!) - k * from(a!)];
}

/** Four decimals: well under a thousandth of a pixel across the widest drawing. */
const num = (v: number) => String(Math.round(v * 1e4) / 1e4);

/**
 * The SVG transform that draws, in drawing `to`, a path drawn at the scales of drawing `from`:
 * both axes are linear in the data, so pixel → datum → pixel is one affine map per axis.
 */
export function drawingTransform(from: LineScales, to: LineScales): string {
  const [sx, tx] = affine<Date>((d) => from.xs(d), (d) => to.xs(d), from.xs.domain());
  const [sy, ty] = affine<number>((v) => from.ys(v), (v) => to.ys(v), from.ys.domain());
  return `matrix(${[sx, 0, 0, sy, tx, ty].map(num).join(' ')})`;
}
