/**
 * /charts/<id>[--<param>].csv: exactly the rows a chart draws, as CSV (prerendered from the same
 * loader and the same papaparse call the page uses).
 */
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/charts/csv';
import { CHARTS } from '$lib/charts/registry';
import { loadChart } from '$lib/server/charts';

export const prerender = true;

export async function GET({ params }) {
  const [id, ...rest] = params.chart.split('--');
  const spec = CHARTS[id!];
  if (!spec) error(404, `unknown chart ${id}`);
  const chart = await loadChart(id!, spec.param && rest[0] ? { [spec.param]: rest[0] } : {});
  return new Response(toCsv(chart.rows, chart.columns), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
