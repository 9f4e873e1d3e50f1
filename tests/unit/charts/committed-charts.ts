/**
 * Shared set-up of the chart tests that run each chart's SQL the way loadChart runs it: one DuckDB
 * view per dataset of data/datapackage.json over the committed Parquet, opened for the test file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ChartSpec, Params, Row } from '../../../src/lib/charts/types';

/** A parameter value each parameterised chart is drawn for on the site (the page's own id). */
export const SAMPLE: Record<NonNullable<ChartSpec['param']>, string> = { facility: 'stwrtga', state: 'tx' };

export const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { resources: { name: string; path: string }[] };

/** The sample parameters of a chart (none for a national one). */
export const sampleParams = (spec: ChartSpec): Params => (spec.param ? { [spec.param]: SAMPLE[spec.param] } : {});

/** Opens the views before the file's tests and closes them after; `run` gives a chart's column names and rows (at its sample parameters unless given). */
export function committedCharts() {
  let db: DuckDBInstance | undefined;
  let con: DuckDBConnection | undefined;
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
    for (const r of pkg.resources) await con.run(`CREATE VIEW "${r.name}" AS SELECT * FROM read_parquet('data/${r.path}')`);
  });
  afterAll(() => {
    con?.closeSync();
    db?.closeSync();
  });
  async function run(spec: ChartSpec, params: Params = sampleParams(spec)) {
    const reader = await con!.runAndReadAll(spec.query(params));
    return { names: reader.columnNames(), rows: reader.getRowObjectsJson() as Row[] };
  }
  /** Rows of any SQL over the same views. */
  const sql = async (q: string) => (await con!.runAndReadAll(q)).getRowObjectsJson() as Row[];
  return { run, sql };
}
