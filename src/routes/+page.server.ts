import { datapackage, query } from '$lib/server/data';
import { loadChart } from '$lib/server/charts';
import type { Claim, Figure } from '$lib/figures';

export async function load() {
  const figures = await query<Figure>('SELECT * FROM headline_figures');
  const byId = Object.fromEntries(figures.map((f) => [f.id, f])) as Record<string, Figure>;
  const pkg = datapackage();
  return {
    figures: byId,
    national: await loadChart('ice-national-monthly', {}, '/'),
    release: pkg.version,
    datasetCount: pkg.resources.length,
    claims: await query<Claim>('SELECT claim_id, quote, stated_value, source_file, source_line, checked_against, checked_value, verdict, note FROM claims ORDER BY claim_id DESC'),
  };
}
