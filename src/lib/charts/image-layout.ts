/**
 * Where everything goes in a chart image, laid out for the image's own size (1200×675 for slides
 * and link previews, 1080×1080 for social posts): title and subtitle wrapped to the width, the
 * source and release lines and the site's address at the foot, and the chart in the space between.
 * Bars are laid out here rather than by the page's ./bar-layout, which grows downwards at 12 px
 * (56 states take 1,300 px): an image has a fixed height to fill, so its font size and number of
 * columns are chosen to fit every label whole, at 14 px or more at the output size, in one to three
 * columns. A chart that cannot fit so is an error, not a clipped image. Text is measured and
 * wrapped as the page's charts do (./text-width: DejaVu Sans, the images' font) and values are
 * written as the page's bars write them (./bar-layout's valueText).
 */
import { date } from '../format';
import { valueText } from './bar-layout';
import { SITE_NAME } from './cite';
import { textWidth, wrap } from './text-width';
import type { ChartData } from './types';

export const IMAGE_SIZES = { wide: { w: 1200, h: 675 }, square: { w: 1080, h: 1080 } } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;

/** The smallest text drawn in an image, in pixels of the output. */
export const MIN_TEXT = 14;

export interface TextBlock {
  x: number;
  /** Baseline of the first line. */
  y: number;
  size: number;
  lineHeight: number;
  lines: string[];
}

export interface BarCell {
  /** The label's lines (one, or two for a long name). */
  label: string[];
  /** Formatted value, or null for "not reported". */
  value: string | null;
  x: number;
  y: number;
  barX: number;
  barW: number;
}

export interface ImageLayout {
  w: number;
  h: number;
  margin: number;
  title: TextBlock;
  subtitle: TextBlock;
  legend: { label: string; x: number; y: number; size: number }[];
  /** The chart's area. */
  box: { x: number; y: number; w: number; h: number };
  bars: { font: number; rowH: number; columns: number; cells: BarCell[] } | null;
  /** The page's LineChart drawn at w×h and scaled by k into the box (its 12 px text becomes 12k px). */
  line: { w: number; h: number; k: number } | null;
  /** The page's ChoroplethChart (975×610) at width w, its legend at (legendX, legendY). */
  map: { x: number; w: number; h: number; legendX: number; legendY: number; legendW: number; font: number } | null;
  rule: number;
  footer: TextBlock;
  site: { x: number; y: number; size: number; name: string; address: string | null };
}

const SPEC = {
  wide: { margin: 40, title: 28, subtitle: 18, legend: 16, footer: 15, site: 16, maxBarFont: 22, lineZoom: 1.4 },
  square: { margin: 48, title: 36, subtitle: 22, legend: 19, footer: 17, site: 18, maxBarFont: 26, lineZoom: 1.6 },
} as const;

const block = (x: number, y: number, size: number, lines: string[], leading = 1.3): TextBlock => ({ x, y, size, lineHeight: Math.round(size * leading), lines });
const bottom = (b: TextBlock) => b.y + (b.lines.length - 1) * b.lineHeight;

export function imageLayout(chart: ChartData, size: ImageSize, opts: { address: string | null; seriesLabels: string[] }): ImageLayout {
  const { w, h } = IMAGE_SIZES[size];
  const s = SPEC[size];
  const x = s.margin;
  const tw = w - 2 * x;

  const title = block(x, s.margin + s.title * 0.8, s.title, wrap(chart.title, s.title, tw, true), 1.2);
  const subtitle = block(x, bottom(title) + s.subtitle * 1.7, s.subtitle, wrap(chart.subtitle, s.subtitle, tw));
  let lx = x;
  let ly = bottom(subtitle) + s.legend * 2;
  const legend = opts.seriesLabels.map((label) => {
    const itemW = s.legend * 1.2 + textWidth(label, s.legend) + s.legend * 1.6;
    if (lx > x && lx + itemW > w - x) {
      lx = x;
      ly += Math.round(s.legend * 1.5);
    }
    const item = { label, x: lx, y: ly, size: s.legend };
    lx += itemW;
    return item;
  });
  const headerEnd = legend.length ? ly : bottom(subtitle);

  const site = { x, y: h - s.margin * 0.6, size: s.site, name: SITE_NAME, address: opts.address };
  const sources = `Source: ${chart.sources.map((src) => `${src.publisher}, ${src.title}`).join('; ')}.`;
  const meta = `Data as of ${date(chart.asOf)}; release ${chart.release}. License: ${chart.licenses.join(', ')}.`;
  const footLines = [...wrap(sources, s.footer, tw), ...wrap(meta, s.footer, tw)];
  const footLead = Math.round(s.footer * 1.3);
  const footer = block(x, site.y - s.site * 1.8 - (footLines.length - 1) * footLead, s.footer, footLines);
  const rule = footer.y - s.footer * 1.6;
  const box = { x, y: headerEnd + s.subtitle, w: tw, h: rule - s.footer - (headerEnd + s.subtitle) };
  if (box.h < h / 4) throw new Error(`chart image ${chart.key} (${size}): title, subtitle and sources leave ${Math.round(box.h)} px for the chart`);

  const base = { w, h, margin: x, title, subtitle, legend, box, rule, footer, site, bars: null, line: null, map: null };
  if (!chart.rows.length) return base;
  if (chart.kind === 'bar') return { ...base, bars: barColumns(chart, box, s.maxBarFont) };
  if (chart.kind === 'line') {
    const lw = Math.round(box.w / s.lineZoom);
    const k = box.w / lw;
    return { ...base, line: { w: lw, h: Math.floor(box.h / k), k } };
  }
  // The map beside its legend (wide) or above it (square).
  const font = s.legend;
  const legendW = Math.max(textWidth(chart.y.label, font), 12 * font);
  if (size === 'wide') {
    const mw = Math.min(box.w - legendW - 40, (box.h * 975) / 610);
    const mx = box.x + (box.w - (mw + 40 + legendW)) / 2;
    const mh = (mw * 610) / 975;
    return { ...base, map: { x: mx, w: mw, h: mh, legendX: mx + mw + 40, legendY: box.y + mh - font * 6.5, legendW, font } };
  }
  const legendH = font * 6;
  const mw = Math.min(box.w, ((box.h - legendH) * 975) / 610);
  const mh = (mw * 610) / 975;
  return { ...base, map: { x: box.x + (box.w - mw) / 2, w: mw, h: mh, legendX: box.x + (box.w - mw) / 2, legendY: box.y + mh + font * 1.8, legendW: Math.min(legendW, mw), font } };
}

