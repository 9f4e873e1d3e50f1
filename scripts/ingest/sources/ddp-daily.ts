/**
 * Deportation Data Project: people detained per ICE facility code per day, Oct 2022 – Mar 2026
 * (SOURCES-ice.md §3). A Parquet file, read by DuckDB's own read_parquet: no row passes through JS.
 */
import { EARLIEST_DATE, today } from '../lib/cells';
import { IngestError } from '../lib/errors';
import type { SourceDecl, StageContext } from '../lib/types';

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

/** Each row: a code, a date no later than the day of the run, counts ≥ 0, at-midnight ≤ any-time. The first bad cell is named. */
async function checkRows(ctx: StageContext, label: string): Promise<void> {
  const tests: [string, string, string][] = [
    ['detention_facility_code', 'code IS NULL', 'expected a facility code'],
    ['date', 'date IS NULL', 'expected a date'],
    ['date', `date < DATE '${EARLIEST_DATE}'`, `expected a date from ${EARLIEST_DATE} on`],
    // The file's name gives no date ("-latest"): a day after this run's cannot have been counted yet.
    ['date', `date > DATE '${today()}'`, `expected a date no later than ${today()} (the day of this run)`],
    ...COUNTS.map((c): [string, string, string] => [c, `${c} IS NULL OR ${c} < 0`, 'expected a count ≥ 0']),
    ['n_detained_at_midnight', 'n_detained_at_midnight > n_detained', 'expected no more people at midnight than at any time of the day (n_detained)'],
  ];
  const cols = [...new Set(tests.map(([c]) => c))];
  const [bad] = (
    await ctx.con.runAndReadAll(`SELECT source_row, ${tests.map(([, cond], i) => `coalesce(${cond}, false) AS t${i}`).join(', ')},
        ${cols.map((c) => `${c === 'detention_facility_code' ? 'code' : c}::VARCHAR AS "${c}"`).join(', ')}
      FROM stg_ddp_daily WHERE ${tests.map(([, cond]) => `coalesce(${cond}, false)`).join(' OR ')} ORDER BY source_row LIMIT 1`)
  ).getRowObjectsJson();
  if (!bad) return;
  const [column, , expected] = tests.find((_, i) => bad[`t${i}`] === true)!;
  throw new IngestError({ file: label, row: Number(bad.source_row), column, value: bad[column] ?? null }, expected);
}

/**
 * The file's own coverage: DDP counts every code on every day of its span, so the days form one
 * unbroken run. A day far from the others (a typo'd year: 2099, 2062) breaks it; the rows on the
 * smaller side of the first gap are the odd ones, and the first of them is named.
 */
async function checkCoverage(ctx: StageContext, label: string): Promise<void> {
  const [gap] = (
    await ctx.con.runAndReadAll(`WITH d AS (SELECT date, count(*) AS n, min(source_row) AS first_row FROM stg_ddp_daily GROUP BY date),
        s AS (SELECT *, lag(date) OVER (ORDER BY date) AS prev, sum(n) OVER (ORDER BY date) AS upto, sum(n) OVER () AS total FROM d)
      SELECT prev::VARCHAR AS before, date::VARCHAR AS after, upto - n AS rows_before, total - (upto - n) AS rows_after,
             first_row AS after_row, (SELECT first_row FROM d WHERE d.date = s.prev) AS before_row
      FROM s WHERE date - prev > 1 ORDER BY date LIMIT 1`)
  ).getRowObjectsJson();
  if (!gap) return;
  const late = Number(gap.rows_after) <= Number(gap.rows_before);
  throw new IngestError(
    { file: label, row: Number(late ? gap.after_row : gap.before_row), column: 'date', value: late ? gap.after : gap.before },
    `expected the days of the file to follow each other (DDP counts every code every day); none between ${gap.before} and ${gap.after}, so ${late ? `the ${gap.rows_after} rows from ${gap.after} on` : `the ${gap.rows_before} rows up to ${gap.before}`} lie outside the file's span`,
  );
}

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
    // A count past INTEGER (the type staged and published) would stop the cast below with a bare
    // DuckDB "Conversion Error": name the cell first. file_row_number is 0-based over data rows;
    // source_row counts them from 1 (Parquet has no header row).
    const INT32 = '-2147483648 AND 2147483647';
    const [big] = (
      await ctx.con.runAndReadAll(`SELECT file_row_number + 1 AS source_row, ${COUNTS.map((c) => `${c}::VARCHAR AS ${c}, ${c} NOT BETWEEN ${INT32} AS ${c}_big`).join(', ')}
        FROM ${src} WHERE ${COUNTS.map((c) => `${c} NOT BETWEEN ${INT32}`).join(' OR ')} ORDER BY file_row_number LIMIT 1`)
    ).getRowObjectsJson();
    if (big) {
      const c = COUNTS.find((c) => big[`${c}_big`] === true)!;
      throw new IngestError({ file: file!.label, row: Number(big.source_row), column: c, value: big[c] }, 'expected a count that fits a 32-bit integer (at most 2,147,483,647)');
    }
    await ctx.con.run(`CREATE TABLE stg_ddp_daily AS
      SELECT detention_facility_code AS code, detention_facility AS name, date,
             ${COUNTS.map((c) => `${c}::INTEGER AS ${c}`).join(', ')},
             ${ctx.sqlPath(file!.label)} AS source_file, (file_row_number + 1)::BIGINT AS source_row
      FROM ${src}`);
    await checkRows(ctx, file!.label);
    await checkCoverage(ctx, file!.label);

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
