/**
 * The shared engine: stage every source, build every dataset in DuckDB, validate, and publish
 * Parquet + CSV + datapackage.json atomically. Nothing in `out` changes unless all of it passed.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cleanTextSql, dirtyTextSql } from '../../src/lib/text/safe';
import { IngestError } from './lib/errors';
import { downloadSource, resolveFiles } from './lib/files';
import { openWorkbook, sheetGrid } from './lib/read-xlsx';
import { readCsv } from './lib/read-csv';
import { readTable } from './lib/table';
import { stageRows } from './lib/stage';
import { csvCopySql, datapackage, resource, type ResourceFacts } from './lib/datapackage';
import { discard, pidAlive, removeStale, swapInto, tempDirFor } from './lib/write-atomic';
import { loadDatasets, loadSources } from './lib/registry';
import type { DatasetDecl, SourceDecl, StageContext } from './lib/types';

export interface IngestOptions {
  sources: string;
  out: string;
  download?: boolean;
  mirror?: string;
  /** Run only these sources, and the datasets built from them alone (tests, partial re-runs). */
  only?: string[];
  log?: (line: string) => void;
  /**
   * Aborted on Ctrl-C (scripts/ingest.ts): the run stops at its next step (a running DuckDB query
   * is interrupted, a download cancelled), removes its temp folder and download cache, and rejects
   * with the signal's reason; `out` is untouched.
   */
  signal?: AbortSignal;
}

export interface Summary {
  name: string;
  rows: number;
  bytes: number;
  ms: number;
}

const q = (p: string) => `'${p.replace(/'/g, "''")}'`;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** Subfolder of the published folder holding the release archives (kept across ingests). */
export const RELEASES = 'releases';

export async function openDuck(): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  // No extension may be fetched: a missing one must fail here, not call out to the network.
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '1' });
  return { instance, con: await instance.connect() };
}

export async function rows(con: DuckDBConnection, sql: string) {
  return (await con.runAndReadAll(sql)).getRowObjectsJson();
}

function context(src: SourceDecl | undefined, root: string, con: DuckDBConnection, log: (line: string) => void, signal?: AbortSignal): StageContext {
  // Every helper a source calls is a step at which an interrupted run stops.
  const step = () => signal?.throwIfAborted();
  return {
    files: (i = 0) => (step(), resolveFiles(root, src!.files[i]!)),
    csv: (f) => (step(), readCsv(f.path, f.label, f.decl.encoding)),
    workbook: (f) => (step(), openWorkbook(f.path, f.label)),
    sheet: (wb, m, f) => (step(), sheetGrid(wb, m, f.label)),
    table: (g, d) => (step(), readTable(g, d)),
    stage: async (t, c, r) => {
      step();
      const n = await stageRows(con, t, c, r);
      if (n) log(`staging ${t}: ${n} texts held control characters or were not NFC; cleaned`);
    },
    con,
    log,
    sqlPath: q,
  };
}

const SQL_TYPE = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', date: 'DATE', boolean: 'BOOLEAN' } as const;

async function buildDataset(con: DuckDBConnection, d: DatasetDecl, ctx: StageContext): Promise<void> {
  await d.prepare?.(ctx);
  const cols = d.fields.map((f) => `CAST("${f.name}" AS ${SQL_TYPE[f.type]}) AS "${f.name}"`).join(', ');
  const order = d.primaryKey.map((k) => `"${k}"`).join(', ');
  try {
    await con.run(`CREATE TABLE "${d.name}" AS SELECT ${cols} FROM (${d.sql}) ORDER BY ${order}`);
  } catch (e) {
    // Bad values (DuckDB's data errors) get a named IngestError; a mistake in the SQL stays a crash with its stack.
    throw /^(Conversion|Out of Range|Invalid Input) Error/.test((e as Error)?.message ?? '') ? await buildError(con, d, e) : e;
  }
  await cleanStrings(con, d, ctx.log);
  const have = (await rows(con, `SELECT column_name FROM (DESCRIBE (${d.sql}))`)).map((r) => String(r.column_name));
  const extra = have.filter((c) => !d.fields.some((f) => f.name === c));
  if (extra.length) throw new IngestError({ file: `dataset ${d.name}` }, `expected only the declared fields; undeclared: ${extra.join(', ')}`);
  await validate(con, d);
}

