/**
 * data/datapackage.json describes the committed files truthfully: every resource's file exists
 * with the stated size and sha256, its schema matches the Parquet columns and types, its row count
 * and temporal coverage match the data, and it names its sources and licenses.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

interface Field { name: string; type: string; description: string }
interface Resource {
  name: string; path: string; bytes: number; hash: string; rows: number; description: string;
  temporal: { field: string; start: string; end: string } | null;
  schema: { fields: Field[]; primaryKey: string[] };
  sources: { title: string; path?: string; via?: string }[];
  licenses: { name: string }[];
  attribution: string;
}
const pkg = JSON.parse(readFileSync('data/datapackage.json', 'utf8')) as { profile: string; resources: Resource[] };
const DUCK_TYPE: Record<string, string[]> = { string: ['VARCHAR'], integer: ['BIGINT'], number: ['DOUBLE'], date: ['DATE'], boolean: ['BOOLEAN'] };

let db: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
afterAll(() => {
  con.closeSync();
  db.closeSync();
});
const q = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson();

describe('datapackage.json', () => {
  it('is a data package with the datasets the site and journalists depend on', () => {
    expect(pkg.profile).toBe('data-package');
    const names = pkg.resources.map((r) => r.name);
    for (const n of ['ice_facilities', 'ice_facility_fy', 'ice_national_monthly', 'ice_national_daily', 'ice_facility_daily', 'ice_national_annual', 'ice_covid', 'ice_field_offices', 'prison_population', 'incarceration_totals', 'facilities', 'covid_prisons', 'legislators', 'zcta_districts', 'zip_centroids', 'city_centroids', 'headline_figures', 'claims', 'ice_deaths'])
      expect(names).toContain(n);
  });

  for (const r of pkg.resources) {
    it(`${r.name}: file, hash, schema, rows, coverage, sources and licenses are true`, async () => {
      const file = `data/${r.path}`;
      expect(statSync(file).size).toBe(r.bytes);
      expect(`sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`).toBe(r.hash);
      const cols = await q(`DESCRIBE SELECT * FROM '${file}'`);
      expect(cols.map((c) => c.column_name)).toEqual(r.schema.fields.map((f) => f.name));
      for (const [i, f] of r.schema.fields.entries()) {
        expect(DUCK_TYPE[f.type], `${r.name}.${f.name}`).toContain(String(cols[i]!.column_type));
        expect(f.description.length, `${r.name}.${f.name} has a description`).toBeGreaterThan(3);
      }
      const [{ n }] = (await q(`SELECT count(*)::INT n FROM '${file}'`)) as [{ n: number }];
      expect(n).toBe(r.rows);
      if (r.temporal) {
        const [c] = await q(`SELECT min("${r.temporal.field}")::VARCHAR a, max("${r.temporal.field}")::VARCHAR b FROM '${file}'`);
        expect([c!.a, c!.b]).toEqual([r.temporal.start, r.temporal.end]);
      }
      expect(r.sources.length).toBeGreaterThan(0);
      // Every source has an original address, or says in `via` why none is recorded.
      for (const s of r.sources) expect(s.path ?? s.via, `${r.name}: ${s.title}`).toMatch(s.path ? /^https:\/\// : /./);
      expect(r.licenses.length).toBeGreaterThan(0);
      expect(r.attribution.length).toBeGreaterThan(10);
    });
  }

  it('marks every dataset built from UCLA data CC BY-NC-SA', () => {
    for (const r of pkg.resources.filter((x) => x.sources.some((s) => /UCLA/.test(s.title))))
      expect(r.licenses.map((l) => l.name), r.name).toContain('CC-BY-NC-SA-4.0');
  });
});
