/**
 * Deportation Data Project: people detained per ICE facility code per day, Oct 2022 – Mar 2026
 * (SOURCES-ice.md §3). A Parquet file, read by DuckDB's own read_parquet: no row passes through JS.
 */
import { IngestError } from '../lib/errors';
import type { SourceDecl } from '../lib/types';

const COLUMNS = {
  detention_facility_code: 'VARCHAR',
  date: 'DATE',
  n_detained: 'INTEGER',
  n_detained_at_midnight: 'INTEGER',
  n_detained_male: 'INTEGER',
  n_detained_female: 'INTEGER',
  n_detained_convicted_criminal: 'INTEGER',
  n_detained_possibly_under_18: 'INTEGER',
  detention_facility: 'VARCHAR',
} as const;
const COUNTS = Object.keys(COLUMNS).filter((c) => c.startsWith('n_'));

export default {
  id: 'ddp-daily',
  title: 'Deportation Data Project: ICE detention facilities, daily population',
  publisher: 'Deportation Data Project (UC Berkeley School of Law), from ICE individual detention records released under FOIA',
  homepage: 'https://deportationdata.org/docs/ice/codebook-facilities-daily-population.html',
  license: 'cc0',
  // DDP's requested citation.
  attribution: 'Government data provided by ICE in response to a FOIA request, processed by the Deportation Data Project (deportationdata.org).',
  via: 'GitHub CarwilB/ice-detention@d4dc30aa135ccc29e0904d737fe7dacabe083862, data/ddp/ (sha256 matches DDP\'s download)',
  files: [
    {
      dir: 'ice/ddp-facilities-daily-population',
      name: 'facilities-daily-population-latest.parquet',
      urls: ['https://raw.githubusercontent.com/CarwilB/ice-detention/d4dc30aa135ccc29e0904d737fe7dacabe083862/data/ddp/facilities-daily-population-latest.parquet'],
    },
  ],
  async stage(ctx) {
    const [file] = ctx.files();
    const src = `read_parquet(${ctx.sqlPath(file!.path)}, file_row_number = true)`;
    let have: Map<string, string>;
    try {
      const d = await ctx.con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${ctx.sqlPath(file!.path)})`);
      have = new Map(d.getRowObjectsJson().map((r) => [String(r.column_name), String(r.column_type)]));
    } catch (e) {
      throw new IngestError({ file: file!.label }, `expected a readable Parquet file (${(e as Error).message})`);
    }
    for (const [name, type] of Object.entries(COLUMNS)) {
      if (!have.has(name)) throw new IngestError({ file: file!.label, column: name }, `expected this column; the file has ${[...have.keys()].join(', ')}`);
      const got = have.get(name)!;
      const ok = type === 'INTEGER' ? /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(got) : got === type;
      if (!ok) throw new IngestError({ file: file!.label, column: name, value: got }, `expected a ${type} column`);
    }
    // file_row_number is 0-based over data rows; source_row counts them from 1 (Parquet has no header row).
    await ctx.con.run(`CREATE TABLE stg_ddp_daily AS
      SELECT detention_facility_code AS code, detention_facility AS name, date,
             ${COUNTS.map((c) => `${c}::INTEGER AS ${c}`).join(', ')},
             ${ctx.sqlPath(file!.label)} AS source_file, (file_row_number + 1)::BIGINT AS source_row
      FROM ${src}`);
    const [bad] = (
      await ctx.con.runAndReadAll(`SELECT source_row, ${COUNTS.join(', ')}, code, date::VARCHAR AS date FROM stg_ddp_daily
        WHERE code IS NULL OR date IS NULL OR ${COUNTS.map((c) => `${c} IS NULL OR ${c} < 0`).join(' OR ')} OR n_detained_at_midnight > n_detained LIMIT 1`)
    ).getRowObjectsJson();
    if (bad) throw new IngestError({ file: file!.label, row: Number(bad.source_row), value: bad }, 'expected a code, a date and counts ≥ 0 with at-midnight ≤ any-time');

    // Distinct facility codes for facility matching (staged, not published). first/last_date are
    // the first and last days with anyone held: DDP lists every code on every day, mostly with 0.
    await ctx.con.run(`CREATE TABLE stg_ddp_facilities AS
      WITH last AS (SELECT max(date) AS d FROM stg_ddp_daily)
      SELECT code, arg_max(name, date) AS name,
             min(date) FILTER (WHERE n_detained > 0) AS first_date,
             max(date) FILTER (WHERE n_detained > 0) AS last_date,
             (SELECT d FROM last) AS latest_date,
             max(n_detained_at_midnight) FILTER (WHERE date = (SELECT d FROM last)) AS latest_midnight,
             count(DISTINCT name)::INTEGER AS names,
             any_value(source_file) AS source_file
      FROM stg_ddp_daily GROUP BY code`);
  },
} satisfies SourceDecl;
