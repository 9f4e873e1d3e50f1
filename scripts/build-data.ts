/**
 * Derive what the site serves at /data/ from the committed Parquet files (run by dev and build):
 * the Parquet and datapackage.json themselves, one CSV per dataset (checked against the sha256 in
 * datapackage.json), and detention.duckdb, the read-only database the browser attaches
 * (duckdb-wasm cannot read Parquet offline; a .duckdb is not byte-stable, so it is never committed).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DATA } from '../src/lib/server/data';
import { csvFile } from '../src/lib/data/bulk';
import { deathVersions, readArchive } from './release-objects';
import { deathChanges, type DeathRecord } from '../src/lib/changes/deaths';
import { buildGeo } from './build-geo';
import { writeNearData } from './build-near';
import { csvCopySql } from './ingest/lib/datapackage';
import { replay, type FacilityReleaseRow, type ReleaseRow } from '../src/lib/changes/replay';

const OUT = resolve('static/data');
/** The code whose output is in static/data besides the datasets (the CSV statement and its formula rule included). */
const DERIVERS = ['scripts/build-data.ts', 'scripts/build-near.ts', 'src/lib/changes/replay.ts', 'src/lib/changes/diff.ts', 'src/lib/changes/types.ts', 'src/lib/changes/deaths.ts', 'src/lib/facilities/display-name.ts', 'src/lib/facilities/field-office.ts', 'src/lib/geo/packed.ts', 'src/lib/deaths/on-record.ts', 'scripts/ingest/lib/datapackage.ts', 'src/lib/text/safe.ts', 'src/lib/data/bulk.ts'];
export const DB_FILE = 'detention.duckdb';
/**
 * How the database is stored: in the storage version of the DuckDB the browser runs (duckdb-wasm
 * 1.32 is DuckDB 1.4; the ingest's is newer, and would otherwise write the oldest version for any
 * reader), in 64 KiB blocks rather than DuckDB's 256 KiB (a small table's last block is mostly
 * empty, and a query reads whole blocks over HTTP): 22.6 MB became 15.2 MB.
 */
const DB_STORAGE = "BLOCK_SIZE 65536, STORAGE_VERSION 'v1.4.0'";

export interface Resource {
  name: string;
  path: string;
  csv: { path: string; hash: string; bytes: number };
  schema: { fields: { name: string; type: string }[] };
  sources: object[];
}

const sha256Of = (b: Buffer) => 'sha256:' + createHash('sha256').update(b).digest('hex');
const sha256 = (p: string) => sha256Of(readFileSync(p));
const q = (p: string) => `'${p.replace(/'/g, "''")}'`;

/** data/releases/<release>.json (an index of content-addressed objects) → static/data/releases/<release>/<chart key>.json: a pinned embed fetches only its chart. */
function splitReleases(): void {
  const dir = join(DATA, 'releases');
  rmSync(join(OUT, 'releases'), { recursive: true, force: true });
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n))) {
    const { release, charts } = readArchive(dir, f);
    const out = join(OUT, 'releases', release);
    mkdirSync(out, { recursive: true });
    for (const [key, chart] of Object.entries(charts)) writeFileSync(join(out, `${key}.json`), JSON.stringify(chart));
  }
}

export async function buildData(): Promise<void> {
  await deriveDatasets();
  splitReleases();
  // The map's geography and facilities (static/data/geo/): cheap, and rewritten only when changed.
  await buildGeo({ out: join(OUT, 'geo') });
}

