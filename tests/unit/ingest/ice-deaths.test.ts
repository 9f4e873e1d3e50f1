/**
 * ice_deaths against the raw file: every expected value is read from
 * ../shared/sources/deaths/all_274_deaths_detailed.csv here, with papaparse, never typed in.
 * The committed dataset is checked (tests/unit/data/committed-data.test.ts proves it is what a
 * fresh ingest makes); the bad-input cases run the engine on broken copies of the file.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ingest } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { SOURCES } from './ingested';

const FILE = 'deaths/all_274_deaths_detailed.csv';
const raw = Papa.parse<Record<string, string>>(readFileSync(join(SOURCES, FILE), 'utf8'), { header: true, skipEmptyLines: true }).data;
/** Raw row by its 1-based file row (the header is row 1). */
const rawAt = (row: number) => raw[row - 2]!;
const fy = (iso: string) => Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) >= 10 ? 1 : 0);
/**
 * The least share of deaths tied to a registry facility (the 85 %). The rest are hospitals
 * named without a facility, ICE enforcement actions and field offices: each has its reason.
 */
const MIN_TIED = 0.85;

const PARQUET = 'data/ice_deaths.parquet';
describe.runIf(existsSync(PARQUET))('ice_deaths (committed data) against the raw file', () => {
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
  const q = async (sql: string) => (await con.runAndReadAll(sql.replaceAll('{d}', `'${PARQUET}'`))).getRowObjectsJson();

  it('has one row per raw row, each citing its row', async () => {
    const rows = await q(`SELECT source_file, source_row::INT r FROM {d} ORDER BY r`);
    expect(rows.length).toBe(raw.length);
    expect(rows.map((r) => r.r)).toEqual(raw.map((_, i) => i + 2));
    expect(new Set(rows.map((r) => r.source_file))).toEqual(new Set([FILE]));
  });

  it('counts deaths by fiscal year as a count of the raw dates does', async () => {
    const expected: Record<string, number> = {};
    for (const r of raw) expected[fy(r.Date_of_Death!)] = (expected[fy(r.Date_of_Death!)] ?? 0) + 1;
    const got = Object.fromEntries((await q(`SELECT fiscal_year::INT fy, count(*)::INT n FROM {d} GROUP BY 1`)).map((r) => [String(r.fy), r.n]));
    expect(got).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, v])));
  });

  it('flags exactly the rows whose cause says "not in custody"', async () => {
    const expected = raw.flatMap((r, i) => (/not in custody/i.test(r.Cause_of_Death!) ? [i + 2] : []));
    const got = (await q(`SELECT source_row::INT r FROM {d} WHERE NOT in_custody ORDER BY r`)).map((r) => r.r);
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect((await q(`SELECT count(*)::INT n FROM {d} WHERE NOT in_custody AND custody_note IS NULL OR in_custody AND custody_note IS NOT NULL`))[0]!.n).toBe(0);
  });

  it('shows the gap: the longest time between consecutive deaths is ≥ 300 days, between a FOIA-list row and a death-report row', async () => {
    const [g] = await q(`SELECT death_date::VARCHAR a, nxt::VARCHAR b, gap::INT gap, kind_a, kind_b FROM (
        SELECT death_date, source_kind kind_a, lead(death_date) OVER w nxt, lead(source_kind) OVER w kind_b, lead(death_date) OVER w - death_date gap FROM {d} WINDOW w AS (ORDER BY death_date, source_row))
      WHERE gap IS NOT NULL ORDER BY gap DESC LIMIT 1`);
    expect(Number(g!.gap)).toBeGreaterThanOrEqual(300);
    expect([g!.kind_a, g!.kind_b]).toEqual(['ICE FOIA list', 'ICE detainee death report']);
    // No raw date falls inside it.
    expect(raw.filter((r) => r.Date_of_Death! > String(g!.a) && r.Date_of_Death! < String(g!.b))).toEqual([]);
  });

  it('holds the raw cells as published (spot rows: first, a blank age, a hospital row, the last)', async () => {
    const blankAge = raw.findIndex((r) => r.Age === '') + 2;
    const hospital = raw.findIndex((r) => / \/ .*Hospital/.test(r.Facility_Name!)) + 2;
    for (const row of [2, blankAge, hospital, raw.length + 1]) {
      const [d] = await q(`SELECT * EXCLUDE (death_date), death_date::VARCHAR death_date, age::INT age FROM {d} WHERE source_row = ${row}`);
      const r = rawAt(row);
      expect(d).toMatchObject({ name: r.Name, sex: r.Sex, country: r.Country, death_date: r.Date_of_Death, cause_published: r.Cause_of_Death, facility_published: r.Facility_Name, facility_location_published: r.Facility_Location, facility_type_published: r.Facility_Type, source_url: r.PDF_URL });
      expect(d!.age === null ? null : Number(d!.age)).toBe(r.Age === '' ? null : Number(r.Age));
      if (r.Age === '') expect(d!.age_note).toMatch(/not reported/);
    }
    const [h] = await q(`SELECT place_of_death, facility_id FROM {d} WHERE source_row = ${hospital}`);
    expect(String(h!.place_of_death)).toContain(rawAt(hospital).Facility_Name!.split(' / ')[1]!);
    expect(h!.facility_id).not.toBeNull();
  });

  it('gives every row a source kind matching its Period and address', async () => {
    const got = await q(`SELECT source_row::INT r, source_kind k FROM {d} ORDER BY r`);
    for (const g of got) {
      const r = rawAt(Number(g.r));
      const host = new URL(r.PDF_URL!).hostname;
      const expected = host === 'www.theguardian.com' ? 'press report' : r.Period === 'FY2003-2017' ? 'ICE FOIA list' : 'ICE detainee death report';
      expect(g.k, `row ${g.r}`).toBe(expected);
    }
  });

  it(`ties at least ${MIN_TIED * 100} % of deaths to a registry facility, and every other one has its reason`, async () => {
    const rows = await q(`SELECT d.source_row::INT r, d.facility_id, d.facility_match, f.facility_id IS NOT NULL known FROM {d} d LEFT JOIN 'data/ice_facilities.parquet' f USING (facility_id)`);
    const tied = rows.filter((r) => r.facility_id !== null);
    expect(tied.every((r) => r.known)).toBe(true);
    expect(tied.length / rows.length).toBeGreaterThanOrEqual(MIN_TIED);
    for (const r of rows.filter((x) => x.facility_id === null)) {
      expect(String(r.facility_match), `row ${r.r}`).toMatch(/^(crosswalk row \d+: .{10,}|unmatched: no registry facility of this name in [A-Z]{2} .+|ICE's list gives a hospital .+|the source names .+)$/);
      // A name two facilities fit is for the crosswalk to settle, never left as is.
      expect(String(r.facility_match)).not.toMatch(/a crosswalk line decides/);
    }
  });

  it('brings a facility ICE stopped using into the registry only for a death tied to it, as ICE\'s 2017 list gives it', async () => {
    const LIST = 'ice/marshall-project-detention/locations.csv';
    const list = Papa.parse<Record<string, string>>(readFileSync(join(SOURCES, LIST), 'latin1'), { header: true, skipEmptyLines: true }).data;
    const sites = await q(`SELECT f.facility_id, f.detloc, f.name, f.state, f.status, f.first_fiscal_year, f.ddp_name, f.match_method,
        (SELECT count(*)::INT FROM {d} d WHERE d.facility_id = f.facility_id) deaths
      FROM 'data/ice_facilities.parquet' f WHERE f.match_method LIKE 'ICE''s facility list of 2017%' ORDER BY 1`);
    expect(sites.length).toBeGreaterThan(0);
    for (const s of sites) {
      const row = list.find((r) => r.DETLOC === s.detloc);
      expect(row, String(s.detloc)).toBeDefined();
      expect([s.name, s.state]).toEqual([row!.Name, row!.State]);
      expect([s.status, s.first_fiscal_year, s.ddp_name]).toEqual(['inactive', null, null]);
      expect(Number(s.deaths), String(s.facility_id)).toBeGreaterThan(0);
      // The death row it names is one of those tied to it.
      const cited = Number(String(s.match_method).match(/row (\d+)\)$/)![1]);
      expect((await q(`SELECT facility_id FROM {d} WHERE source_row = ${cited}`))[0]!.facility_id).toBe(s.facility_id);
    }
  });

  it('ties Stewart\'s deaths to Stewart', async () => {
    const expected = raw.flatMap((r, i) => (/stewart detention/i.test(r.Facility_Name!) ? [i + 2] : []));
    const got = (await q(`SELECT source_row::INT r FROM {d} WHERE facility_id = 'stwrtga' ORDER BY r`)).map((r) => r.r);
    expect(got).toEqual(expected);
  });
});

