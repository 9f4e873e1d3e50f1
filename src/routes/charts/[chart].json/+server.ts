/**
 * /charts/<key>.json: everything needed to draw, describe and cite one chart variant (ChartData),
 * for the embeds of parameterised charts (/embed/<id>/?facility=…) and for reuse.
 */
import { json } from '@sveltejs/kit';
import { chartForKey, variantEntries } from '$lib/server/charts';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  return json(await chartForKey(params.chart));
}
