/**
 * Secondary ICE sources (SOURCES-ice.md §2–9) → ice_facility_daily, ice_national_daily,
 * ice_detained_biweekly, ice_national_annual, ice_covid, ice_field_offices, ice_aor_coverage:
 * one real ingest over the raw files, spot values checked against the raw cells they come from,
 * plus the fixtures in tests/fixtures/ice-secondary/ for the format quirks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';
import { ingested, SOURCES } from './ingested';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { cellText, columnIndex, type Grid } from '../../../scripts/ingest/lib/grid';
import { readCsv } from '../../../scripts/ingest/lib/read-csv';
import { readTable } from '../../../scripts/ingest/lib/table';
import { zip5 } from '../../../scripts/ingest/lib/us-places';
import { unquoteSpaced } from '../../../scripts/ingest/sources/ice-offices';
import { openWorkbook, sheetGrid } from '../../../scripts/ingest/lib/read-xlsx';
import { parseCell } from '../../../scripts/ingest/lib/cells';
import { THROUGH } from '../../../scripts/ingest/ice/read-release';
import { useDate } from '../../../scripts/ingest/sources/marshall-detention';

const FIXTURES = resolve('tests/fixtures/ice-secondary');
const IDS = ['ddp-daily', 'ice-covid', 'ice-biweekly', 'marshall-detention', 'ncraig-adp', 'ice-offices', 'ero-field-offices', 'ice-workbooks'];

const { all, one, dir } = ingested({ data: { only: IDS } });

const grids = new Map<string, Grid>();
/** A raw cell by 1-based row and header label, read with the project's CSV reader. */
function raw(file: string, row: number, label: string): string {
  let g = grids.get(file);
  if (!g) grids.set(file, (g = readCsv(join(SOURCES, file), file, file.endsWith('locations.csv') ? 'utf-8-lenient' : 'utf-8')));
  return cellText(g.rows[row - 1]?.[g.rows[0]!.indexOf(label)]);
}

describe('ice_facility_daily (DDP Parquet)', () => {
  // Expected values are read from DDP's own file, so a new DDP download keeps these tests true.
  const RAW = `read_parquet('${join(SOURCES, 'ice/ddp-facilities-daily-population/facilities-daily-population-latest.parquet').replace(/'/g, "''")}')`;
  const STATS = `SELECT count(*) n, count(DISTINCT detention_facility_code) codes, min(date)::VARCHAR a, max(date)::VARCHAR b FROM`;

  test('every facility code on every day, as in the file', async () => {
    const raw = await one(`${STATS} ${RAW}`);
    expect(Number(raw.n)).toBeGreaterThan(0);
    expect(await one(`${STATS} {ice_facility_daily}`)).toEqual(raw);
  });

  test('Stewart 2025-01-20 and Adelanto on the last day equal their raw rows (SOURCES-ice.md §3)', async () => {
    const row = (from: string, code: string, day: string) => one(`SELECT n_detained, n_detained_at_midnight FROM ${from} WHERE detention_facility_code = '${code}' AND date = ${day}`);
    const last = `(SELECT max(date) FROM ${RAW})`;
    for (const [code, day] of [['STWRTGA', `DATE '2025-01-20'`], ['ADLNTCA', last]] as const) {
      const raw = await row(RAW, code, day);
      expect(raw, code).toBeDefined();
      expect(await row('{ice_facility_daily}', code, day), code).toEqual(raw);
    }
    expect((await one(`SELECT facility_name FROM {ice_facility_daily} WHERE detention_facility_code = 'STWRTGA' AND date = '2025-01-20'`)).facility_name).toBe('STEWART DETENTION CENTER');
  });

  test('rows are stored in (code, date) order', async () => {
    const [{ bad }] = (await all(`SELECT count(*) bad FROM (SELECT detention_facility_code c, date d, lag(detention_facility_code) OVER () pc, lag(date) OVER () pd FROM {ice_facility_daily}) WHERE pc > c OR (pc = c AND pd >= d)`)) as [{ bad: number }];
    expect(bad).toBe(0);
  });
});

