import { error } from '@sveltejs/kit';
import { CHARTS } from '$lib/charts/registry';
import { loadChart } from '$lib/server/charts';
import { islandSrc } from '$lib/server/islands';
import { readEmbedParams } from '$lib/embed/params';

/**
 * Plain HTML, no framework: an embed of a chart without parameters is all in the page (its tooltips
 * from /js/charts.js, its height from /js/embed-frame.js). An address asking for a facility, a state
 * or a release gets the chart from /charts/<key>.json through the embed island, loaded only then.
 */
export const csr = false;

/** One embed page per chart; a chart drawn per facility or state reads its variant from the query string. */
export const entries = () => Object.keys(CHARTS).map((chart) => ({ chart }));

export async function load({ params }) {
  const spec = CHARTS[params.chart];
  if (!spec) error(404, `No chart named “${params.chart}”`);
  const param = spec.param ?? null;
  const asked = readEmbedParams(spec.id, param, new URLSearchParams());
  return {
    id: spec.id,
    param,
    chart: param ? null : await loadChart(spec.id),
    /** What the page says to an address without the facility or state a chart is drawn for. */
    missing: 'error' in asked ? asked.error : null,
    island: islandSrc('embed'),
  };
}