/**
 * Text that reached the dataset without passing through staging (a source read by DuckDB itself,
 * such as ddp-daily's read_parquet) gets the same cleanText rule here, in SQL: no published string
 * holds a control character, whatever way it came in. One scan; only rows that need it are rewritten.
 */
async function cleanStrings(con: DuckDBConnection, d: DatasetDecl, log: (line: string) => void): Promise<void> {
  const text = d.fields.filter((f) => f.type === 'string').map((f) => `"${f.name}"`);
  if (!text.length) return;
  const set = text.map((c) => `${c} = CASE WHEN ${dirtyTextSql(c)} THEN ${cleanTextSql(c)} ELSE ${c} END`).join(', ');
  const n = Number((await rows(con, `UPDATE "${d.name}" SET ${set} WHERE ${text.map(dirtyTextSql).join(' OR ')}`))[0]?.['Count'] ?? 0);
  if (n) log(`dataset ${d.name}: ${n} rows held text with control characters or not NFC; cleaned`);
}

/**
 * DuckDB could not build the dataset from the staged rows: a value out of range of its field's
 * type (1e20 people as BIGINT) or an overflow in the SQL. Name the first value that does not cast,
 * with its source row; else the dataset and DuckDB's reason. Either way an IngestError, not a crash.
 */
async function buildError(con: DuckDBConnection, d: DatasetDecl, e: unknown): Promise<IngestError> {
  const prov = ['source_file', 'source_sheet', 'source_row'].filter((c) => d.fields.some((f) => f.name === c));
  for (const f of d.fields) {
    let bad;
    try {
      [bad] = await rows(con, `SELECT ${[...prov, `"${f.name}"::VARCHAR AS value`].join(', ')} FROM (${d.sql}) WHERE "${f.name}" IS NOT NULL AND TRY_CAST("${f.name}" AS ${SQL_TYPE[f.type]}) IS NULL LIMIT 1`);
    } catch {
      break; // the SQL itself fails: no row to point at
    }
    if (bad)
      return new IngestError(
        { file: String(bad.source_file ?? `dataset ${d.name}`), sheet: (bad.source_sheet as string | null) ?? null, row: bad.source_row == null ? undefined : Number(bad.source_row), column: f.name, value: bad.value },
        `expected a value that fits ${f.type} (${SQL_TYPE[f.type]}) in dataset ${d.name}`,
      );
  }
  return new IngestError({ file: `dataset ${d.name}` }, `expected the dataset SQL to run on the staged rows (${(e as Error).message.split('\n')[0]})`);
}

/** Name the source row of a bad dataset row when the dataset carries provenance columns. */
async function whereOf(con: DuckDBConnection, d: DatasetDecl, filter: string, column: string) {
  const prov = ['source_file', 'source_sheet', 'source_row'].filter((c) => d.fields.some((f) => f.name === c));
  const sel = [...prov, `"${column}" AS value`].join(', ');
  const [r] = await rows(con, `SELECT ${sel} FROM "${d.name}" WHERE ${filter} LIMIT 1`);
  return {
    file: String(r?.source_file ?? `dataset ${d.name}`),
    sheet: (r?.source_sheet as string | null) ?? null,
    row: r?.source_row === undefined || r?.source_row === null ? undefined : Number(r.source_row),
    column,
    value: r?.value ?? null,
  };
}