async function deriveDatasets(): Promise<void> {
  const pkgText = readFileSync(join(DATA, 'datapackage.json'), 'utf8');
  const pkg = JSON.parse(pkgText) as { resources: Resource[] };
  // Derived again when the data or the code deriving them changed (a stale legislators.json once hid a new field).
  const stamp = join(OUT, '.derived');
  const code = DERIVERS.map((f) => ` ${sha256(f)}`).join('');
  const ledger = join(DATA, 'releases', 'deaths.json');
  const stampText = sha256(join(DATA, 'datapackage.json')) + (existsSync(ledger) ? ` ${sha256(ledger)}` : '') + code;
  const before = existsSync(stamp) ? readFileSync(stamp, 'utf8') : '';
  const fresh = before === stampText && existsSync(join(OUT, DB_FILE));
  if (fresh) return;

  // Everything is derived again, except what a new release leaves as it was: a dataset's CSV whose
  // sha256 is still the one datapackage.json gives (the 114 MB daily series, when ICE posts a workbook),
  // and the geography (buildGeo rewrites only what changed).
  // Only when the code that writes them is the same: a changed CSV rule must show as a hash mismatch.
  const keep = new Set([...(before.endsWith(code) ? pkg.resources.map((r) => csvFile(r.csv.path, r.csv.bytes)) : []), 'geo']);
  mkdirSync(OUT, { recursive: true });
  for (const e of readdirSync(OUT)) if (!keep.has(e)) rmSync(join(OUT, e), { recursive: true, force: true });
  const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '1' });
  const con = await db.connect();
  await con.run(`ATTACH ${q(join(OUT, DB_FILE))} AS detention (${DB_STORAGE})`);
  await con.run('USE detention');
  await deriveCsvs(con, pkg.resources, DATA, OUT);
  const sourceOf = (name: string) => pkg.resources.find((r) => r.name === name)?.sources[0] ?? {};
  await writeNearData(con, OUT, { source: sourceOf('legislators'), districtSource: sourceOf('zcta_districts') });
  await writeChangeLog(con, join(OUT, CHANGE_LOG));
  await con.run('USE memory');
  await con.run('DETACH detention'); // checkpoints: no .wal beside the .duckdb
  con.closeSync();
  db.closeSync();
  copyFileSync(join(DATA, 'datapackage.json'), join(OUT, 'datapackage.json'));
  writeFileSync(stamp, stampText);
  console.log(`static/data: ${pkg.resources.length} datasets as Parquet, CSV and ${DB_FILE}`);
}

/** The change log, replayed from ICE's release stream (src/lib/changes/replay.ts): derived, never committed (about 1 MB). */
export const CHANGE_LOG = 'changes.json';
async function writeChangeLog(con: DuckDBConnection, file: string): Promise<void> {
  const rows = async <T>(sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];
  const releases = await rows<ReleaseRow>(`SELECT sha256, release_date::VARCHAR AS release_date, fiscal_year::INT AS fiscal_year, file, current, facilities_repeated, facilities_repeat_of, facilities_inconsistent, notes FROM ice_releases ORDER BY release_date, current, file`);
  const facilities = await rows<FacilityReleaseRow>(`SELECT sha256, facility_id, name, state, adp_fytd, source_file, source_sheet, source_row::INT AS source_row FROM ice_facility_releases ORDER BY sha256, source_row`);
  const log = replay(releases, facilities);
  // The deaths file's versions (data/releases/deaths.json): each one's new and dropped deaths.
  const deaths = await rows<DeathRecord>(`SELECT d.death_date::VARCHAR AS death_date, d.name, d.age::INT AS age, d.facility_id, d.facility_published, f.name AS facility_name, d.state,
      d.fiscal_year::INT AS fiscal_year, d.source_kind, d.source_url, d.source_file, d.source_row::INT AS source_row, d.in_custody
    FROM ice_deaths d LEFT JOIN ice_facilities f USING (facility_id) ORDER BY d.death_date, d.name`);
  const d = deathChanges(deathVersions(join(DATA, 'releases')), deaths);
  log.deathFiles = d.files;
  log.changes = [...log.changes, ...d.changes].sort((a, b) => (a.release === b.release ? 0 : a.release < b.release ? 1 : -1));
  writeFileSync(file, JSON.stringify(log));
  console.log(`static/data/${CHANGE_LOG}: ${log.changes.length} changes across ${log.releases.length} ICE releases and ${d.files.length} versions of the deaths file`);
}

/**
 * Each dataset as a table of `con` and as the CSV served beside its Parquet, written by the same
 * statement the ingest hashed (csvCopySql: formula-like text cells neutralized), so a CSV whose
 * sha256 differs from datapackage.json means the data or that rule changed since the ingest.
 */
export async function deriveCsvs(con: DuckDBConnection, resources: Resource[], data: string, out: string): Promise<void> {
  for (const r of resources) {
    const pq = join(data, r.path);
    copyFileSync(pq, join(out, r.path));
    await con.run(`CREATE TABLE "${r.name}" AS SELECT * FROM read_parquet(${q(pq)})`);
    const served = join(out, csvFile(r.csv.path, r.csv.bytes));
    const bulk = served !== join(out, r.csv.path);
    if (existsSync(served) && sha256Of(bulk ? gunzipSync(readFileSync(served)) : readFileSync(served)) === r.csv.hash) continue;
    const csv = join(out, r.csv.path);
    await con.run(csvCopySql({ from: r.name, fields: r.schema.fields, path: csv }));
    const got = sha256(csv);
    if (got !== r.csv.hash) throw new Error(`${r.csv.path}: sha256 ${got} differs from datapackage.json (${r.csv.hash}); rerun npm run ingest`);
    if (!bulk) continue;
    // The same bytes each run (gzip's header holds no name or time here), then only the .gz is served.
    writeFileSync(served, gzipSync(readFileSync(csv), { level: 9 }));
    rmSync(csv);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildData();
