/**
 * Build-time side of the explorer: the catalog of datasets from datapackage.json, and the answers
 * to the example questions, run with the same SQL over the same data as DuckDB in the browser.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EXAMPLES, type Answer } from '$lib/explore/examples';
import { kindOf, toCell, type Result } from '$lib/explore/result';
import { datasetsRead, type Dataset } from '$lib/explore/schema';
import { datapackage, queryTable } from './data';

export function exploreSchema(): Dataset[] {
  return datapackage().resources.map((r) => ({
    name: r.name,
    title: r.title,
    description: r.description,
    rows: r.rows,
    fields: r.schema.fields.map((f) => ({ name: f.name, type: f.type, description: f.description })),
    sources: r.sources.map((s) => ({ title: s.title, publisher: s.publisher, path: s.path ?? null })),
    licenses: r.licenses.map((l) => ({ name: l.name, title: l.title, path: l.path ?? null })),
    attribution: r.attribution,
  }));
}

/** Table names in a query, from DuckDB's own parser (json_serialize_sql), as the browser gets them from getTableNames. */
async function tablesIn(sql: string): Promise<string[]> {
  const [row] = (await queryTable(`SELECT json_serialize_sql('${sql.replace(/'/g, "''")}') AS tree`)).rows;
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'BASE_TABLE' && typeof o.table_name === 'string') names.push(o.table_name);
      Object.values(o).forEach(walk);
    }
  };
  walk(JSON.parse(String(row!.tree)));
  return names;
}

export async function exampleAnswers(schema: Dataset[]): Promise<Answer[]> {
  return Promise.all(
    EXAMPLES.map(async (example) => {
      const { columns, rows } = await queryTable(example.sql);
      const cols = columns.map((c) => ({ name: c.name, kind: kindOf(c.type) }));
      const result: Result = { sql: example.sql, columns: cols, rows: rows.map((r) => cols.map((c) => toCell(r[c.name], c.kind))), rowCount: rows.length, ms: null };
      return { example, result, datasets: datasetsRead(schema, await tablesIn(example.sql)).map((d) => d.name) };
    }),
  );
}

/** Bytes of the duckdb-wasm binary the page loads, for its progress bar (a gzip response's length is the compressed one). */
export function wasmBytes(): number {
  return statSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).size;
}
