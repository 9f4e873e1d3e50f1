/**
 * /charts/<key>.json: everything needed to draw, describe and cite one chart variant, rows by column
 * ($lib/charts/chart-file, whose fetchChart is the one way to read it), for the embeds of
 * parameterised charts (/embed/<id>/?facility=…) and for reuse.
 */
import { json } from '@sveltejs/kit';
import { packChart } from '$lib/charts/chart-file';
import { chartForKey, variantEntries } from '$lib/server/charts';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  return json(packChart(await chartForKey(params.chart)));
}
