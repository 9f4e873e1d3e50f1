/**
 * Derive what the site serves at /data/ from the committed Parquet files (run by dev and build):
 * the Parquet and datapackage.json themselves, one CSV per dataset (checked against the sha256 in
 * datapackage.json), and detention.duckdb, the read-only database the browser attaches
 * (duckdb-wasm cannot read Parquet offline; a .duckdb is not byte-stable, so it is never committed).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildGeo } from './build-geo';
import { writeNearData } from './build-near';

const DATA = resolve('data');
const OUT = resolve('static/data');
export const DB_FILE = 'detention.duckdb';

interface Resource {
  name: string;
  path: string;
  csv: { path: string; hash: string };
  sources: object[];
}

const sha256 = (p: string) => 'sha256:' + createHash('sha256').update(readFileSync(p)).digest('hex');
const q = (p: string) => `'${p.replace(/'/g, "''")}'`;

/**
 * Compact browser-ready look-ups for "near me": columnar JSON, coordinates rounded to 4 decimals
 * (about 10 m, far finer than a ZIP's or a city's extent), sorted so the file is stable.
 */
async function writeCentroids(con: Awaited<ReturnType<DuckDBInstance['connect']>>): Promise<void> {
  mkdirSync(join(OUT, 'geo'), { recursive: true });
  const cols = async (sql: string) => (await con.runAndReadAll(sql)).getColumnsObjectJson();
  const zips = await cols(`SELECT zip, round(latitude, 4) AS lat, round(longitude, 4) AS lon FROM zip_centroids ORDER BY zip`);
  writeFileSync(join(OUT, 'geo', 'zip-centroids.json'), JSON.stringify(zips));
  const cities = await cols(`SELECT city, state, round(latitude, 4) AS lat, round(longitude, 4) AS lon FROM city_centroids WHERE latitude IS NOT NULL ORDER BY state, city, city_id`);
  writeFileSync(join(OUT, 'geo', 'city-centroids.json'), JSON.stringify(cities));
}

export async function buildData(): Promise<void> {
  await deriveDatasets();
  // The map's geography and facilities (static/data/geo/): cheap, and rewritten only when changed.
  await buildGeo({ out: join(OUT, 'geo') });
}

async function deriveDatasets(): Promise<void> {
  const pkgText = readFileSync(join(DATA, 'datapackage.json'), 'utf8');
  const pkg = JSON.parse(pkgText) as { resources: Resource[] };
  const stamp = join(OUT, 'datapackage.json');
  const fresh = existsSync(stamp) && readFileSync(stamp, 'utf8') === pkgText && existsSync(join(OUT, DB_FILE));
  if (fresh) return;

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const db = await DuckDBInstance.create(join(OUT, DB_FILE), { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '1' });
  const con = await db.connect();
  for (const r of pkg.resources) {
    const pq = join(DATA, r.path);
    copyFileSync(pq, join(OUT, r.path));
    await con.run(`CREATE TABLE "${r.name}" AS SELECT * FROM read_parquet(${q(pq)})`);
    const csv = join(OUT, r.csv.path);
    await con.run(`COPY "${r.name}" TO ${q(csv)} (FORMAT csv, HEADER true)`);
    const got = sha256(csv);
    if (got !== r.csv.hash) throw new Error(`${r.csv.path}: sha256 ${got} differs from datapackage.json (${r.csv.hash}); rerun npm run ingest`);
  }
  await writeCentroids(con);
  const legislators = pkg.resources.find((r) => r.name === 'legislators')?.sources[0] ?? {};
  await writeNearData(con, OUT, legislators);
  con.closeSync();
  db.closeSync(); // checkpoints: no .wal beside the .duckdb
  copyFileSync(join(DATA, 'datapackage.json'), stamp);
  console.log(`static/data: ${pkg.resources.length} datasets as Parquet, CSV and ${DB_FILE}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildData();
