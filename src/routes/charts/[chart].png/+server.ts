/**
 * /charts/<key>.png: the chart image of /charts/<key>.svg as a 1200×675 PNG (for reports and
 * social posts), rasterised at build time by resvg with the fonts shipped in node_modules.
 */
import { error } from '@sveltejs/kit';
import { chartPng, chartSvg } from '$lib/charts/image';
import { chartForKey, chartVariants, hasPng } from '$lib/server/charts';
import { siteAddress } from '$lib/server/site';

export const prerender = true;

export const entries = async () => (await chartVariants()).filter((v) => hasPng(v.params)).map((v) => ({ chart: v.key }));

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  if (!chart.images.png) error(404, `no PNG for chart ${params.chart} (per-facility charts have their SVG only)`);
  const png = chartPng(chartSvg(chart, { address: siteAddress(`${chart.pagePath}#chart-${chart.id}`) }));
  return new Response(png, { headers: { 'content-type': 'image/png' } });
}