describe('ice_national_daily', () => {
  const v = (series: string, date: string) => one(`SELECT value, missing FROM {ice_national_daily} WHERE series = '${series}' AND date = '${date}'`);

  test('DDP midnight sums (SOURCES-ice.md §3)', async () => {
    // Each day's sum of the raw file's n_detained_at_midnight, on its first day, a day in 2025 and its last day.
    const RAW = `read_parquet('${join(SOURCES, 'ice/ddp-facilities-daily-population/facilities-daily-population-latest.parquet').replace(/'/g, "''")}')`;
    const days = await all(`SELECT date::VARCHAR d, sum(n_detained_at_midnight)::INTEGER s FROM ${RAW} WHERE date IN ((SELECT min(date) FROM ${RAW}), DATE '2025-01-20', (SELECT max(date) FROM ${RAW})) GROUP BY 1 ORDER BY 1`);
    expect(days).toHaveLength(3);
    for (const { d, s } of days as { d: string; s: number }[]) expect((await v('ddp_midnight', d)).value, d).toBe(s);
    // Any-time counts include people moved that day: never below the midnight count.
    expect((await one(`SELECT count(*) n FROM {ice_national_daily} a JOIN {ice_national_daily} m USING (date) WHERE a.series = 'ddp_any_time' AND m.series = 'ddp_midnight' AND a.value < m.value`)).n).toBe(0);
  });

  test('ICE COVID page: covid_summaries.csv row 35 (2020-05-01) = 29,675; series starts 2020-04-25', async () => {
    expect(raw('ice/ice-covid-daily/covid_summaries.csv', 35, 'Total.Detained')).toBe('29675');
    expect(await one(`SELECT value, source_row FROM {ice_national_daily} WHERE series = 'ice_covid_page' AND date = '2020-05-01'`)).toEqual({ value: 29675, source_row: 35 });
    expect(await one(`SELECT min(date)::VARCHAR a, max(date)::VARCHAR b FROM {ice_national_daily} WHERE series = 'ice_covid_page'`)).toEqual({ a: '2020-04-25', b: '2022-05-05' });
  });

  test('a day ICE posted as NA is null with its reason, never 0', async () => {
    expect(raw('ice/ice-covid-daily/covid_summaries.csv', 558, 'Total.Detained')).toBe('NA');
    expect(await v('ice_covid_page', '2021-10-28')).toEqual({ value: null, missing: 'NA' });
  });
});

