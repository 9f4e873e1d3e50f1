import { error } from '@sveltejs/kit';
import { CHARTS } from '$lib/charts/registry';
import { datapackage } from '$lib/server/data';
import { loadChart } from '$lib/server/charts';

/** One embed page per chart; a chart drawn per facility or state reads its variant from the query string. */
export const entries = () => Object.keys(CHARTS).map((chart) => ({ chart }));

export async function load({ params }) {
  const spec = CHARTS[params.chart];
  if (!spec) error(404, `No chart named “${params.chart}”`);
  return {
    id: spec.id,
    param: spec.param ?? null,
    chart: spec.param ? null : await loadChart(spec.id),
    release: datapackage().version,
  };
}
