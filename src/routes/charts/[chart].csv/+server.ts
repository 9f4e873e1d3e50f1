/**
 * /charts/<key>.csv: every figure a chart variant draws, as CSV (prerendered from the same loader
 * and the same papaparse call the page uses; a date × series chart one row per date).
 */
import { chartCsv } from '$lib/charts/csv';
import { chartForKey, variantEntries } from '$lib/server/charts';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  return new Response(chartCsv(chart), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