async function validate(con: DuckDBConnection, d: DatasetDecl): Promise<void> {
  for (const f of d.fields) {
    if (f.required || d.primaryKey.includes(f.name)) {
      const [{ n }] = await rows(con, `SELECT count(*)::INT n FROM "${d.name}" WHERE "${f.name}" IS NULL`) as [{ n: number }];
      if (n > 0) throw new IngestError(await whereOf(con, d, `"${f.name}" IS NULL`, f.name), `expected a value in dataset ${d.name} (${n} rows have none)`);
    }
    for (const [op, bound] of [['<', f.min], ['>', f.max]] as const) {
      if (bound === undefined) continue;
      const filter = `"${f.name}" ${op} ${bound}`;
      const [{ n }] = await rows(con, `SELECT count(*)::INT n FROM "${d.name}" WHERE ${filter}`) as [{ n: number }];
      if (n > 0) throw new IngestError(await whereOf(con, d, filter, f.name), `expected ${op === '<' ? '≥' : '≤'} ${bound} in dataset ${d.name}`);
    }
  }
  const pk = d.primaryKey.map((k) => `"${k}"`).join(', ');
  const dup = await rows(con, `SELECT ${pk}, count(*)::INT n FROM "${d.name}" GROUP BY ALL HAVING count(*) > 1 LIMIT 1`);
  if (dup.length) {
    const key = d.primaryKey.map((k) => `${k}=${JSON.stringify(dup[0]![k])}`).join(', ');
    const filter = d.primaryKey.map((k) => `"${k}" IS NOT DISTINCT FROM ${JSON.stringify(dup[0]![k]) === 'null' ? 'NULL' : `'${String(dup[0]![k]).replace(/'/g, "''")}'`}`).join(' AND ');
    throw new IngestError(await whereOf(con, d, filter, d.primaryKey[0]!), `expected one row per ${d.primaryKey.join(' + ')} in dataset ${d.name}; ${dup[0]!.n} rows have ${key}`);
  }
  for (const c of d.checks ?? []) {
    const bad = await rows(con, c.sql);
    if (bad.length) {
      const r = bad[0]!;
      throw new IngestError(
        { file: String(r.source_file ?? `dataset ${d.name}`), sheet: (r.source_sheet as string) ?? null, row: r.source_row == null ? undefined : Number(r.source_row), column: r.column == null ? undefined : String(r.column), value: r.value ?? null },
        c.message,
      );
    }
  }
}

async function exportDataset(con: DuckDBConnection, d: DatasetDecl, dir: string): Promise<ResourceFacts> {
  const pq = join(dir, `${d.name}.parquet`);
  const csv = join(dir, `${d.name}.csv`);
  const order = d.primaryKey.map((k) => `"${k}"`).join(', ');
  await con.run(`COPY (SELECT * FROM "${d.name}" ORDER BY ${order}) TO ${q(pq)} (FORMAT parquet, COMPRESSION zstd)`);
  await con.run(csvCopySql({ from: d.name, fields: d.fields, path: csv, orderBy: d.primaryKey }));
  const [{ n }] = (await rows(con, `SELECT count(*)::INT n FROM "${d.name}"`)) as [{ n: number }];
  let coverage = null;
  if (d.temporal) {
    const [r] = await rows(con, `SELECT min("${d.temporal}")::VARCHAR a, max("${d.temporal}")::VARCHAR b FROM "${d.name}"`);
    if (r?.a) coverage = { start: String(r.a), end: String(r.b) };
  }
  return {
    rows: n,
    coverage,
    parquet: { path: `${d.name}.parquet`, bytes: statSync(pq).size, hash: sha256(pq) },
    csv: { path: `${d.name}.csv`, bytes: statSync(csv).size, hash: sha256(csv) },
  };
}

/** Download caches (`ingest-download-<pid>-…` in the temp folder) of runs no longer running. */
function removeStaleCaches(log: (line: string) => void): void {
  for (const e of readdirSync(tmpdir())) {
    const m = e.match(/^ingest-download-(\d+)-/);
    if (m && !pidAlive(Number(m[1]))) {
      rmSync(join(tmpdir(), e), { recursive: true, force: true });
      log(`removed ${join(tmpdir(), e)}, left by process ${m[1]}, which is no longer running`);
    }
  }
}