describe('bad input names file, row and column', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ice-deaths-bad-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the deaths folder with one cell of one row replaced; the run must fail with an IngestError. */
  async function failure(row: number, column: string, value: string): Promise<IngestError> {
    const src = join(root, `${column}-${row}`);
    cpSync(join(SOURCES, 'deaths'), join(src, 'deaths'), { recursive: true });
    const parsed = Papa.parse<string[]>(readFileSync(join(SOURCES, FILE), 'utf8'), { skipEmptyLines: true }).data;
    parsed[row - 1]![parsed[0]!.indexOf(column)] = value;
    writeFileSync(join(src, FILE), Papa.unparse(parsed) + '\n');
    const e = await ingest({ sources: src, out: join(src, 'out'), only: ['ice-detention-mortality'], log: () => {} }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }

  it('a date that is no date', async () => {
    const e = await failure(10, 'Date_of_Death', '2004-02-30');
    expect(e.where).toMatchObject({ file: FILE, row: 10, column: 'Date_of_Death', value: '2004-02-30' });
  });

  it('an age that is no whole number', async () => {
    const e = await failure(7, 'Age', 'forty');
    expect(e.where).toMatchObject({ file: FILE, row: 7, column: 'Age', value: 'forty' });
    expect(e.message).toMatch(/row 7, column "Age": expected a whole number, got "forty"/);
  });

  it('an address that is not the source the Period says', async () => {
    const e = await failure(5, 'PDF_URL', 'https://example.org/list.pdf');
    expect(e.where).toMatchObject({ file: FILE, row: 5, column: 'Period, PDF_URL' });
  });
});
