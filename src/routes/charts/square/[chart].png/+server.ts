/**
 * /charts/square/<key>.png: the chart laid out again for a 1080×1080 square (social posts), for
 * every variant but the per-facility ones (the file budget: $lib/server/charts hasSquarePng).
 */
import { error } from '@sveltejs/kit';
import { chartPng, chartSvg } from '$lib/charts/image';
import { chartForKey, chartVariants, hasSquarePng } from '$lib/server/charts';
import { imageAddress } from '$lib/server/site';

export const prerender = true;

export const entries = async () => (await chartVariants()).filter((v) => hasSquarePng(v.params)).map((v) => ({ chart: v.key }));

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  if (!chart.images.square) error(404, `no square PNG for chart ${params.chart} (per-facility charts have the 1200×675 PNG only)`);
  const png = await chartPng(chartSvg(chart, { address: imageAddress(`${chart.pagePath}#chart-${chart.id}`), size: 'square' }));
  return new Response(png, { headers: { 'content-type': 'image/png' } });
}
