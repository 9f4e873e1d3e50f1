/**
 * /charts/<key>.svg: one chart variant as a standalone 1200×675 image with its title, sources,
 * data date, license and address drawn in, made at build time from the same ChartData as the page.
 */
import { chartSvg } from '$lib/charts/image';
import { chartForKey, variantEntries } from '$lib/server/charts';
import { imageAddress } from '$lib/server/site';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  const svg = chartSvg(chart, { address: imageAddress(`${chart.pagePath}#chart-${chart.id}`) });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
}
