/**
 * /charts/<key>.png: the chart image of /charts/<key>.svg as a 1200×675 PNG (slides, reports, link
 * previews), for every variant; rasterised at build time by resvg, from the cache when the chart's
 * drawing did not change ($lib/charts/image).
 */
import { chartPng, chartSvg } from '$lib/charts/image';
import { chartForKey, variantEntries } from '$lib/server/charts';
import { imageAddress } from '$lib/server/site';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  const png = await chartPng(chartSvg(chart, { address: imageAddress(`${chart.pagePath}#chart-${chart.id}`), size: 'wide' }));
  return new Response(png, { headers: { 'content-type': 'image/png' } });
}
