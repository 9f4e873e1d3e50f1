/**
 * Staging: the rows a source read, typed, into an in-memory DuckDB table via the appender. Every
 * string a source reads in JavaScript passes through here, so this is where source text is made
 * safe once (cleanText: NFC, no control characters) for every page, feed, image and file after it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { cleanText } from '../../../src/lib/text/safe';
import { IngestError } from './errors';
import type { ColumnType } from './types';
import type { Value } from './table';

const created = new WeakMap<DuckDBConnection, Set<string>>();

/** Whole numbers an integer column holds, [min, max + 1): the appender throws a bare Error outside them. */
const WHOLE = { INTEGER: [-(2 ** 31), 2 ** 31], BIGINT: [-(2 ** 63), 2 ** 63] } as const;

/** Where a staged row came from, by the provenance columns sources add to their rows. */
function where(row: Record<string, unknown>, table: string, column: string) {
  const line = row.source_row ?? row.source_line;
  return {
    file: String(row.source_file ?? `staging table ${table}`),
    sheet: typeof row.source_sheet === 'string' ? row.source_sheet : null,
    ...(line === null || line === undefined ? {} : { row: Number(line) }),
    column,
    value: row.value ?? null,
  };
}

/** Appends the rows; returns how many strings cleanText changed (the engine logs it). */
export async function stageRows(
  con: DuckDBConnection,
  table: string,
  columns: Record<string, ColumnType>,
  rows: Record<string, Value | boolean>[],
): Promise<number> {
  const names = Object.keys(columns);
  const seen = created.get(con) ?? new Set();
  created.set(con, seen);
  if (!seen.has(table)) {
    // DATE columns are staged as ISO text (checked below) and cast in the dataset SQL.
    const cols = names.map((n) => `"${n}" ${columns[n] === 'DATE' ? 'VARCHAR' : columns[n]}`).join(', ');
    await con.run(`CREATE TABLE "${table}" (${cols})`);
    seen.add(table);
  }
  // Checked before appending, so a value its column cannot hold (3e9 in INTEGER) fails naming its row, not half-way through one.
  for (const row of rows)
    for (const n of names) {
      const type = columns[n];
      if ((type !== 'INTEGER' && type !== 'BIGINT') || row[n] === null || row[n] === undefined) continue;
      const v = Number(row[n]);
      if (!(Number.isInteger(v) && v >= WHOLE[type][0] && v < WHOLE[type][1])) throw new IngestError(where({ ...row, value: row[n] }, table, n), `expected a whole number that fits ${type} (column ${n} of ${table})`);
    }
  const app = await con.createAppender(table);
  let cleaned = 0;
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
          default: {
            // VARCHAR, and DATE staged as text: a U+000B or U+001B in a name made the feed and the images invalid XML.
            const text = String(v);
            const clean = cleanText(text);
            if (clean !== text) cleaned++;
            app.appendVarchar(clean);
          }
        }
    }
    app.endRow();
  }
  app.closeSync();
  // A DATE column is text until the dataset SQL casts it: one DuckDB cannot read ("2021-99-99") fails here, naming its row, not there.
  const prov = ['source_file', 'source_sheet', 'source_row', 'source_line'].filter((c) => names.includes(c)).map((c) => `"${c}"`);
  for (const n of names.filter((c) => columns[c] === 'DATE')) {
    const [bad] = (await con.runAndReadAll(`SELECT ${[...prov, `"${n}" AS value`].join(', ')} FROM "${table}" WHERE "${n}" IS NOT NULL AND TRY_CAST("${n}" AS DATE) IS NULL LIMIT 1`)).getRowObjectsJson();
    if (bad) throw new IngestError(where(bad, table, n), `expected a date YYYY-MM-DD (column ${n} of ${table})`);
  }
  return cleaned;
}
