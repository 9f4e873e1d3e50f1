/**
 * BJS sources → prison_population and incarceration_totals: the real ingest over the raw files,
 * each spot value checked against the raw cell it comes from (SOURCES-other.md §A1, SOURCES.md
 * §bjs/cpus16), plus the fixtures in tests/fixtures/bjs/ for the format quirks.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingested, SOURCES } from './ingested';
import { parseCell } from '../../../scripts/ingest/lib/cells';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { cellText, type Grid } from '../../../scripts/ingest/lib/grid';
import { readCsv } from '../../../scripts/ingest/lib/read-csv';
import { readTable } from '../../../scripts/ingest/lib/table';
import { TABLE_1 } from '../../../scripts/ingest/sources/bjs-p22st';
import { COUNT, jurisdictionOf, readJurisdictionTable, reportOf } from '../../../scripts/ingest/sources/bjs-prisoners-reports';

const FIXTURES = resolve('tests/fixtures/bjs');
const IDS = ['bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners', 'bjs-cpus16'];

const { all, one, dir } = ingested({ data: { only: IDS } });
const pp = (j: string, year: number) => one(`SELECT * FROM {prison_population} WHERE jurisdiction = '${j}' AND year = ${year}`);

const grids = new Map<string, Grid>();
/** Text of a raw cell, read with the project's CSV reader; `file` is relative to the sources root. */
function raw(file: string, row: number, column: string): string {
  let g = grids.get(file);
  if (!g) grids.set(file, (g = readCsv(join(SOURCES, file), file, file.endsWith('prisoners.csv') ? 'utf-8' : 'windows-1252')));
  const col = [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellText(g.rows[row - 1]?.[col]);
}

describe('prison_population', () => {
  test('p22stt01.csv row 22 (2022): U.S. total 1,230,143, Federal 159,309', async () => {
    expect(raw('bjs/p22st/p22stt01.csv', 22, 'A')).toBe('2022');
    expect(raw('bjs/p22st/p22stt01.csv', 22, 'C')).toBe('1,230,143');
    expect(raw('bjs/p22st/p22stt01.csv', 22, 'E')).toBe('159,309');
    expect(await pp('US', 2022)).toMatchObject({ prisoners: 1230143, report: 'Prisoners in 2022, table 1', source_file: 'bjs/p22st/p22stt01.csv', source_row: 22, source_column: 'C' });
    expect((await pp('FED', 2022)).prisoners).toBe(159309);
  });

  test('p22stt01.csv rows 19 and 20: U.S. total 2019 1,430,165 and 2020 1,221,164', async () => {
    expect([raw('bjs/p22st/p22stt01.csv', 19, 'C'), raw('bjs/p22st/p22stt01.csv', 20, 'C')]).toEqual(['1,430,165', '1,221,164']);
    expect((await pp('US', 2019)).prisoners).toBe(1430165);
    expect((await pp('US', 2020)).prisoners).toBe(1221164);
  });

  test('p22stt02.csv row 58: Texas 2022 139,631 (column G), 2021 133,772 (column C)', async () => {
    expect(raw('bjs/p22st/p22stt02.csv', 58, 'B')).toBe('Texas');
    expect([raw('bjs/p22st/p22stt02.csv', 58, 'G'), raw('bjs/p22st/p22stt02.csv', 58, 'C')]).toEqual(['139,631', '133,772']);
    expect(await pp('TX', 2022)).toMatchObject({ prisoners: 139631, male: 128268, female: 11363, source_file: 'bjs/p22st/p22stt02.csv', source_row: 58, source_column: 'G' });
    expect(await pp('TX', 2021)).toMatchObject({ prisoners: 133772, report: 'Prisoners in 2022, table 2', source_column: 'C' });
  });

  test('p22stt02.csv row 20: California 2022 97,608; row 16: Alabama 2022 26,421', async () => {
    expect([raw('bjs/p22st/p22stt02.csv', 20, 'B'), raw('bjs/p22st/p22stt02.csv', 20, 'G')]).toEqual(['California', '97,608']);
    expect([raw('bjs/p22st/p22stt02.csv', 16, 'B'), raw('bjs/p22st/p22stt02.csv', 16, 'G')]).toEqual(['Alabama', '26,421']);
    expect((await pp('CA', 2022)).prisoners).toBe(97608);
    expect((await pp('AL', 2022)).prisoners).toBe(26421);
  });

  test('prisoners.csv row 6 column X: California 2019 122687, as BJS gives it in Prisoners in 2020 table 2', async () => {
    expect([raw('bjs/mitsuoxv-us-prison/prisoners.csv', 6, 'A'), raw('bjs/mitsuoxv-us-prison/prisoners.csv', 1, 'X'), raw('bjs/mitsuoxv-us-prison/prisoners.csv', 6, 'X')]).toEqual(['California', '2019', '122687']);
    expect(await pp('CA', 2019)).toMatchObject({ prisoners: 122687, report: 'Prisoners in 2020, table 2', source_file: 'bjs/mitsuoxv-us-prison/data/p20stt02.csv' });
  });

  test('prisoners.csv row 44 column B: Texas 1997 140351, from Prisoners in 1998 table 3 (P9803.csv)', async () => {
    expect([raw('bjs/mitsuoxv-us-prison/prisoners.csv', 44, 'A'), raw('bjs/mitsuoxv-us-prison/prisoners.csv', 44, 'B')]).toEqual(['Texas', '140351']);
    const tx = await pp('TX', 1997);
    expect(tx).toMatchObject({ prisoners: 140351, report: 'Prisoners in 1998, table 3', source_file: 'bjs/mitsuoxv-us-prison/data/P9803.csv' });
    expect(raw(String(tx.source_file), Number(tx.source_row), String(tx.source_column))).toBe('140351');
  });

  test('every row: the cell its provenance names holds its prisoners value', async () => {
    const rows = await all('SELECT jurisdiction, year, prisoners, source_file, source_row, source_column FROM {prison_population}');
    expect(rows).toHaveLength(1383);
    for (const r of rows) {
      const p = parseCell(raw(String(r.source_file), Number(r.source_row), String(r.source_column)), COUNT, { file: String(r.source_file) });
      expect(p.value, `${r.jurisdiction} ${r.year} at ${r.source_file} row ${r.source_row} ${r.source_column}`).toBe(r.prisoners);
    }
  });

  test('coverage: U.S., Federal, State and the 50 states every year 1997–2022; DC 1997–2001 only', async () => {
    const by = await all(`SELECT year, count(*) FILTER (WHERE jurisdiction <> 'DC')::INT n, bool_or(jurisdiction = 'DC') dc FROM {prison_population} GROUP BY year ORDER BY year`);
    expect(by.map((r) => r.year)).toEqual(Array.from({ length: 26 }, (_, i) => 1997 + i));
    expect(by.every((r) => r.n === 53)).toBe(true);
    expect(by.filter((r) => r.dc).map((r) => r.year)).toEqual([1997, 1998, 1999, 2000, 2001]);
  });

  test('not-reported markers are never 0: Nevada 2013 is "/" in p14t02.csv row 43, so the 2013 edition\'s 13,056 stands', async () => {
    expect([raw('bjs/mitsuoxv-us-prison/data/p14t02.csv', 43, 'B'), raw('bjs/mitsuoxv-us-prison/data/p14t02.csv', 43, 'C')]).toEqual(['Nevada/h', '/']);
    expect(await pp('NV', 2013)).toMatchObject({ prisoners: 13056, report: 'Prisoners in 2013, table 2' });
    expect((await one('SELECT count(*)::INT n FROM {prison_population} WHERE prisoners = 0 OR male = 0 OR female = 0')).n).toBe(0);
  });

  test('latest report wins and keeps the first-published value: U.S. 2013 (p13t02.csv row 14), Illinois 2021 (p21stt02.csv row 28)', async () => {
    expect(raw('bjs/mitsuoxv-us-prison/data/p13t02.csv', 14, 'G')).toBe('1,574,741');
    expect(await pp('US', 2013)).toMatchObject({ prisoners: 1576950, report: 'Prisoners in 2022, table 1', revised_from: 1574741, revised_from_report: 'Prisoners in 2013, table 2' });
    expect([raw('bjs/mitsuoxv-us-prison/data/p21stt02.csv', 28, 'B'), raw('bjs/mitsuoxv-us-prison/data/p21stt02.csv', 28, 'F')]).toEqual(['Illinois', '28,475']);
    expect(await pp('IL', 2021)).toMatchObject({ prisoners: 28980, revised_from: 28475, revised_from_report: 'Prisoners in 2021, table 2' });
    expect(await pp('TX', 2022)).toMatchObject({ revised_from: null, revised_from_report: null });
  });

  test('unified prison-jail systems are exactly AK, CT, DE, HI, RI, VT', async () => {
    const rows = await all('SELECT DISTINCT jurisdiction FROM {prison_population} WHERE unified_system ORDER BY 1');
    expect(rows.map((r) => r.jurisdiction)).toEqual(['AK', 'CT', 'DE', 'HI', 'RI', 'VT']);
  });

  test('male + female = prisoners wherever both are given; none before 2012', async () => {
    expect((await one('SELECT count(*)::INT n FROM {prison_population} WHERE male + female <> prisoners')).n).toBe(0);
    expect((await one('SELECT min(year)::INT y FROM {prison_population} WHERE male IS NOT NULL')).y).toBe(2012);
    expect((await pp('AL', 1997)).missing).toBe('male, female: not in this table');
  });

  test('names carry no footnote markers or typos', async () => {
    const names = (await all('SELECT DISTINCT jurisdiction_name FROM {prison_population}')).map((r) => String(r.jurisdiction_name));
    expect(names).toHaveLength(54);
    expect(names.filter((n) => /[/*]|tota$|Wisconsing|Virgina|Callifornia/.test(n))).toEqual([]);
  });
});

describe('incarceration_totals', () => {
  test('cpus16t01.csv row 16 (2008): incarcerated 2,310,300, local jail 785,500, prison 1,608,300', async () => {
    expect(['A', 'L', 'N', 'P'].map((c) => raw('bjs/cpus16/cpus16t01.csv', 16, c))).toEqual(['2008', '2,310,300', '785,500', '1,608,300']);
    expect(await one(`SELECT * FROM {incarceration_totals} WHERE year = 2008`)).toMatchObject({ as_of: '2008-12-31', incarcerated_total: 2310300, local_jail: 785500, prison: 1608300, source_file: 'bjs/cpus16/cpus16t01.csv', source_row: 16 });
  });

  test('cpus16t01.csv rows 25 and 26: 2016 on January 1 ("~", not applicable) and December 31 (2,162,400)', async () => {
    expect([raw('bjs/cpus16/cpus16t01.csv', 24, 'A'), raw('bjs/cpus16/cpus16t01.csv', 25, 'B'), raw('bjs/cpus16/cpus16t01.csv', 25, 'L'), raw('bjs/cpus16/cpus16t01.csv', 26, 'L')]).toEqual(['2016*', 'January 1/e', '~', '2,162,400']);
    const rows = await all(`SELECT as_of, incarcerated_total, missing, source_row FROM {incarceration_totals} WHERE year = 2016 ORDER BY as_of`);
    expect(rows).toMatchObject([
      { as_of: '2016-01-01', incarcerated_total: null, source_row: 25 },
      { as_of: '2016-12-31', incarcerated_total: 2162400, source_row: 26 },
    ]);
    expect(rows[0]!.missing).toContain('incarcerated_total: ~ (not applicable)');
  });

  test('cpus16at03.csv row 22 column F: local jails 2015 727,400 ("621,100**" in 2000 loses its marker)', async () => {
    expect([raw('bjs/cpus16/cpus16at03.csv', 22, 'A'), raw('bjs/cpus16/cpus16at03.csv', 12, 'F'), raw('bjs/cpus16/cpus16at03.csv', 22, 'F'), raw('bjs/cpus16/cpus16at03.csv', 22, 'D')]).toEqual(['Local jails', '2015', '727,400', '621,100**']);
    expect(await one(`SELECT custody_local_jail, local_jail FROM {incarceration_totals} WHERE year = 2015`)).toEqual({ custody_local_jail: 727400, local_jail: 727400 });
    expect((await one(`SELECT custody_local_jail FROM {incarceration_totals} WHERE year = 2000`)).custody_local_jail).toBe(621100);
  });

  test('years 2000 and 2006–2016; other adult systems and custody only for 2000, 2010, 2015, 2016', async () => {
    expect((await all('SELECT year FROM {incarceration_totals} ORDER BY as_of')).map((r) => r.year)).toEqual([2000, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2016]);
    expect((await all('SELECT year FROM {incarceration_totals} WHERE other_systems_source IS NOT NULL ORDER BY year')).map((r) => r.year)).toEqual([2000, 2010, 2015, 2016]);
    expect(await one('SELECT other_adult_systems_total, territorial_prisons, military_facilities, indian_country_jails FROM {incarceration_totals} WHERE as_of = DATE \'2016-12-31\'')).toEqual({ other_adult_systems_total: 16100, territorial_prisons: 12300, military_facilities: 1300, indian_country_jails: 2540 });
  });

  test('cpus16at03.csv row 13 column E: the 2010 custody total (1,517,800 = federal + state, no jails) is withheld with its reason', async () => {
    expect(raw('bjs/cpus16/cpus16at03.csv', 13, 'E')).toBe('1,517,800');
    const r = await one('SELECT custody_total, missing FROM {incarceration_totals} WHERE year = 2010');
    expect(r.custody_total).toBeNull();
    expect(r.missing).toContain('BJS prints 1517800');
  });

  test('the description says ICE detention is in none of these totals', () => {
    const dp = JSON.parse(readFileSync(join(dir(), 'datapackage.json'), 'utf8')) as { resources: { name: string; description: string }[] };
    expect(dp.resources.find((r) => r.name === 'incarceration_totals')!.description).toMatch(/ICE immigration detention is in none of these totals/);
  });
});

describe('fixtures (tests/fixtures/bjs/README.md)', () => {
  test('p22stt01-quirks.csv: Windows-1252 en dash, CR-only lines, markers on values and headers, ":" is null', () => {
    const grid = readCsv(join(FIXTURES, 'p22stt01-quirks.csv'), 'p22stt01-quirks.csv', 'windows-1252');
    expect(cellText(grid.rows[2]![0])).toMatch(/2021\u20132022$/);
    expect(reportOf(grid)).toEqual({ report: 'Prisoners in 2022, table 1', reportYear: 2022, table: 1 });
    const t = readTable(grid, TABLE_1);
    expect(t.headerRow).toBe(6);
    expect(t.records.map((r) => [r.row, r.values.year, r.values.male, r.values.federal, r.values.female])).toEqual([
      [7, 2021, 1121436, 157314, null],
      [8, 2022, 1142359, 159309, 87784],
    ]);
    expect(t.records[0]!.missing.female).toBe(':');
  });

  test('jurisdiction-names.csv: footnoted names are recognized, and a table without all 50 states fails naming them', () => {
    const grid = readCsv(join(FIXTURES, 'jurisdiction-names.csv'), 'jurisdiction-names.csv', 'windows-1252');
    let err: unknown;
    try {
      readJurisdictionTable(grid, 2022);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    const msg = (err as IngestError).message;
    expect(msg).toMatch(/^jurisdiction-names\.csv: expected every state .* missing AL, AZ, /);
    expect(msg).not.toMatch(/\b(US|FED|STATE|AK|ID|IL)\b/);
  });

  test('jurisdictionOf strips BJS markers and mends the misspelt names of the raw tables', () => {
    const cases: [string, string][] = [
      ['Federal/a', 'FED'], ['Alaska/b', 'AK'], ['Idaho/c,d,e', 'ID'], ['U.S. total/a,b', 'US'], ['Illinois /d /e', 'IL'],
      ['U.S. tota/la', 'US'], ['Idah/oc,e', 'ID'], ['Alaskab', 'AK'], ['Wisconsing', 'WI'], ['Dist. of Columbia /b', 'DC'], ['State/a,b', 'STATE'],
    ];
    for (const [name, code] of cases) expect(jurisdictionOf(name), name).toEqual([code, expect.any(String)]);
    expect(jurisdictionOf('Northeast')).toBe('region');
    expect(jurisdictionOf('Puerto Rico')).toBeNull();
  });
});