export async function ingest(opts: IngestOptions): Promise<Summary[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const { only, signal } = opts;
  signal?.throwIfAborted();
  // Folders a killed run left (it could not clean up): removed before this run adds its own.
  for (const line of removeStale(opts.out)) log(line);
  const sources = (await loadSources()).filter((s) => !only || only.includes(s.id));
  const datasets: DatasetDecl[] = [];
  for (const d of await loadDatasets())
    if (d.sources.every((id) => sources.some((s) => s.id === id)) && (d.after ?? []).every((a) => datasets.some((x) => x.name === a))) datasets.push(d);
  let root = opts.sources;
  let cache: string | null = null;
  if (opts.download) {
    removeStaleCaches(log);
    // The pid in the name lets a later run tell a dead run's cache from a live one's.
    cache = mkdtempSync(join(tmpdir(), `ingest-download-${process.pid}-`));
    try {
      for (const s of sources) await downloadSource(s, cache, opts.mirror, signal);
    } catch (e) {
      // A failed or interrupted download must not leave the partial cache behind in the temp folder.
      rmSync(cache, { recursive: true, force: true });
      throw signal?.aborted ? signal.reason : e;
    }
    root = cache;
  }
  const { instance, con } = await openDuck();
  // Ctrl-C during a long query (the daily series, a big join): DuckDB stops it and the run unwinds.
  const interrupt = () => con.interrupt();
  signal?.addEventListener('abort', interrupt);
  const tmp = tempDirFor(opts.out);
  const summary: Summary[] = [];
  try {
    for (const s of sources) {
      const t0 = performance.now();
      signal?.throwIfAborted();
      await s.stage(context(s, root, con, log, signal));
      log(`source  ${s.id.padEnd(28)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms`);
    }
    const resources = [];
    let release = '';
    for (const d of datasets) {
      const t0 = performance.now();
      signal?.throwIfAborted();
      await buildDataset(con, d, context(undefined, root, con, log, signal));
      const facts = await exportDataset(con, d, tmp);
      // CSVs are derived again at build time (scripts/build-data.ts): only their hash is kept here.
      rmSync(join(tmp, facts.csv.path));
      const used = d.sources.map((id) => {
        const s = sources.find((x) => x.id === id);
        if (!s) throw new Error(`dataset ${d.name} names unknown source ${id}`);
        return s;
      });
      resources.push(resource(d, used, facts));
      if (facts.coverage && facts.coverage.end > release) release = facts.coverage.end;
      const ms = performance.now() - t0;
      summary.push({ name: d.name, rows: facts.rows, bytes: facts.parquet.bytes, ms });
      log(`dataset ${d.name.padEnd(28)} ${String(facts.rows).padStart(8)} rows ${String(facts.parquet.bytes).padStart(9)} B ${ms.toFixed(0).padStart(6)} ms`);
    }
    writeFileSync(join(tmp, 'datapackage.json'), JSON.stringify(datapackage(resources, release.slice(0, 10)), null, 2) + '\n');
    // Earlier releases' archives (scripts/archive-release.ts) are history, not made from these sources: carry them over.
    if (existsSync(join(opts.out, RELEASES))) cpSync(join(opts.out, RELEASES), join(tmp, RELEASES), { recursive: true });
    // The last chance to stop without publishing; the swap itself is synchronous, so no signal handler runs inside it.
    signal?.throwIfAborted();
    swapInto(tmp, opts.out);
    return summary;
  } catch (e) {
    discard(tmp);
    // Whatever the step was doing when it was stopped (an "INTERRUPT Error" from DuckDB), the cause is the signal.
    throw signal?.aborted ? signal.reason : e;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    if (cache) rmSync(cache, { recursive: true, force: true });
    con.closeSync();
    instance.closeSync();
  }
}
