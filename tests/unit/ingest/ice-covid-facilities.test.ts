import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { cleanName, linkCovidNames } from '../../../scripts/ingest/match/ice-covid-facilities';

const loc = (name: string, state: string, address: string | null = null, zip: string | null = null, row = 2) => ({ name, state, address, zip, source_file: 'ice/ice-covid-daily/facility_management_location.csv', source_row: row });
const known = (facility_id: string, name: string, state: string | null, address: string | null = null, zip: string | null = null) => ({ facility_id, name, state, address, zip });

const KNOWN = [
  known('stwrtga', 'STEWART DETENTION CENTER', 'GA', '146 CCA ROAD', '31815'),
  known('fipcmga', 'FOLKSTON MAIN IPC', 'GA', '3424 HIGHWAY 252 EAST', '31537'),
  known('elpcotx', 'EL PASO COUNTY JAIL (TEXAS)', 'TX'),
  known('raadcmn', 'RAMSEY COUNTY ADULT DETENTION CENTER', 'MN'),
  known('boonekv', 'BOONE COUNTY JAIL', 'KY'),
  known('boonemo', 'BOONE COUNTY JAIL', 'MO'),
];
const LOCS = [
  loc('Stewart Detention Center', 'GA', '146 CCA Road', '31815', 2),
  loc('Folkston ICE Processing Center (Main)', 'GA', '3424 Highway 252 East', '31537', 3),
  loc('El Paso County Jail', 'CO', '2739 East Las Vegas Street', '80906', 4),
];
const link = (names: string[], crosswalk: Parameters<typeof linkCovidNames>[3] = []) => linkCovidNames(names, LOCS, KNOWN, crosswalk);

describe('linkCovidNames', () => {
  it('ties a name by name and the state from the COVID location list', () => {
    const [s] = link(['Stewart Detention Center']);
    expect(s).toMatchObject({ facility_id: 'stwrtga', state: 'GA', location_source_row: 2 });
    expect(s!.link_method).toMatch(/^same name and state/);
  });

  it('cleans scrape debris and finds the facility by street address and ZIP', () => {
    expect(cleanName('Folkston ICE Processing Centerï¿½ï¿½ï¿½ï¿½')).toBe('Folkston ICE Processing Center');
    expect(cleanName('Glades County Detentio8n Center')).toBe('Glades County Detention Center');
    const [f] = link(['Folkston ICE Processing Centerï¿½ï¿½ï¿½ï¿½']);
    expect(f).toMatchObject({ facility_id: 'fipcmga' });
    expect(f!.link_method).toMatch(/street address and ZIP/);
  });

  it('does not jump states the location list gives, nor guess between two facilities of one name', () => {
    expect(link(['El Paso County Jail'])[0]).toMatchObject({ facility_id: null, state: 'CO' });
    expect(link(['Boone County Jail'])[0]!.facility_id).toBeNull();
  });

  it('ties a name the list does not place only when one ICE facility has it', () => {
    expect(link(['Ramsey County Adult Detention Center'])[0]).toMatchObject({ facility_id: 'raadcmn', state: null });
  });

  it('follows the crosswalk, and refuses an id it does not know', () => {
    const row = { name: 'Boone County Jail', state: 'KY', facility_id: 'boonekv', reason: 'test', row: 9 };
    expect(link(['Boone County Jail'], [row])[0]).toMatchObject({ facility_id: 'boonekv', link_method: 'crosswalk row 9: test' });
    expect(() => link(['Boone County Jail'], [{ ...row, facility_id: 'nope' }])).toThrow(/crosswalk row 9: unknown facility_id nope/);
  });
});

/** Spot checks on the committed dataset (present once the ingest that makes it has been run into data/). */
describe.runIf(existsSync('data/ice_covid_facilities.parquet'))('ice_covid_facilities (committed data)', () => {
  async function rows(sql: string) {
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const r = (await con.runAndReadAll(sql)).getRowObjectsJson();
    con.closeSync();
    db.closeSync();
    return r;
  }
  const id = async (name: string) => (await rows(`SELECT facility_id FROM 'data/ice_covid_facilities.parquet' WHERE facility_name = '${name.replace(/'/g, "''")}'`))[0]?.facility_id ?? null;

  it('ties every spelling of a facility, scrape debris included', async () => {
    expect(await id('Stewart Detention Center')).toBe('stwrtga');
    expect(await id('Folkston ICE Processing Centerï¿½ï¿½ï¿½ï¿½')).toBe('fipcmga');
    expect(await id('Glades County Detentio8n Center')).toBe('gladefl');
    expect(await id('CCA Florence Correctional Centerm')).toBe('ccaflaz');
  });

  it('leaves hotels unmatched, and ties a name only within the state the location list gives', async () => {
    expect(await id('Best Western Hotel - El Paso')).toBeNull();
    // ICE's location list puts "El Paso County Jail" in Colorado (Colorado Springs), not El Paso, Texas:
    // tied, it is the Colorado facility at that street address, never a Texas one.
    const [ep] = await rows(`SELECT c.state, f.state AS facility_state, c.link_method FROM 'data/ice_covid_facilities.parquet' c
      LEFT JOIN 'data/ice_facilities.parquet' f USING (facility_id) WHERE c.facility_name = 'El Paso County Jail'`);
    expect(ep!.state).toBe('CO');
    expect([null, 'CO']).toContain(ep!.facility_state);
    if (ep!.facility_state) expect(String(ep!.link_method)).toMatch(/same street address and ZIP/);
  });

  it('names every facility name of ice_covid once, with its days', async () => {
    const [r] = await rows(`SELECT (SELECT count(DISTINCT facility_name) FROM 'data/ice_covid.parquet' WHERE level = 'facility') AS names, count(*) AS n, sum(days) AS days FROM 'data/ice_covid_facilities.parquet'`);
    expect(Number(r!.n)).toBe(Number(r!.names));
  });
});
