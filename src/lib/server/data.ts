/**
 * Build-time data access: the committed Parquet files in data/, read with DuckDB in Node while
 * pages prerender. Each dataset is a view named after it; results are plain JSON rows.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSources } from '$lib/facilities/types';

/** The processed datasets: data/, or DATA_DIR (the bench builds other ingests side by side). */
export const DATA = resolve(process.env.DATA_DIR ?? 'data');

export interface PackageResource {
  name: string;
  title: string;
  description: string;
  path: string;
  rows: number;
  bytes: number;
  csv: { path: string; bytes: number };
  temporal: { field: string; start: string; end: string } | null;
  sources: { title: string; publisher: string; path?: string; via?: string }[];
  licenses: { name: string; title: string; path?: string }[];
  attribution: string;
  schema: { fields: { name: string; type: string; description: string; unit?: string }[]; primaryKey: string[] };
}

export interface DataPackage {
  version: string;
  resources: PackageResource[];
}

let pkg: DataPackage | null = null;
export function datapackage(): DataPackage {
  return (pkg ??= JSON.parse(readFileSync(resolve(DATA, 'datapackage.json'), 'utf8')) as DataPackage);
}

let con: Promise<DuckDBConnection> | null = null;
function connection(): Promise<DuckDBConnection> {
  return (con ??= (async () => {
    const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
    const c = await db.connect();
    for (const r of datapackage().resources)
      await c.run(`CREATE VIEW "${r.name}" AS SELECT * FROM read_parquet('${resolve(DATA, r.path).replace(/'/g, "''")}')`);
    return c;
  })());
}

const INTEGER_TYPES = new Set(['BIGINT', 'HUGEINT', 'UBIGINT', 'INTEGER', 'SMALLINT', 'TINYINT']);

/** Run a query over the dataset views: its columns with DuckDB's type names, and JSON rows. */
/** Publishers, addresses, licenses and attribution of the named datasets, from datapackage.json. */
export function datasetSources(names: string[]): Record<string, DatasetSources> {
  return Object.fromEntries(
    datapackage()
      .resources.filter((r) => names.includes(r.name))
      .map((r) => [r.name, { title: r.title, sources: r.sources.map((s) => ({ title: s.title, publisher: s.publisher, path: s.path ?? null })), licenses: r.licenses.map((l) => ({ name: l.name, title: l.title, path: l.path ?? null })), attribution: r.attribution }]),
  );
}

export async function queryTable(sql: string): Promise<{ columns: { name: string; type: string }[]; rows: Record<string, unknown>[] }> {
  const reader = await (await connection()).runAndReadAll(sql);
  return { columns: reader.columnNames().map((name, i) => ({ name, type: reader.columnType(i).toString() })), rows: reader.getRowObjectsJson() };
}

/** Run a query over the dataset views. JSON rows, with BIGINT counts as numbers (all fit in 2^53). */
export async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const { columns, rows } = await queryTable(sql);
  const ints = columns.filter((c) => INTEGER_TYPES.has(c.type)).map((c) => c.name);
  return rows.map((r) => {
    for (const k of ints) if (r[k] !== null) r[k] = Number(r[k]);
    return r;
  }) as T[];
}
