import { base } from '$app/paths';
import { csvFile, isBulkCsv } from '$lib/data/bulk';
import { SITE_NAME } from '$lib/charts/cite';
import { datapackage, query, type PackageResource } from '$lib/server/data';

/** datapackage.json fields the catalog shows beyond the ones the data module types. */
type Field = PackageResource['schema']['fields'][number] & { constraints?: { required?: boolean } };
type Resource = Omit<PackageResource, 'csv' | 'schema'> & {
  hash: string;
  csv: PackageResource['csv'] & { hash: string };
  shareAlike?: boolean;
  schema: { fields: Field[]; primaryKey: string[] };
};

const hex = (h: string) => h.replace(/^sha256:/, '');

/**
 * What a sum of facilities.population adds up: one row per place, but the column mixes measures
 * (ICE's yearly average, a day's count at midnight, UCLA's February 2020 population), so the sum
 * is given per measure and kind, never as one number of people.
 */
async function populationSums() {
  return query<{ kind: string; measure: string; facilities: number; reported: number; total: number | null }>(`
    SELECT kind, coalesce(population_measure, 'not reported') AS measure,
           count(*) AS facilities, count(population) AS reported, round(sum(population)) AS total
    FROM facilities GROUP BY ALL ORDER BY kind, measure DESC`);
}

export async function load() {
  const pkg = datapackage() as ReturnType<typeof datapackage> & { title?: string; description?: string };
  const datasets = (pkg.resources as unknown as Resource[]).map((r) => ({
    name: r.name,
    title: r.title,
    description: r.description,
    rows: r.rows,
    temporal: r.temporal,
    primaryKey: r.schema.primaryKey,
    fields: r.schema.fields.map((f) => ({ name: f.name, type: f.type, unit: f.unit ?? null, description: f.description, required: f.constraints?.required === true })),
    sources: r.sources,
    licenses: r.licenses,
    attribution: r.attribution,
    shareAlike: r.shareAlike === true,
    parquet: { path: `${base}/data/${r.path}`, bytes: r.bytes, sha256: hex(r.hash) },
    // A bulk CSV is served gzipped only ($lib/data/bulk): the link is to the .gz, the hash and size the CSV's.
    csv: { path: `${base}/data/${csvFile(r.csv.path, r.csv.bytes)}`, bytes: r.csv.bytes, sha256: hex(r.csv.hash), gzip: isBulkCsv(r.csv.bytes) },
    // The address is added in the browser (the build does not know the site's origin): the path alone is what a prerendered page can state.
    citation: `${SITE_NAME}, “${r.title}” (dataset ${r.name}), data release ${pkg.version}. ${r.attribution}`,
  }));
  return { release: pkg.version, title: pkg.title ?? SITE_NAME, description: pkg.description ?? '', siteName: SITE_NAME, datasets, populationSums: await populationSums() };
}