describe('ice_detained_biweekly', () => {
  const file = 'ice/ice-detention-stats-biweekly-summary/Data_processing.csv';
  const COUNTS = ['ICE_Convicted Criminal', 'CBP_Convicted Criminal', 'ICE_Pending Charges', 'CBP_Pending Charges', 'ICE_other Violator', 'CBP_other Violator'];
  const rawTotal = (row: number) => COUNTS.reduce((s, c) => s + Number(raw(file, row, c)), 0);
  const at = (d: string) => one(`SELECT * FROM {ice_detained_biweekly} WHERE as_of = '${d}'`);

  test('spot totals equal the six raw cells summed', async () => {
    // Row 23: …FY21_detentionStats11122021.xlsx, EID 09/11/2021 (matches the FY21 workbook).
    expect(raw(file, 23, 'File Name')).toMatch(/FY21_detentionStats11122021/);
    expect((await at('2021-09-11')).total).toBe(rawTotal(23));
    // Row 118: 20241220175644-FY24_detentionStats.xlsx, EID 10/03/2024 (matches the FY24 workbook).
    const sum = (row: number, side: string) => COUNTS.filter((c) => c.startsWith(side)).reduce((n, c) => n + Number(raw(file, row, c)), 0);
    expect(await at('2024-10-03')).toMatchObject({ total: rawTotal(118), source_row: 118, captures: 1, ice: sum(118, 'ICE_'), cbp: sum(118, 'CBP_') });
    // Every snapshot: the total of the row it cites.
    for (const r of await all(`SELECT total, source_row FROM {ice_detained_biweekly}`)) expect(r.total, `row ${r.source_row}`).toBe(rawTotal(Number(r.source_row)));
  });

  test('one row per EID date, earliest capture cited', async () => {
    expect((await one(`SELECT count(*) n FROM {ice_detained_biweekly}`)).n).toBe(74);
    expect(await at('2021-09-11')).toMatchObject({ captures: 5, source_row: 20, file_name: '20210916232610-FY21_detentionStats09162021.xlsx' });
  });

  test('the two mistyped EID dates do not become 2020 snapshots', async () => {
    expect((await one(`SELECT count(*) n FROM {ice_detained_biweekly} WHERE year(as_of) = 2020`)).n).toBe(0);
    expect(raw(file, 12, 'EID Date')).toBe('06/20/2020');
    expect(await at('2021-06-05')).toMatchObject({ source_row: 12, as_of_inferred: true, eid_date_printed: '06/20/2020', total: rawTotal(12) });
    expect(String((await at('2021-06-05')).note)).toMatch(/06\/20\/2020/);
    // FY21_detentionStats10072021 (row 22) repeats the 09/25/2021 counts under "10/02/2020".
    expect(raw(file, 22, 'EID Date')).toBe('10/02/2020');
    expect(await at('2021-09-25')).toMatchObject({ captures: 2, as_of_inferred: false, eid_date_printed: '09/25/2021, 10/02/2020', total: rawTotal(22) });
    expect((await one(`SELECT count(*) n FROM {ice_detained_biweekly} WHERE as_of = '2021-10-02'`)).n).toBe(0);
  });
});

describe('ice_national_annual', () => {
  const at = (src: string, fy: number) => one(`SELECT * FROM {ice_national_annual} WHERE source_id = '${src}' AND fiscal_year = ${fy}`);

  test('Marshall detention.csv: 2019 (row 42) and 1979 (row 2)', async () => {
    expect(raw('ice/marshall-project-detention/detention.csv', 42, 'Average Daily Population')).toBe('49,403');
    expect(await at('marshall-detention', 2019)).toMatchObject({ adp: 49403, book_ins: 486190, alos_days: 33.2, source_row: 42, partial: false });
    expect((await at('marshall-detention', 1979)).adp).toBe(2371);
    expect(await at('marshall-detention', 1997)).toMatchObject({ adp: 11871, book_ins: null, alos_days: null, missing: 'book_ins: blank; alos_days: blank' });
  });

  test('Craig series: 1979, 2019, 2020; 1993 not reported; 2021 partial', async () => {
    expect((await at('ncraig-adp', 1979)).adp).toBe(2347);
    expect((await at('ncraig-adp', 2019)).adp).toBe(50165);
    expect((await at('ncraig-adp', 2020)).adp).toBe(33724);
    expect(raw('ice/ncraig-ice-adp/Immigration_Detention_ADP_1979_2021_apr.csv', 16, 'FY')).toBe('1993');
    expect(await at('ncraig-adp', 1993)).toMatchObject({ adp: null, missing: 'adp: blank', partial: false });
    expect(await at('ncraig-adp', 2021)).toMatchObject({ adp: 15821, partial: true });
    expect(String((await at('ncraig-adp', 2021)).note)).toMatch(/through April 2021/);
    expect((await one(`SELECT count(*) n FROM {ice_national_annual} WHERE partial AND source_id = 'ncraig-adp'`)).n).toBe(1);
  });

  test('ICE workbooks: each year\'s FY Overall is the cell it cites; partial where its Footnotes date stops short of September 30', async () => {
    const rows = await all(`SELECT fiscal_year, adp, partial, note, source_file, source_sheet, source_row, source_column FROM {ice_national_annual} WHERE source_id = 'ice-workbooks' ORDER BY fiscal_year`);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const r of rows) {
      const wb = await openWorkbook(join(SOURCES, String(r.source_file)), String(r.source_file));
      const det = sheetGrid(wb, (n) => n === r.source_sheet, String(r.source_file));
      const col = columnIndex(String(r.source_column));
      expect(Number(r.adp), `FY${r.fiscal_year}`).toBeCloseTo(Number(cellText(det.rows[Number(r.source_row) - 1]![col])), 6);
      // Partial when the workbook's data stop before the year ends (its Footnotes' "updated through" date).
      const m = sheetGrid(wb, /^Footnotes/, String(r.source_file)).rows.map((x) => x.map(cellText).join(' ')).join(' ').match(THROUGH)!;
      const through = String(parseCell(m[1]!, { kind: 'date' }, { file: String(r.source_file) }).value);
      expect(r.partial, `FY${r.fiscal_year}`).toBe(through < `${r.fiscal_year}-09-30`);
      if (r.partial) expect(r.note).toBe(`through ${through}`);
    }
  });
});

