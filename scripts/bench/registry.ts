/**
 * The facility registry in counts, read from a data folder's Parquet files: the bench prints a
 * fresh ingest's beside the committed data's (the last release), so a matching regression shows.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export async function registryCounts(dir: string): Promise<Record<string, number>> {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  const one = async (sql: string) => Number(Object.values((await con.runAndReadAll(sql)).getRowObjectsJson()[0] ?? { n: 0 })[0] ?? 0);
  const ice = `'${join(dir, 'ice_facilities.parquet')}'`;
  const out: Record<string, number> = {};
  for (const r of (await con.runAndReadAll(`SELECT kind, count(*)::INT AS n FROM '${join(dir, 'facilities.parquet')}' GROUP BY 1 ORDER BY 1`)).getRowObjectsJson()) out[`facilities: ${r.kind}`] = Number(r.n);
  out['ICE workbook facilities'] = await one(`SELECT count(*) FROM ${ice} WHERE first_fiscal_year IS NOT NULL`);
  out['  with a DETLOC code'] = await one(`SELECT count(*) FROM ${ice} WHERE first_fiscal_year IS NOT NULL AND detloc IS NOT NULL`);
  out['  tied to DDP by entity resolution'] = await one(`SELECT count(*) FROM ${ice} WHERE match_method LIKE '%entity resolution%'`);
  out['  unmatched'] = await one(`SELECT count(*) FROM ${ice} WHERE match_method LIKE 'unmatched%'`);
  out['DDP-only codes'] = await one(`SELECT count(*) FROM ${ice} WHERE first_fiscal_year IS NULL`);
  out['approximate locations (ZIP centre)'] = await one(`SELECT count(*) FROM ${ice} WHERE coord_approximate`);
  out['no location'] = await one(`SELECT count(*) FROM ${ice} WHERE latitude IS NULL`);
  const cols = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${ice}`)).getRowObjectsJson().map((r) => r.column_name);
  if (cols.includes('former_ids')) out['redirected former ids'] = await one(`SELECT coalesce(sum(len(string_split(former_ids, '; '))), 0) FROM ${ice}`);
  if (existsSync(join(dir, 'facilities_excluded.parquet'))) out['excluded (not places)'] = await one(`SELECT count(*) FROM '${join(dir, 'facilities_excluded.parquet')}'`);
  return out;
}
