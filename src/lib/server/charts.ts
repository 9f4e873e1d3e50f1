/** Build-time: run a chart's query over the committed data and attach its provenance. */
import { error } from '@sveltejs/kit';
import { CHARTS, chartSpec } from '$lib/charts/registry';
import type { ChartData, Params, Row } from '$lib/charts/types';
import { revisionNotes } from '$lib/changes/notes';
import { changesFor } from './changes';
import { datapackage, query } from './data';
import { embedHeights } from './embed-height';
import { stateShapes } from './geo';

/** Ids in SQL come only from the data itself, but check them anyway: letters, digits, - and _. */
const SAFE = /^[A-Za-z0-9_-]{1,64}$/;

/** A chart variant's key in URLs: "ice-national-monthly", "facility-daily--stwrtga". */
export const chartKey = (id: string, params: Params) => [id, ...Object.values(params)].join('--');

export function chartPath(id: string, params: Params): string {
  return `/charts/${chartKey(id, params)}`;
}

/** The chart and its parameters from a key, or null for an unknown chart or a parameter it does not take. */
export function parseKey(key: string): { id: string; params: Params } | null {
  const [id, value, ...extra] = key.split('--');
  const spec = CHARTS[id!];
  if (!spec || extra.length || !spec.param !== (value === undefined)) return null;
  return { id: id!, params: spec.param ? { [spec.param]: value! } : {} };
}

/**
 * Whether a variant has a square (1080×1080) PNG besides its 1200×675 one. The per-facility
 * variants are over two thousand: a second size would add as many files to a build a static host
 * counts (issue 20's budget: 15,000 files), so they have the 1200×675 PNG only.
 */
export const hasSquarePng = (params: Params) => !('facility' in params);

/** Every chart variant the site draws: each chart without a parameter, and each value of a parameterised one. */
export async function chartVariants(): Promise<{ id: string; params: Params; key: string }[]> {
  const out: { id: string; params: Params; key: string }[] = [];
  for (const spec of Object.values(CHARTS).sort((a, b) => a.id.localeCompare(b.id))) {
    if (!spec.param) {
      out.push({ id: spec.id, params: {}, key: spec.id });
      continue;
    }
    const values = typeof spec.variants === 'string' ? (await query<{ value: string }>(spec.variants)).map((r) => r.value) : (spec.variants ?? []);
    for (const v of values) out.push({ id: spec.id, params: { [spec.param]: v }, key: chartKey(spec.id, { [spec.param]: v }) });
  }
  return out;
}

/** The page a chart variant lives on: its facility's or state's page, else the charts page. */
export function homePage(id: string, params: Params): string {
  const spec = chartSpec(id);
  const v = spec.param ? params[spec.param] : undefined;
  return spec.param === 'facility' ? `/facilities/${v}/` : spec.param === 'state' ? `/states/${v}/` : (spec.page ?? '/charts/');
}

// One build asks for a variant up to six times (its page, CSV, JSON, SVG, PNG, oEmbed): query it once.
const loaded = new Map<string, Promise<ChartData>>();

export function loadChart(id: string, params: Params = {}, pagePath = homePage(id, params)): Promise<ChartData> {
  const k = `${chartKey(id, params)} ${pagePath}`;
  if (!loaded.has(k)) loaded.set(k, queryChart(id, params, pagePath));
  return loaded.get(k)!;
}

async function queryChart(id: string, params: Params, pagePath: string): Promise<ChartData> {
  const spec = chartSpec(id);
  for (const [k, v] of Object.entries(params)) if (!SAFE.test(v)) throw new Error(`chart ${id}: parameter ${k}=${JSON.stringify(v)} is not an id`);
  const rows = await query<Row>(spec.query(params));
  const subject = spec.subject ? ((await query<{ name: string }>(spec.subject(params)))[0]?.name ?? null) : null;
  const pkg = datapackage();
  const used = pkg.resources.filter((r) => spec.datasets.includes(r.name));
  if (used.length !== spec.datasets.length) throw new Error(`chart ${id}: unknown dataset among ${spec.datasets.join(', ')}`);
  const sources = [...new Map(used.flatMap((r) => r.sources).map((s) => [s.path + s.title, { title: s.title, publisher: s.publisher, path: s.path ?? null }])).values()];
  const asOf = used.map((r) => r.temporal?.end ?? '').sort().at(-1) ?? pkg.version;
  const chart: Omit<ChartData, 'embedHeights'> = {
    id,
    key: chartKey(id, params),
    params,
    kind: spec.kind,
    title: subject ? `${subject}: ${spec.title(params)}` : spec.title(params),
    subtitle: spec.subtitle(params, rows),
    x: spec.x,
    y: spec.y,
    series: spec.series ?? null,
    columns: spec.columns,
    rows,
    alt: spec.describe(rows, params),
    annotations: spec.annotate?.(rows) ?? [],
    method: spec.method,
    // A facility chart of ICE's fiscal-year figures notes the figures later files revised (the change log).
    caveats: [...(spec.caveats ?? []), ...(params.facility && spec.datasets.includes('ice_facility_fy') ? revisionNotes(changesFor(params.facility), params.facility) : [])],
    sources,
    licenses: [...new Set(used.flatMap((r) => r.licenses.map((l) => l.name)))].sort(),
    attribution: [...new Set(used.map((r) => r.attribution))].join(' '),
    asOf,
    release: pkg.version,
    csvPath: `${chartPath(id, params)}.csv`,
    images: { svg: `${chartPath(id, params)}.svg`, png: `${chartPath(id, params)}.png`, square: hasSquarePng(params) ? `/charts/square/${chartKey(id, params)}.png` : null },
    pagePath,
    topic: spec.topic,
    ...(spec.kind === 'choropleth' ? { geo: stateShapes() } : {}),
  };
  return { ...chart, embedHeights: embedHeights(chart) };
}

/** Prerender entries of the per-variant endpoints (/charts/<key>.csv|json|svg|png, /oembed/<key>.json). */
export const variantEntries = async () => (await chartVariants()).map((v) => ({ chart: v.key }));

/** The chart of a variant key in an endpoint's address; 404 for an unknown chart or parameter. */
export async function chartForKey(key: string): Promise<ChartData> {
  const k = parseKey(key);
  if (!k) error(404, `unknown chart ${key}`);
  return loadChart(k.id, k.params);
}
