/**
 * The widths a chart is prerendered at, and which of them a box shows (ChartPlot's container
 * queries, repeated there in CSS): the smallest drawing whose MAX_SCALE is wider than the box,
 * scaled to the box, so its 12-unit text stays between 11 and 16.5 px; the widest grows to
 * MAX_SCALE of its width, no more. Four drawings, each ×1.5 the one before: five at 11–15 px cost
 * a fifth more of every chart on ~2,900 facility pages (issue 20: what a static host takes). A
 * TypeScript module, not ChartPlot's, so the pipeline (the embeds' heights, computed when a chart
 * is loaded) and the chart components read the same numbers.
 */
export const PRERENDERED_WIDTHS = [270, 404, 605, 905] as const;

/** The most a drawing is scaled up: its 12-unit text at 16.5 px. It is scaled down to no less than 11/12 (11 px): each width is under MAX_SCALE × 12/11 of the one before. */
export const MAX_SCALE = 11 / 8;

/** The drawing a box `box` CSS pixels wide shows, and the scale it is shown at. */
export function shownDrawing(box: number): { width: number; scale: number } {
  const width = PRERENDERED_WIDTHS.find((w) => box < w * MAX_SCALE) ?? PRERENDERED_WIDTHS.at(-1)!;
  return { width, scale: Math.min(box, width * MAX_SCALE) / width };
}

/**
 * Whether a drawing at `width` carries the chart's tooltips (`data-tips`, read by
 * static/js/charts.js; a prerendered line chart, its file's address, `data-tips-file`): the first
 * prerendered drawing, for all of them, and any drawing made in the browser (drawn once, at its box's width).
 */
export const carriesTips = (width: number) => typeof document !== 'undefined' || width === PRERENDERED_WIDTHS[0];
