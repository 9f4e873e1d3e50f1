/**
 * How tall a chart's embed (/embed/<chart>/) is at a given frame width, so a plain iframe, which
 * cannot size itself, can be given the height its chart needs. The drawing's height comes from the
 * layout modules the chart components draw with (bar-layout, line-layout): the prerendered drawing
 * the frame's width shows, scaled (charts/widths), or for a variant the island draws, the frame less its padding; the frame around it (title, subtitle,
 * legend, tooltip line, caption) is EmbedChart.svelte's CSS, with text wrapped as the charts wrap
 * theirs (charts/text-width: DejaVu Sans, Debian's system-ui, wider than the other fonts of the
 * site's stack, so those need no more lines). tests/browser/embed.test.ts loads the embeds in
 * Chromium at each width and checks these heights cover the page and are not much taller: change
 * one and the test says which.
 */
import { date } from '../format';
import { barChartHeight } from '../charts/bar-layout';
import { SITE_NAME } from '../charts/cite';
import { lineChartHeight, seriesLabels } from '../charts/line-layout';
import { textWidth, wrap } from '../charts/text-width';
import { shownDrawing } from '../charts/widths';
import type { ChartData } from '../charts/types';

/** Frame widths the heights are given for: phone, narrow column, article column, wide column. */
export const EMBED_WIDTHS = [320, 480, 640, 800] as const;

// CSS pixels of the embed's layout (1rem = 16 px, line-height 1.5).
const PAD = 8; // figure padding, 0.5rem
const TITLE = { size: 16.8, line: 25.2 }; // h1, 1.05rem
const SMALL = { size: 13.6, line: 20.4 }; // subtitle and caption, 0.85rem
const NOTE = { size: 14.4, line: 21.6 }; // legend and tooltip, 0.9rem
const SPARE = 8;

const lines = (text: string, font: { size: number; line: number }, width: number, bold = false) => Math.max(1, wrap(text, font.size, width, bold).length) * font.line;

/**
 * Lines of a wrapping flex list (the series legend, ChartPlot's): a 0.8rem swatch and 0.35rem gap before
 * each label, 1rem between items; an item wider than the list takes lines of its own, its label wrapped.
 */
function legendLines(labels: string[], width: number): number {
  const SWATCH = 12.8 + 5.6;
  let lines = 0;
  let x = 0;
  for (const l of labels) {
    const w = SWATCH + textWidth(l, NOTE.size);
    if (w > width) {
      lines += wrap(l, NOTE.size, width - SWATCH).length;
      x = 0;
    } else if (x > 0 && x + 16 + w <= width) x += 16 + w;
    else {
      lines++;
      x = w;
    }
  }
  return lines;
}

/** The words of the embed's caption, as EmbedChart writes them. */
function caption(c: Omit<ChartData, 'embedHeights'>): string {
  return `Source: ${c.sources.map((s) => s.publisher).join('; ')}. Data as of ${date(c.asOf)}; release ${c.release}. ${c.licenses.join(', ')}. Table, method and downloads on ${SITE_NAME}`;
}

/** The embed's height in CSS pixels in a frame `frameWidth` wide (rounded up to whole pixels). */
export function embedHeight(c: Omit<ChartData, 'embedHeights'>, frameWidth: number): number {
  const w = frameWidth - 2 * PAD;
  // An embed of a chart without parameters is prerendered: the box shows the drawing made for about
  // its width, scaled (./widths). One the island draws (a facility's, a state's) is drawn at the box's width.
  const shown = Object.keys(c.params).length ? { width: w, scale: 1 } : shownDrawing(w);
  let plot: number;
  if (!c.rows.length) plot = SMALL.line;
  else if (c.kind === 'bar') plot = barChartHeight(c, shown.width) * shown.scale;
  else if (c.kind === 'line') {
    const labels = seriesLabels(c);
    const rows = legendLines(labels, w);
    // Lines of the legend, with the flex gap (0.25rem) between rows.
    plot = lineChartHeight(shown.width) * shown.scale + (labels.length ? 4 + rows * NOTE.line + (rows - 1) * 4 : 0);
  }
  // The map's SVG is drawn at 975×610 and scaled to the width.
  else plot = (w * 610) / 975 + 4 + lines(`Lighter to darker: fewer to more ${c.y.label.toLowerCase()}. Hatched: not reported.`, NOTE, w) + 4;
  // The tooltip line under every chart (empty until a bar or point is picked) and its top margin.
  if (c.rows.length) plot += 4 + NOTE.line;
  // Margins between blocks collapse to the larger: 0.2rem after the subtitle meets the plot's 0.5rem, and so on.
  const height = PAD + lines(c.title, TITLE, w, true) + 3.2 + lines(c.subtitle, SMALL, w) + 8 + plot + 8 + lines(caption(c), SMALL, w) + 3.2 + PAD;
  // A few pixels to spare for a reader's font that breaks a line where DejaVu did not.
  return Math.ceil(height) + SPARE;
}

/** The embed's height at each of EMBED_WIDTHS, keyed by width. */
export function embedHeights(c: Omit<ChartData, 'embedHeights'>): Record<string, number> {
  return Object.fromEntries(EMBED_WIDTHS.map((w) => [String(w), embedHeight(c, w)]));
}
