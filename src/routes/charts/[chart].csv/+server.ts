/**
 * /charts/<key>.csv: exactly the rows a chart variant draws, as CSV (prerendered from the same
 * loader and the same papaparse call the page uses).
 */
import { toCsv } from '$lib/charts/csv';
import { chartForKey, variantEntries } from '$lib/server/charts';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  return new Response(toCsv(chart.rows, chart.columns), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
