/** Tying deaths to registry facilities (match/ice-deaths.ts, match/death-places.ts) on small hand-made rows. */
import { describe, expect, it } from 'vitest';
import { linkDeaths, type DeathRow, type Known } from '../../../scripts/ingest/match/ice-deaths';
import { isHospital, stateOf, transferredFrom } from '../../../scripts/ingest/match/death-places';
import { sourceKind } from '../../../scripts/ingest/sources/ice-detention-mortality';
import { IngestError } from '../../../scripts/ingest/lib/errors';

const KNOWN: Known[] = [
  { facility_id: 'eaz', name: 'ELOY FEDERAL CONTRACT FACILITY', state: 'AZ', city: 'ELOY' },
  { facility_id: 'flo', name: 'FLORENCE SERVICE PROCESSING CENTER', state: 'AZ', city: 'FLORENCE' },
  { facility_id: 'stwrtga', name: 'STEWART DETENTION CENTER', state: 'GA', city: 'LUMPKIN' },
  { facility_id: 'lawinci', name: 'WINN CORRECTIONAL CENTER', state: 'LA', city: 'WINNFIELD' },
  { facility_id: 'jcrlytx', name: 'JOE CORLEY ICE PROCESSING CENTER', state: 'TX', city: 'CONROE' },
  { facility_id: 'boonekv', name: 'BOONE COUNTY JAIL', state: 'KY', city: 'BURLINGTON' },
  { facility_id: 'boonemo', name: 'BOONE COUNTY JAIL', state: 'MO', city: 'COLUMBIA' },
  { facility_id: 'bopspg', name: 'SPRINGFIELD FED.MED.CNTR', state: 'MO', city: 'SPRINGFIELD' },
  { facility_id: 'adamsms', name: 'ADAMS COUNTY CORRECTIONAL CENTER', state: 'MS', city: 'NATCHEZ' },
];
let n = 1;
const row = (facility: string, location: string, o: Partial<DeathRow> = {}): DeathRow => ({
  source_file: 'deaths/fixture.csv', source_row: ++n, source_kind: 'ICE detainee death report',
  facility_published: facility, facility_location_published: location, facility_type_published: 'Contract', cause_published: 'Not stated', ...o,
});
const one = (r: DeathRow, crosswalk: Parameters<typeof linkDeaths>[2] = []) => linkDeaths([r], KNOWN, crosswalk)[0]!;

describe('linkDeaths', () => {
  it('reads past an abbreviation in parentheses: "Eloy Detention Center (EDC)" is the Eloy facility, "(GA)" is not a word of the name', () => {
    expect(one(row('Eloy Detention Center (EDC)', 'Eloy, Arizona'))).toMatchObject({ facility_id: 'eaz', state: 'AZ', facility_match: expect.stringMatching(/^similar name\+state .*same city ELOY/) });
    expect(one(row('Stewart Detention Center (GA)', 'Lumpkin, GA'))).toMatchObject({ facility_id: 'stwrtga', facility_match: 'name+state' });
  });

  it('keeps a hospital as the place of death and ties the death to the facility the row also names', () => {
    const l = one(row('Winn Correctional Center (WCC) / Christus St. Francis Cabrini Hospital (CSFC)', 'Winnfield, Louisiana (WCC) / Alexandria, Louisiana (CSFC)'));
    expect(l).toMatchObject({ facility_id: 'lawinci', state: 'LA', place_of_death: 'Christus St. Francis Cabrini Hospital (CSFC), Alexandria, Louisiana', place_of_death_note: null });
  });

  it('takes the facility a hospital row\'s cause says the person was transferred from, else leaves it null with the reason', () => {
    const cause = 'Heart-related condition (per ICE); died at HCA Houston Healthcare after transfer from Joe Corley Processing Center.';
    expect(one(row('HCA Houston Healthcare (Conroe)', 'Conroe, TX', { cause_published: cause }))).toMatchObject({ facility_id: 'jcrlytx', place_of_death: 'HCA Houston Healthcare (Conroe), Conroe, TX', facility_match: expect.stringMatching(/^named in the cause text/) });
    expect(one(row('Valley Baptist Medical Center', 'Harlingen, TX'))).toMatchObject({ facility_id: null, place_of_death: 'Valley Baptist Medical Center, Harlingen, TX', facility_match: expect.stringMatching(/hospital only/) });
  });

  it('lets the state decide between two facilities of one name', () => {
    expect(one(row('Boone County Jail', 'Burlington, KY')).facility_id).toBe('boonekv');
    expect(one(row('Boone County Jail', 'Columbia, Missouri')).facility_id).toBe('boonemo');
    // The same name in a state with no such facility: not tied to the other state's.
    expect(one(row('Boone County Jail', 'Boone, IA'))).toMatchObject({ facility_id: null, facility_match: expect.stringMatching(/^unmatched: no registry facility of this name in IA/) });
  });

  it('leaves an unknown name, an enforcement action and a name that fits two facilities equally null, each with its reason', () => {
    expect(one(row('Mira Loma Detention Center', 'Lancaster, CA'))).toMatchObject({ facility_id: null, facility_match: expect.stringMatching(/no registry facility of this name in CA/) });
    expect(one(row('ICE enforcement action (Minneapolis)', 'Minneapolis, MN'))).toMatchObject({ facility_id: null, facility_match: expect.stringMatching(/enforcement action/) });
    const two = linkDeaths([row('Boone Detention Center', 'Ashland, MO')], [...KNOWN, { facility_id: 'boonecc', name: 'BOONE CORRECTIONAL CENTER', state: 'MO', city: 'BOONVILLE' }], []);
    expect(two[0]).toMatchObject({ facility_id: null, facility_match: 'unmatched: registry facilities boonemo, boonecc fit this name equally in MO; a crosswalk line decides' });
  });

  it('reads a FOIA-list row by its location cell (the list\'s facility column), never by the derived name', () => {
    const foia = { source_kind: 'ICE FOIA list' as const, facility_type_published: 'IGSA' };
    const l = one(row('Eloy Federal Contract Facility AZ', 'Joe Corley Detention Facility, TX', foia));
    expect(l).toMatchObject({ facility_id: 'jcrlytx', state: 'TX', place_of_death: null, place_of_death_note: expect.stringMatching(/place-of-death column/) });
    // ICE's type HOSPITAL: no detention facility named, even where a name resembles one.
    expect(one(row('Columbia Care Center SC', 'Columbia Care  Center, SC', { ...foia, facility_type_published: 'HOSPITAL' }))).toMatchObject({ facility_id: null, facility_match: expect.stringMatching(/type HOSPITAL/) });
    // A Federal Medical Center is a Bureau of Prisons prison, not a hospital.
    expect(one(row('Springfield Federal Medical Center MO', 'Springfield  Federal Medical  Center, MO', { ...foia, facility_type_published: 'BOP' })).facility_id).toBe('bopspg');
  });

  it('follows the crosswalk (a tie, or "none" with its reason), puts a tied death in its facility\'s state, and refuses an id the registry lacks', () => {
    const x = { name: 'Adams County Correctional Center', location: 'New Orleans, LA', facility_id: 'adamsms', reason: 'test', row: 7 };
    expect(one(row('Adams County Correctional Center', 'New Orleans, LA'), [x])).toMatchObject({ facility_id: 'adamsms', state: 'MS', facility_match: 'crosswalk row 7: test' });
    expect(one(row('Adams County Correctional Center', 'New Orleans, LA'), [{ ...x, facility_id: 'none', reason: 'why not' }])).toMatchObject({ facility_id: null, state: 'LA', facility_match: 'crosswalk row 7: why not' });
    expect(() => one(row('Adams County Correctional Center', 'New Orleans, LA'), [{ ...x, facility_id: 'nope' }])).toThrow(/crosswalks\/ice-deaths\.csv row 7, column "facility_id".*got "nope"/);
  });

  it('fails on a location that names no state, naming the row', () => {
    expect(() => one(row('Stewart Detention Center', 'Lumpkin'))).toThrow(IngestError);
    expect(() => one(row('Stewart Detention Center', 'Lumpkin'))).toThrow(/deaths\/fixture\.csv row \d+, column "Facility_Location"/);
  });
});