describe('ice_covid', () => {
  test('national 2021-01-04 (covid_summaries.csv row 280)', async () => {
    expect(await one(`SELECT in_custody, total_confirmed, tested, deaths, current_cases, source_row FROM {ice_covid} WHERE level = 'national' AND date = '2021-01-04'`)).toEqual({ in_custody: 16037, total_confirmed: 8545, tested: 80200, deaths: 8, current_cases: 558, source_row: 280 });
  });

  test('Folkston (Main) 2021-01-04 (covid_by_facility.csv row 21605); Caroline 2022-05-05', async () => {
    expect(await one(`SELECT current_cases, deaths, total_confirmed, entry, source_row FROM {ice_covid} WHERE date = '2021-01-04' AND facility_name = 'Folkston ICE Processing Center (Main)'`)).toEqual({ current_cases: 11, deaths: 0, total_confirmed: 85, entry: 1, source_row: 21605 });
    expect((await one(`SELECT count(*) n FROM {ice_covid} WHERE level = 'facility' AND date = '2021-01-04'`)).n).toBe(117);
    expect((await one(`SELECT total_confirmed FROM {ice_covid} WHERE date = '2022-05-05' AND facility_name = 'Caroline Detention Facility'`)).total_confirmed).toBe(153);
  });

  test('duplicated (date, facility) rows: later scrape kept on 2020-08-19; names listed twice kept as entries 1 and 2', async () => {
    expect(await one(`SELECT count(*) n, min(source_row) a FROM {ice_covid} WHERE level = 'facility' AND date = '2020-08-19'`)).toEqual({ n: 88, a: 7684 });
    expect(await all(`SELECT entry, total_confirmed, source_row FROM {ice_covid} WHERE date = '2021-09-20' AND facility_name = 'Kay County Detention Center' ORDER BY entry`)).toEqual([
      { entry: 1, total_confirmed: 12, source_row: 52054 },
      { entry: 2, total_confirmed: 1, source_row: 52063 },
    ]);
    expect((await one(`SELECT count(*) n FROM (SELECT date, facility_name, entry FROM {ice_covid} WHERE level = 'facility' GROUP BY ALL HAVING count(*) > 1)`)).n).toBe(0);
  });

  test('the hand-corrected "]0" cell carries its reason', async () => {
    expect(raw('ice/ice-covid-daily/covid_by_facility.csv', 59375, 'Confirmed.cases.currently.under.isolation.or.monitoring')).toBe(']0');
    const r = await one(`SELECT current_cases, note FROM {ice_covid} WHERE source_row = 59375 AND level = 'facility'`);
    expect(r.current_cases).toBe(0);
    expect(String(r.note)).toMatch(/stray "\]"/);
  });
});

