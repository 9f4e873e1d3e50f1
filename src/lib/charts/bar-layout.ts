/**
 * Geometry of a bar chart at one width, worked out before any browser measures it (prerendered
 * pages ship no JavaScript): where each bar and its wrapped label go, and so the chart's height,
 * which the embeds' iframe heights are computed from ($lib/server/embed-height).
 */
import { cell } from '../format';
import { textWidth, wrap } from './text-width';
import type { PlotData, Row } from './types';

export const FONT = 12;
export const LINE = 14;
const BAR = 22;
export const TOP = 8;
export const BOTTOM = 24;
/**
 * Beside the bars a label takes at most three lines; a longer one (a facility's name on a phone)
 * puts every label above its bar. Short labels (states, fiscal years) stay beside their bars on a
 * phone, which keeps a chart of 56 states from doubling in height.
 */
const SIDE_LINES = 3;

/** A bar's value as written beside it (as the chart's table writes it), or "not reported". */
export const valueText = (chart: PlotData, v: Row[string] | undefined) =>
  v === null || v === undefined ? 'not reported' : cell(Number(v), chart.columns.find((c) => c.field === chart.y.field)?.format ?? 'count');

/**
 * Where each bar and its label go at `width`: labels beside the bars, wrapped to three lines at
 * most, or (too long for that) above them at full width. Labels are wrapped, never cut.
 */
export function barLayout(chart: PlotData, width: number) {
  const names = chart.rows.map((r) => String(r[chart.x.field]));
  const valueW = Math.max(24, ...chart.rows.map((r) => textWidth(valueText(chart, r[chart.y.field]), FONT))) + 8;
  const widest = Math.max(0, ...names.map((n) => textWidth(n, FONT)));
  // A wide chart gives long names more room; a narrow one keeps most of it for the bars.
  const labelW = Math.round(Math.min(widest + 8, Math.max(260, width * 0.32), width * 0.42));
  const side = names.map((n) => wrap(n, FONT, labelW - 8));
  const stacked = side.some((l) => l.length > SIDE_LINES);
  const lines = stacked ? names.map((n) => wrap(n, FONT, width - 2)) : side;
  let y = TOP;
  const rows = lines.map((l) => {
    const h = stacked ? l.length * LINE + 22 : Math.max(BAR, l.length * LINE + 8);
    const row = { y, h, lines: l, barY: stacked ? y + l.length * LINE + 3 : y + 3, barH: stacked ? 14 : h - 6 };
    y += h;
    return row;
  });
  return { stacked, left: stacked ? 0 : labelW, right: Math.round(width - valueW), rows, height: y + BOTTOM };
}

/** The height of the chart's SVG drawn at `width`. */
export const barChartHeight = (chart: PlotData, width: number) => barLayout(chart, width).height;