describe('death-places', () => {
  it('reads the state of every form of location the file uses', () => {
    expect(stateOf('Lumpkin, GA')).toBe('GA');
    expect(stateOf('Eloy, Arizona')).toBe('AZ');
    expect(stateOf('Jena, Louisiana (LA)')).toBe('LA');
    expect(stateOf('Winnfield, Louisiana (WCC)')).toBe('LA');
    expect(stateOf('Eloy Federal  Contract Facility,  AZ')).toBe('AZ');
    expect(stateOf('Nassau County, NY')).toBe('NY');
    expect(stateOf('Lumpkin')).toBeNull();
  });
  it('tells hospitals from prisons and reads a transfer', () => {
    expect(isHospital('Lovelace Medical Center (LMC)')).toBe(true);
    expect(isHospital('Centro Medico Hospital')).toBe(true);
    expect(isHospital('Rochester Federal Medical Center')).toBe(false);
    expect(isHospital('El Centro Service Processing Center')).toBe(false);
    expect(transferredFrom('Organ failure after treatment for drug withdrawal; transferred from Federal Detention Center Philadelphia.')).toBe('Federal Detention Center Philadelphia');
    expect(transferredFrom('Cardiac arrest')).toBeNull();
  });
});

describe('sourceKind', () => {
  const at = { file: 'deaths/fixture.csv', row: 5 };
  it('derives the document from Period and the address host', () => {
    expect(sourceKind('FY2003-2017', 'https://www.ice.gov/doclib/foia/reports/detaineedeaths-2003-2017.pdf', at)).toBe('ICE FOIA list');
    expect(sourceKind('FY2018-2025', 'https://www.ice.gov/doclib/foia/reports/ddrTranHuyChi.pdf', at)).toBe('ICE detainee death report');
    expect(sourceKind('FY2018-2025', 'https://www.theguardian.com/us-news/ng-interactive/2026/jan/04/ice-2025-deaths-timeline', at)).toBe('press report');
    expect(sourceKind('Public reporting (CY2026)', 'https://www.theguardian.com/us-news/2026/jan/28/deaths-ice-2026-', at)).toBe('press report');
  });
  it('names the row of a combination it does not know', () => {
    expect(() => sourceKind('FY2003-2017', 'https://www.theguardian.com/x', at)).toThrow(/deaths\/fixture\.csv row 5, column "Period, PDF_URL"/);
    expect(() => sourceKind('FY2018-2025', 'https://example.org/ddrX.pdf', at)).toThrow(IngestError);
  });
});
