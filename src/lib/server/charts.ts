/** Build-time: run a chart's query over the committed data and attach its provenance. */
import { chartSpec } from '$lib/charts/registry';
import type { ChartData, Params, Row } from '$lib/charts/types';
import { datapackage, query } from './data';
import { stateShapes } from './geo';

/** Ids in SQL come only from the data itself, but check them anyway: letters, digits, - and _. */
const SAFE = /^[A-Za-z0-9_-]{1,64}$/;

export function chartPath(id: string, params: Params): string {
  const p = Object.values(params);
  return `/charts/${[id, ...p].join('--')}`;
}

export async function loadChart(id: string, params: Params = {}, pagePath = '/'): Promise<ChartData> {
  const spec = chartSpec(id);
  for (const [k, v] of Object.entries(params)) if (!SAFE.test(v)) throw new Error(`chart ${id}: parameter ${k}=${JSON.stringify(v)} is not an id`);
  const rows = await query<Row>(spec.query(params));
  const pkg = datapackage();
  const used = pkg.resources.filter((r) => spec.datasets.includes(r.name));
  if (used.length !== spec.datasets.length) throw new Error(`chart ${id}: unknown dataset among ${spec.datasets.join(', ')}`);
  const sources = [...new Map(used.flatMap((r) => r.sources).map((s) => [s.path + s.title, { title: s.title, publisher: s.publisher, path: s.path ?? null }])).values()];
  const asOf = used.map((r) => r.temporal?.end ?? '').sort().at(-1) ?? pkg.version;
  return {
    id,
    params,
    kind: spec.kind,
    title: spec.title(params),
    subtitle: spec.subtitle(params),
    x: spec.x,
    y: spec.y,
    series: spec.series ?? null,
    columns: spec.columns,
    rows,
    alt: spec.describe(rows, params),
    annotations: spec.annotate?.(rows) ?? [],
    method: spec.method,
    caveats: spec.caveats ?? [],
    sources,
    licenses: [...new Set(used.flatMap((r) => r.licenses.map((l) => l.name)))].sort(),
    attribution: [...new Set(used.map((r) => r.attribution))].join(' '),
    asOf,
    release: pkg.version,
    csvPath: `${chartPath(id, params)}.csv`,
    pagePath,
    ...(spec.kind === 'choropleth' ? { geo: stateShapes() } : {}),
  };
}