describe('ice_field_offices and ice_aor_coverage', () => {
  const office = (id: string) => one(`SELECT * FROM {ice_field_offices} WHERE office_id = '${id}'`);

  test('phones and e-mails (ero-field-offices-geocoded.csv)', async () => {
    expect((await one(`SELECT count(*) n FROM {ice_field_offices}`)).n).toBe(25);
    expect(await office('atlanta')).toMatchObject({ phone: '(404) 893-1290', outreach_email: 'Atlanta.Outreach@ice.dhs.gov', aor_code: 'ATL', states: 'GA, NC, SC', partial_states: null });
    expect((await office('chicago')).phone).toBe('(872) 351-3990');
    expect((await office('san-antonio')).phone).toBe('(210) 283-4750');
    expect(await office('miami')).toMatchObject({ office_name: 'Miramar Sub Office', aor_code: 'MIA' });
    expect(await office('washington')).toMatchObject({ zip: '20598', zip4: '5216' });
  });

  test('Dallas and New Orleans (St. Rose): no phone on ICE\'s page, null with a note', async () => {
    for (const id of ['dallas', 'new-orleans']) {
      const o = await office(id);
      expect(o.phone).toBeNull();
      expect(String(o.phone_note)).toMatch(/lists no phone/);
    }
  });

  test('coverage: every Texas, California and New York county under exactly one office', async () => {
    expect(await all(`SELECT office_id FROM {ice_aor_coverage} WHERE state_code IN ('GA', 'NC', 'SC') ORDER BY 1`)).toEqual([{ office_id: 'atlanta' }, { office_id: 'atlanta' }, { office_id: 'atlanta' }]);
    expect(await all(`SELECT state_code, count(DISTINCT county) n FROM {ice_aor_coverage} WHERE state_code IN ('TX', 'CA', 'NY') GROUP BY 1 ORDER BY 1`)).toEqual([
      { state_code: 'CA', n: 58 },
      { state_code: 'NY', n: 62 },
      { state_code: 'TX', n: 254 },
    ]);
    expect((await one(`SELECT count(*) n FROM {ice_aor_coverage}`)).n).toBe(426);
  });

  test('each AOR code\'s most common facility state in Marshall\'s locations.csv is one its office covers', async () => {
    const g = readCsv(join(SOURCES, 'ice/marshall-project-detention/locations.csv'), 'locations.csv', 'utf-8-lenient');
    const [h, ...rows] = g.rows;
    const [ai, si] = [h!.indexOf('AOR'), h!.indexOf('State')];
    const byCode = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const [a, s] = [cellText(r[ai]), cellText(r[si])];
      if (!a || !s) continue;
      const m = byCode.get(a) ?? byCode.set(a, new Map()).get(a)!;
      m.set(s, (m.get(s) ?? 0) + 1);
    }
    const offices = await all(`SELECT aor_code, states FROM {ice_field_offices}`);
    for (const [code, states] of byCode) {
      const o = offices.find((x) => x.aor_code === code);
      expect(o, code).toBeDefined();
      // Not all: offices also use jails next door (NYC: 4 of 21 in NJ).
      const [modal] = [...states].sort((a, b) => b[1] - a[1])[0]!;
      expect(String(o!.states).split(', '), code).toContain(modal);
    }
  });
});

test('datapackage: DDP-derived data is CC0 with DDP\'s requested citation', () => {
  const dp = JSON.parse(readFileSync(join(dir(), 'datapackage.json'), 'utf8'));
  const r = dp.resources.find((x: { name: string }) => x.name === 'ice_facility_daily');
  expect(r.licenses.map((l: { name: string }) => l.name)).toEqual(['CC0-1.0']);
  expect(r.attribution).toMatch(/processed by the Deportation Data Project/);
});

