/**
 * COVID-19 in prisons and the UCLA facility list → covid_prisons, covid_prison_populations,
 * covid_prisons_ucla, covid_prisons_ucla_latest, ucla_facilities: the real ingest over the raw
 * files, spot values from SOURCES-other.md §A4 checked against the raw row they cite; then the
 * marshall-cr fixture (tests/fixtures/) for CR-only line endings and the source's known errors.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingested, raw } from './ingested';

const FIXTURE = resolve('tests/fixtures/marshall-cr');
const { all, one } = ingested({ data: { only: ['ucla-cbb', 'marshall-covid-prisons'] }, fixture: { sources: FIXTURE, only: ['marshall-covid-prisons'] } });

describe('covid_prisons (marshall/covid_prison_cases.csv)', () => {
  test('covid_prison_cases.csv row 1421: Texas 12/15/2020 total_prisoner_cases 27171, deaths 235', async () => {
    const r = await one(`SELECT total_prisoner_cases::INT cases, total_prisoner_deaths::INT deaths, staff_tests, notes, source_row::INT source_row
                         FROM {covid_prisons} WHERE system = 'TX' AND as_of_date = DATE '2020-12-15'`);
    expect(r).toMatchObject({ cases: 27171, deaths: 235, staff_tests: null, source_row: 1421 });
    expect(r.notes).toMatch(/^We have revised this week's prisoner deaths totals/);
    expect([raw('marshall/covid_prison_cases.csv', 1421, 'as_of_date'), raw('marshall/covid_prison_cases.csv', 1421, 'total_prisoner_cases')]).toEqual(['12/15/2020', '27171']);
  });

  test('Federal ("US" in the source) is system FED; 51 systems; the 17 undated empty rows are the only ones left out', async () => {
    expect(await one(`SELECT system_name, total_prisoner_deaths::INT deaths FROM {covid_prisons} WHERE system = 'FED' AND as_of_date = DATE '2021-06-22'`)).toEqual({ system_name: 'Federal', deaths: 258 });
    expect(await one(`SELECT count(*)::INT n, count(DISTINCT system)::INT s, min(as_of_date)::VARCHAR a, max(as_of_date)::VARCHAR b FROM {covid_prisons}`)).toEqual({ n: 3366 - 17, s: 51, a: '2020-03-24', b: '2021-06-25' });
    expect(raw('marshall/covid_prison_cases.csv', 22, 'name')).toBe('Massachusetts');
    expect(raw('marshall/covid_prison_cases.csv', 22, 'as_of_date')).toBe('');
  });

  test('a blank count stays null, never 0', async () => {
    expect(raw('marshall/covid_prison_cases.csv', 2, 'staff_tests')).toBe('');
    expect(await one(`SELECT staff_tests FROM {covid_prisons} WHERE source_row = 2`)).toEqual({ staff_tests: null });
  });
});

describe('covid_prison_populations (marshall/prison_populations.csv)', () => {
  test('prison_populations.csv row 114: Federal 03/12/2020 population 172088', async () => {
    expect(await one(`SELECT system, month, as_of_date::VARCHAR as_of_date, population::INT population FROM {covid_prison_populations} WHERE source_row = 114`)).toEqual({
      system: 'FED', month: '2020-03', as_of_date: '2020-03-12', population: 172088,
    });
  });

  test('prison_populations.csv row 604: Texas jan_2021 dated 01/31/2020 in the source, 2021-01-31 here', async () => {
    expect(raw('marshall/prison_populations.csv', 604, 'as_of_date')).toBe('01/31/2020');
    expect(await one(`SELECT month, as_of_date::VARCHAR as_of_date, population::INT population FROM {covid_prison_populations} WHERE system = 'TX' AND label = 'jan_2021'`)).toEqual({
      month: '2021-01', as_of_date: '2021-01-31', population: 119541,
    });
    expect(await one(`SELECT count(*)::INT n, min(as_of_date)::VARCHAR a FROM {covid_prison_populations}`)).toEqual({ n: 714, a: '2020-03-08' });
  });
});

describe('covid_prisons_ucla_latest (ucla-cbb/latest_*_counts.csv)', () => {
  test('latest_national_counts.csv rows 2 and 4: national Residents.Confirmed 597698, Residents.Deaths 3081', async () => {
    expect(await all(`SELECT measure, value, reporting::INT reporting, missing, source_row::INT source_row FROM {covid_prisons_ucla_latest}
                      WHERE system = 'US' AND measure IN ('Residents.Confirmed', 'Residents.Deaths') ORDER BY source_row`)).toEqual([
      { measure: 'Residents.Confirmed', value: 597698, reporting: 53, missing: null, source_row: 2 },
      { measure: 'Residents.Deaths', value: 3081, reporting: 52, missing: 'Maine', source_row: 4 },
    ]);
    expect(raw('ucla-cbb/latest_national_counts.csv', 2, 'Count')).toBe('597698');
  });

  test('latest_national_counts.csv row 5: Staff.Deaths 309, its multi-line Missing list as one comma list', async () => {
    expect(raw('ucla-cbb/latest_national_counts.csv', 5, 'Missing')).toContain('\n');
    expect(await one(`SELECT value, missing FROM {covid_prisons_ucla_latest} WHERE system = 'US' AND measure = 'Staff.Deaths'`)).toEqual({
      value: 309, missing: 'Arizona, Maine, Massachusetts, Mississippi, Nebraska, New Jersey, Oklahoma, Pennsylvania, Utah, Wisconsin, ICE',
    });
  });

  test('latest_state_counts.csv row 6: California Residents.Confirmed 73296, Residents.Deaths 252', async () => {
    expect(await all(`SELECT measure, value FROM {covid_prisons_ucla_latest} WHERE system = 'CA' AND measure IN ('Residents.Confirmed', 'Residents.Deaths') ORDER BY measure`)).toEqual([
      { measure: 'Residents.Confirmed', value: 73296 },
      { measure: 'Residents.Deaths', value: 252 },
    ]);
    expect(await one(`SELECT value FROM {covid_prisons_ucla_latest} WHERE system = 'AL' AND measure = 'Residents.Population'`)).toEqual({ value: 18279 });
    expect(await one(`SELECT count(DISTINCT system)::INT n FROM {covid_prisons_ucla_latest}`)).toEqual({ n: 54 }); // 50 states, DC, FED, ICE, US
  });
});

describe('covid_prisons_ucla (ucla-cbb/historical_*_counts.csv)', () => {
  test('historical_national_counts.csv row 108: 2022-04-03 national Residents.Confirmed 542543 from 46 systems', async () => {
    expect(await one(`SELECT value, reporting::INT reporting, source_row::INT source_row FROM {covid_prisons_ucla} WHERE system = 'US' AND measure = 'Residents.Confirmed' AND date = DATE '2022-04-03'`)).toEqual({
      value: 542543, reporting: 46, source_row: 108,
    });
  });

  test('weekly 2020-03-22 to 2022-04-03; a blank state cell has no row (Alabama 2020-03-22 reported no tests)', async () => {
    expect(await one(`SELECT min(date)::VARCHAR a, max(date)::VARCHAR b FROM {covid_prisons_ucla}`)).toEqual({ a: '2020-03-22', b: '2022-04-03' });
    expect(raw('ucla-cbb/historical_state_counts.csv', 2, 'Residents.Tested')).toBe('');
    expect(await all(`SELECT measure, value FROM {covid_prisons_ucla} WHERE system = 'AL' AND date = DATE '2020-03-22' ORDER BY measure`)).toEqual([
      { measure: 'Residents.Confirmed', value: 0 },
      { measure: 'Residents.Deaths', value: 0 },
      { measure: 'Staff.Confirmed', value: 1 },
      { measure: 'Staff.Deaths', value: 0 },
    ]);
  });
});

describe('ucla_facilities (ucla-cbb/fac_data.csv)', () => {
  test('fac_data.csv row 75: ID 100 San Quentin, population 4032, capacity 3082, 37.94003982, -122.4903665', async () => {
    expect(await one(`SELECT name, jurisdiction, state, population_feb20::INT pop, capacity::INT cap, latitude, longitude, hifld_id::INT hifld_id, zip, county_fips, source_row::INT source_row
                      FROM {ucla_facilities} WHERE ucla_id = 100`)).toEqual({
      name: 'CALIFORNIA STATE PRISON SAN QUENTIN', jurisdiction: 'state', state: 'CA', pop: 4032, cap: 3082, latitude: 37.94003982, longitude: -122.4903665,
      hifld_id: 10000790, zip: '94964', county_fips: '06041', source_row: 75,
    });
    expect(raw('ucla-cbb/fac_data.csv', 75, 'Facility.ID')).toBe('100');
  });

  test('fac_data.csv row 1670: ID 1867 ICE STEWART DETENTION CENTER 32.03778, -84.772473, CoreCivic', async () => {
    expect(await one(`SELECT name, jurisdiction, state, latitude, longitude, operator, operator_differs, capacity, source_row::INT source_row FROM {ucla_facilities} WHERE ucla_id = 1867`)).toEqual({
      name: 'ICE STEWART DETENTION CENTER', jurisdiction: 'immigration', state: 'GA', latitude: 32.03778, longitude: -84.772473, operator: 'CoreCivic', operator_differs: true, capacity: null, source_row: 1670,
    });
  });

  test('SOURCES-other.md §A4a: Angola (ID 580) and Adelanto (ID 1773)', async () => {
    expect(await one(`SELECT population_feb20::INT pop, capacity::INT cap, zip FROM {ucla_facilities} WHERE ucla_id = 580`)).toEqual({ pop: 6073, cap: 6312, zip: '70712' });
    expect(await one(`SELECT jurisdiction, operator, population_feb20::INT pop FROM {ucla_facilities} WHERE ucla_id = 1773`)).toEqual({ jurisdiction: 'immigration', operator: 'GeoGroup', pop: 412 });
  });

  // Which points are kept (a state's centre and reviewed errors are dropped, each with its note) is tested in ucla-registry.test.ts.
  test('every row kept: 2,296 entries; system-wide rows have no coordinates', async () => {
    expect(await one(`SELECT count(*)::INT n FROM {ucla_facilities}`)).toEqual({ n: 2296 });
    expect(await all(`SELECT jurisdiction, count(*)::INT n FROM {ucla_facilities} GROUP BY ALL ORDER BY n DESC`)).toEqual([
      { jurisdiction: 'state', n: 1748 },
      { jurisdiction: 'county', n: 257 },
      { jurisdiction: 'immigration', n: 143 },
      { jurisdiction: 'federal', n: 129 },
      { jurisdiction: 'psychiatric', n: 19 },
    ]);
    expect(await one(`SELECT state, state_name, latitude, population_feb20 FROM {ucla_facilities} WHERE ucla_id = 1878`)).toEqual({ state: null, state_name: 'Not Available', latitude: null, population_feb20: null });
  });

  test('fac_data.csv row 2260: County.FIPS 00021 (Dawson County, MT) corrected to 30021', async () => {
    expect(raw('ucla-cbb/fac_data.csv', 2260, 'County.FIPS')).toBe('00021');
    expect(await one(`SELECT county_fips FROM {ucla_facilities} WHERE source_row = 2260`)).toEqual({ county_fips: '30021' });
  });
});

describe('fixture marshall-cr: CR-only line endings, multi-line note, undated empty week, year typos', () => {
  test('two dated rows; the note keeps its line break; blank counts are null', async () => {
    expect(await all(`SELECT system, as_of_date::VARCHAR d, total_prisoner_cases::INT cases, staff_tests, notes, source_row::INT source_row FROM {covid_prisons} ORDER BY system`, 'fixture')).toEqual([
      { system: 'FED', d: '2021-06-22', cases: null, staff_tests: null, notes: null, source_row: 4 },
      { system: 'TX', d: '2020-12-15', cases: 27171, staff_tests: null, notes: "We have revised this week's prisoner deaths totals\nbased on data from the Texas Justice Initiative.", source_row: 2 },
    ]);
  });

  test('the four jan_2021 counts dated in 2020 are dated 2021', async () => {
    expect(await all(`SELECT system, month, as_of_date::VARCHAR d FROM {covid_prison_populations} WHERE label = 'jan_2021' ORDER BY system`, 'fixture')).toEqual([
      { system: 'NC', month: '2021-01', d: '2021-01-31' },
      { system: 'ND', month: '2021-01', d: '2021-01-31' },
      { system: 'OR', month: '2021-01', d: '2021-02-01' },
      { system: 'TX', month: '2021-01', d: '2021-01-31' },
    ]);
  });
});
