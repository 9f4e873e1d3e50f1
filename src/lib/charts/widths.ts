/**
 * The widths a chart is prerendered at, and which of them a box shows (ChartPlot's container
 * queries, repeated there in CSS): the smallest drawing whose 5/4 is wider than the box, scaled to
 * the box, so its 12-unit text stays between 11 and 15 px; the widest grows to 5/4 of its width,
 * no more. A TypeScript module, not ChartPlot's, so the pipeline (the embeds' heights, computed
 * when a chart is loaded) and the chart components read the same numbers.
 */
export const PRERENDERED_WIDTHS = [270, 368, 502, 684, 933] as const;

/** The drawing a box `box` CSS pixels wide shows, and the scale it is shown at. */
export function shownDrawing(box: number): { width: number; scale: number } {
  const width = PRERENDERED_WIDTHS.find((w) => box < (w * 5) / 4) ?? PRERENDERED_WIDTHS.at(-1)!;
  return { width, scale: Math.min(box, (width * 5) / 4) / width };
}

/**
 * Whether a drawing at `width` carries the chart's tooltips (`data-tips`, read by
 * static/js/charts.js; a prerendered line chart, its file's address, `data-tips-file`): the first
 * prerendered drawing, for all of them, and any drawing made in the browser (drawn once, at its box's width).
 */
export const carriesTips = (width: number) => typeof document !== 'undefined' || width === PRERENDERED_WIDTHS[0];
