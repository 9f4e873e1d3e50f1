/**
 * Shared set-up of the source tests: run the real ingest once per test file (into a temp folder,
 * never data/), then query its Parquet outputs with DuckDB. `{dataset}` in SQL stands for that
 * dataset's file of the first run (or of `run`); integer columns come back as numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';
import { cellText, type Grid } from '../../../scripts/ingest/lib/grid';
import { readCsv, type Encoding } from '../../../scripts/ingest/lib/read-csv';

export const SOURCES = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
export type Row = Record<string, string | number | boolean | null>;

const INTEGER = /^(BIGINT|HUGEINT|INTEGER|SMALLINT|TINYINT|UBIGINT)$/;

export function ingested(runs: Record<string, { sources?: string; only: string[] }>) {
  const names = Object.keys(runs);
  let root = '';
  let instance: DuckDBInstance | undefined;
  let con: DuckDBConnection | undefined;

  // A real ingest: the DDP daily series took over two minutes on 2 cores with the browser tests beside it.
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ingested-'));
    for (const [name, r] of Object.entries(runs)) await ingest({ sources: r.sources ?? SOURCES, out: join(root, name), only: r.only, log: () => {} });
    instance = await DuckDBInstance.create(':memory:');
    con = await instance.connect();
  }, 300_000);
  afterAll(() => {
    con?.closeSync();
    instance?.closeSync();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Folder of a run's outputs. */
  const dir = (run = names[0]!) => join(root, run);

  async function all(sql: string, run = names[0]!): Promise<Row[]> {
    const q = sql.replace(/\{(\w+)\}/g, (_, d) => `'${join(root, run, `${d}.parquet`)}'`);
    const reader = await con!.runAndReadAll(q);
    const ints = reader.columnNames().filter((_, i) => INTEGER.test(reader.columnType(i).toString()));
    return reader.getRowObjectsJson().map((r) => {
      for (const k of ints) if (r[k] !== null) r[k] = Number(r[k]);
      return r as Row;
    });
  }
  const one = async (sql: string, run?: string) => (await all(sql, run))[0]!;
  return { dir, all, one };
}

const grids = new Map<string, Grid>();
/** A raw CSV cell by 1-based row and header label, read with the project's CSV reader. */
export function raw(file: string, row: number, label: string, encoding: Encoding = 'utf-8'): string {
  let g = grids.get(file);
  if (!g) grids.set(file, (g = readCsv(join(SOURCES, file), file, encoding)));
  return cellText(g.rows[row - 1]?.[g.rows[0]!.indexOf(label)]);
}
