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
import { buildGeo } from './build-geo';
import { writeNearData } from './build-near';
import { csvCopySql } from './ingest/lib/datapackage';

const DATA = resolve('data');
const OUT = resolve('static/data');
/** The code whose output is in static/data besides the datasets (the CSV statement and its formula rule included). */
const DERIVERS = ['scripts/build-data.ts', 'scripts/build-near.ts', 'src/lib/facilities/field-office.ts', 'src/lib/geo/packed.ts', 'scripts/ingest/lib/datapackage.ts', 'src/lib/text/safe.ts'];
export const DB_FILE = 'detention.duckdb';

export interface Resource {
  name: string;
  path: string;
  csv: { path: string; hash: string };
  schema: { fields: { name: string; type: string }[] };
  sources: object[];
}

const sha256 = (p: string) => 'sha256:' + createHash('sha256').update(readFileSync(p)).digest('hex');
const q = (p: string) => `'${p.replace(/'/g, "''")}'`;

/** data/releases/<release>.json → static/data/releases/<release>/<chart key>.json: a pinned embed fetches only its chart. */
function splitReleases(): void {
  const dir = join(DATA, 'releases');
  rmSync(join(OUT, 'releases'), { recursive: true, force: true });
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir).filter((n) => /^\d{4}-\d{2}-\d{2}\.json$/.test(n))) {
    const { release, charts } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { release: string; charts: Record<string, unknown> };
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
  const stampText = sha256(join(DATA, 'datapackage.json')) + DERIVERS.map((f) => ` ${sha256(f)}`).join('');
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === stampText && existsSync(join(OUT, DB_FILE));
  if (fresh) return;

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const db = await DuckDBInstance.create(join(OUT, DB_FILE), { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '1' });
  const con = await db.connect();
  await deriveCsvs(con, pkg.resources, DATA, OUT);
  const sourceOf = (name: string) => pkg.resources.find((r) => r.name === name)?.sources[0] ?? {};
  await writeNearData(con, OUT, { source: sourceOf('legislators'), districtSource: sourceOf('zcta_districts') });
  con.closeSync();
  db.closeSync(); // checkpoints: no .wal beside the .duckdb
  copyFileSync(join(DATA, 'datapackage.json'), join(OUT, 'datapackage.json'));
  writeFileSync(stamp, stampText);
  console.log(`static/data: ${pkg.resources.length} datasets as Parquet, CSV and ${DB_FILE}`);
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
    const csv = join(out, r.csv.path);
    await con.run(csvCopySql({ from: r.name, fields: r.schema.fields, path: csv }));
    const got = sha256(csv);
    if (got !== r.csv.hash) throw new Error(`${r.csv.path}: sha256 ${got} differs from datapackage.json (${r.csv.hash}); rerun npm run ingest`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildData();
