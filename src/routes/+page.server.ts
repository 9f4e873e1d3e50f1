import { datapackage, query } from '$lib/server/data';
import { loadChart } from '$lib/server/charts';
import { islandSrc } from '$lib/server/islands';
import type { Claim, Figure } from '$lib/figures';

/**
 * Plain HTML, no framework: the figures, claims and chart read without JavaScript; the chart's
 * tooltips come from /js/charts.js, and the facility map is an island (/js/islands.js) fetched
 * only when the reader nears it or asks for it, so none of its bytes are in the first load.
 */
export const csr = false;

export async function load() {
  const figures = await query<Figure>('SELECT * FROM headline_figures');
  const byId = Object.fromEntries(figures.map((f) => [f.id, f])) as Record<string, Figure>;
  const pkg = datapackage();
  return {
    figures: byId,
    national: await loadChart('ice-national-monthly', {}, '/'),
    release: pkg.version,
    datasetCount: pkg.resources.length,
    mapIsland: islandSrc('map'),
    claims: await query<Claim>('SELECT claim_id, quote, stated_value, source_file, source_line, checked_against, checked_value, verdict, note FROM claims ORDER BY claim_id DESC'),
  };
}