test('a DDP Parquet without a declared column fails, naming the file and the column', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ice-secondary-ddp-'));
  try {
    const dir = join(root, 'ice/ddp-facilities-daily-population');
    mkdirSync(dir, { recursive: true });
    // Every DDP column but n_detained_female.
    await all(`COPY (SELECT 'STWRTGA' AS detention_facility_code, DATE '2025-01-20' AS date, 1577 AS n_detained, 1466 AS n_detained_at_midnight,
      1380 AS n_detained_male, 692 AS n_detained_convicted_criminal, 0 AS n_detained_possibly_under_18, 'STEWART DETENTION CENTER' AS detention_facility)
      TO '${dir}/facilities-daily-population-latest.parquet' (FORMAT parquet)`);
    const run = ingest({ sources: root, out: join(root, 'out'), only: ['ddp-daily'], log: () => {} });
    await expect(run).rejects.toThrow(IngestError);
    await expect(run).rejects.toThrow('ice/ddp-facilities-daily-population/facilities-daily-population-latest.parquet, column "n_detained_female": expected this column');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

describe('fixtures: format quirks', () => {
  test('aor-spaced-quotes.csv: a space after each comma leaves quotes in the cells until unquoted', () => {
    const grid = readCsv(join(FIXTURES, 'aor-spaced-quotes.csv'), 'aor-spaced-quotes.csv');
    expect(grid.rows[0]).toEqual(['office_name', ' "state_name"', ' "county_name"', ' "notes"']);
    const t = readTable(unquoteSpaced(grid), {
      header: ['office_name', 'state_name', 'county_name'],
      columns: {
        office: { kind: 'text', header: 'office_name' },
        state: { kind: 'text', header: 'state_name' },
        county: { kind: 'text', header: 'county_name' },
        notes: { kind: 'text', header: 'notes' },
      },
    });
    expect(t.records.map((r) => r.values)).toEqual([
      { office: 'Atlanta', state: 'Georgia', county: null, notes: null },
      { office: 'Buffalo', state: 'New York', county: 'Albany', notes: 'Counties in Upstate New York not in the NYC AOR' },
      { office: 'San Francisco', state: 'Commonwealth of the Northern Mariana Islands', county: null, notes: 'Said "Saipan" on ICE\'s page' },
    ]);
    expect(t.records[0]!.missing).toEqual({ county: 'blank', notes: 'blank' });
  });

  test('aor-comma-in-quotes.csv: a comma inside a spaced quoted field fails, naming row and column', () => {
    const grid = readCsv(join(FIXTURES, 'aor-comma-in-quotes.csv'), 'aor-comma-in-quotes.csv');
    expect(() => unquoteSpaced(grid)).toThrow(IngestError);
    expect(() => unquoteSpaced(grid)).toThrow(/aor-comma-in-quotes\.csv row 2, column "notes": expected a whole quoted field/);
  });

  test('marshall-locations-quirks.csv: CR line endings, a stray 0xCC byte, lost ZIP zeros, day-first dates', () => {
    expect(() => readCsv(join(FIXTURES, 'marshall-locations-quirks.csv'), 'm.csv')).toThrow(/m\.csv row 3: expected UTF-8 text, found byte 0xcc/);
    const g = readCsv(join(FIXTURES, 'marshall-locations-quirks.csv'), 'm.csv', 'utf-8-lenient');
    expect(g.rows).toHaveLength(5);
    const where = { file: 'm.csv', row: 2, column: 'x' };
    expect(g.rows[1]!.slice(0, 2)).toEqual(['RICRANS', 'ACI (CRANSTON, RHODE ISLAND)']);
    expect(zip5(g.rows[1]![6] as string, where)).toBe('02920');
    expect(useDate(g.rows[1]![8] as string, where)).toBe('2005-04-04');
    expect(useDate(g.rows[1]![9] as string, where)).toBe('1996-09-11');
    expect(g.rows[2]![2]).toBe('435 Avenida Juan Ponce de Le\uFFFD_n\rSan Juan, 00917');
    expect(zip5(g.rows[2]![6] as string, where)).toBe('00917');
    expect(useDate(g.rows[2]![8] as string, where)).toBe('2017-04-21');
    expect(useDate(g.rows[3]![9] as string, where)).toBeNull();
    expect(useDate(g.rows[4]![8] as string, where)).toBeNull();
    expect(g.rows[4]![0]).toBeNull();
    expect(() => zip5('2920-1', where)).toThrow(IngestError);
  });
});
