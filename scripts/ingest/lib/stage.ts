/** Staging: the rows a source read, typed, into an in-memory DuckDB table via the appender. */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType } from './types';
import type { Value } from './table';

const created = new WeakMap<DuckDBConnection, Set<string>>();

export async function stageRows(
  con: DuckDBConnection,
  table: string,
  columns: Record<string, ColumnType>,
  rows: Record<string, Value | boolean>[],
): Promise<void> {
  const names = Object.keys(columns);
  const seen = created.get(con) ?? new Set();
  created.set(con, seen);
  if (!seen.has(table)) {
    // DATE columns are staged as ISO text and cast in the dataset SQL, where a bad value fails loudly.
    const cols = names.map((n) => `"${n}" ${columns[n] === 'DATE' ? 'VARCHAR' : columns[n]}`).join(', ');
    await con.run(`CREATE TABLE "${table}" (${cols})`);
    seen.add(table);
  }
  const app = await con.createAppender(table);
  for (const row of rows) {
    for (const n of names) {
      const v = row[n];
      if (v === null || v === undefined) app.appendNull();
      else
        switch (columns[n]) {
          case 'DOUBLE':
            app.appendDouble(Number(v));
            break;
          case 'INTEGER':
            app.appendInteger(Number(v));
            break;
          case 'BIGINT':
            app.appendBigInt(BigInt(v as number));
            break;
          case 'BOOLEAN':
            app.appendBoolean(Boolean(v));
            break;
          default:
            app.appendVarchar(String(v));
        }
    }
    app.endRow();
  }
  app.closeSync();
}