/**
 * Bars with whole labels: the largest font (at most `maxFont`, at least MIN_TEXT) at which every
 * label, its bar and its value fit, in as few columns as that allows. Columns read top to bottom,
 * left to right, and share one scale.
 */
function barColumns(chart: ChartData, box: ImageLayout['box'], maxFont: number): NonNullable<ImageLayout['bars']> {
  const items = chart.rows.map((r) => {
    const v = r[chart.y.field];
    return { label: String(r[chart.x.field] ?? ''), v: v === null || v === undefined ? null : Number(v) };
  });
  // As the page's bars write them: the table's figure, or "not reported".
  const values = chart.rows.map((r) => valueText(chart, r[chart.y.field]));
  const top = Math.max(0, ...items.map((i) => i.v ?? 0)) || 1;
  const GAP = 40;
  // Each column is as wide as its own longest label needs, and every column gets the same room for
  // its bars (one scale for all): one long name (the Northern Mariana Islands) widens only its own
  // column. A label wider than 45% of an even column wraps to two lines when the rows are tall enough.
  type Plan = { font: number; perCol: number; labels: string[][]; labelW: number[]; valueW: number; barRoom: number; lineRows: number };
  let best: Plan | null = null;
  for (let columns = 1; columns <= 3; columns++) {
    const perCol = Math.ceil(items.length / columns);
    const even = (box.w - (columns - 1) * GAP) / columns;
    const rowH = box.h / perCol;
    for (let font = Math.min(maxFont, Math.floor((rowH / 1.3) * 2) / 2); font >= MIN_TEXT; font -= 0.5) {
      const wrapped = rowH >= font * 2.4 ? items.map((i) => (textWidth(i.label, font) <= even * 0.45 ? [i.label] : wrap(i.label, font, even * 0.45))) : [];
      const labels = wrapped.length && wrapped.every((l) => l.length <= 2) ? wrapped : items.map((i) => [i.label]);
      const lineRows = Math.max(...labels.map((l) => l.length));
      const labelW = Array.from({ length: columns }, (_, col) => Math.max(0, ...labels.slice(col * perCol, (col + 1) * perCol).flat().map((l) => textWidth(l, font))));
      const valueW = Math.max(...values.map((v) => textWidth(v, font)));
      const barRoom = (box.w - (columns - 1) * GAP - labelW.reduce((t, lw) => t + lw + valueW + font * 1.2, 0)) / columns;
      if (barRoom >= Math.max(even * 0.25, 80)) {
        if (!best || font > best.font) best = { font, perCol, labels, labelW, valueW, barRoom, lineRows };
        break;
      }
    }
  }
  if (!best) throw new Error(`chart image ${chart.key}: ${items.length} bars with whole labels do not fit ${Math.round(box.w)}×${Math.round(box.h)} px at ${MIN_TEXT} px text`);
  const { font, perCol, labels, labelW, valueW, barRoom, lineRows } = best;
  const columns = labelW.length;
  const rowH = Math.min(font * (lineRows === 1 ? 2.2 : 3), box.h / perCol);
  const y0 = box.y + (box.h - rowH * perCol) / 2;
  const colX = labelW.map((_, col) => box.x + labelW.slice(0, col).reduce((t, lw) => t + lw + font * 1.2 + valueW + barRoom + GAP, 0));
  const cells = items.map((item, i) => {
    const col = Math.floor(i / perCol);
    const barX = colX[col]! + labelW[col]! + font * 0.5;
    return { label: labels[i]!, value: item.v === null ? null : values[i]!, x: colX[col]! + labelW[col]!, y: y0 + (i % perCol) * rowH, barX, barW: item.v === null ? 0 : (Math.max(0, item.v) / top) * barRoom };
  });
  return { font, rowH, columns, cells };
}
