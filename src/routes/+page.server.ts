import { datapackage, query } from '$lib/server/data';
import { loadChart } from '$lib/server/charts';
import type { Figure } from '$lib/figures';

export async function load() {
  const figures = await query<Figure>('SELECT * FROM headline_figures');
  const byId = Object.fromEntries(figures.map((f) => [f.id, f])) as Record<string, Figure>;
  const pkg = datapackage();
  return {
    figures: byId,
    national: await loadChart('ice-national-monthly', {}, '/'),
    release: pkg.version,
    datasets: pkg.resources.map((r) => ({ name: r.name, title: r.title, rows: r.rows, temporal: r.temporal, csv: r.csv.path, parquet: r.path, license: r.licenses.map((l) => l.name).join(', ') })),
  };
}
