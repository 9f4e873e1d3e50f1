/** /charts/: every national chart, drawn at build time from the committed data. */
import { loadChart } from '$lib/server/charts';
import type { ChartData } from '$lib/charts/types';

/**
 * Plain HTML, no framework: every chart reads without JavaScript (values, text alternative, data
 * table, CSV), and its tooltips and keys come from the shared /js/charts.js, as on facility pages.
 * Hydrating it would send the Svelte runtime and d3, and this page's data a second time.
 */
export const csr = false;

/** The page's groups, in order; each chart id is a spec in src/lib/charts/specs/. */
const GROUPS = [
  { id: 'over-time', title: 'ICE detention over time', charts: ['ice-national-annual', 'ice-national-monthly', 'ice-currently-detained', 'ice-national-daily'] },
  { id: 'where', title: 'Where people are held', charts: ['ice-by-facility-type', 'ice-by-state', 'ice-top-facilities'] },
  { id: 'prisons', title: 'Prisons', charts: ['prisoners-national'] },
  { id: 'covid', title: 'COVID-19', charts: ['covid-ice', 'covid-prisons'] },
];

export async function load() {
  const groups: { id: string; title: string; charts: ChartData[] }[] = [];
  for (const g of GROUPS) groups.push({ ...g, charts: await Promise.all(g.charts.map((id) => loadChart(id, {}, '/charts/'))) });
  return { groups };
}
