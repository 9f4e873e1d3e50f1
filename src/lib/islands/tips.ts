/**
 * A prerendered line chart's tooltips, from its chart file: /js/charts.js imports this on the
 * chart's first pointer, focus or key, and calls it with the file's address (the drawing's
 * `data-tips-file`). The same reader and the same format module as the build's, so the tooltips
 * are the ones the page would have carried inline (`data-tips`, ~14 MB over the facility pages;
 * tests/unit/charts/tips-file.test.ts checks both give the same for every chart variant).
 */
import { fetchChartAt } from '$lib/charts/chart-file';
import { lineTips, type LineTips } from '$lib/charts/tips';

export default async function chartTips(address: string): Promise<LineTips> {
  const chart = await fetchChartAt(address);
  if (!chart) throw new Error(`${address}: not found`);
  return lineTips(chart);
}
