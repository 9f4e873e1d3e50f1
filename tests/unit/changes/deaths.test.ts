/**
 * The deaths file in the change log: a hand-made stream of versions (a death added, one dropped),
 * and the real file as two versions (without its last row, then whole), kept in a ledger the way
 * scripts/archive-release.ts keeps it. Expected names, dates and rows are read from the raw file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { deathChanges, deathKey, type DeathRecord } from '../../../src/lib/changes/deaths';
import { atomFeed } from '../../../src/lib/changes/atom';
import { DEATHS_LEDGER, deathVersions, OBJECTS, recordDeathVersion } from '../../../scripts/release-objects';
import { SOURCES } from '../ingest/ingested';

const rec = (death_date: string, name: string, o: Partial<DeathRecord> = {}): DeathRecord => ({
  death_date, name, age: 40, facility_id: 'stwrtga', facility_published: 'Stewart Detention Center', facility_name: 'STEWART DETENTION CENTER', state: 'GA',
  fiscal_year: 2031, source_kind: 'ICE detainee death report', source_url: 'https://example.org/a.pdf', source_file: 'deaths/x.csv', source_row: 2, in_custody: true, ...o,
});

describe('deathChanges on a hand-made stream', () => {
  const a = rec('2031-01-02', 'PERSON A');
  const b = rec('2031-02-03', 'PERSON B', { facility_id: null, facility_name: null, facility_published: 'A hospital in Town', state: 'TX', source_kind: 'press report', source_row: 3 });
  const c = rec('2031-03-04', 'PERSON C', { age: null, in_custody: false, source_row: 4 });
  const versions = [
    { as_of: '2031-01-02', keys: [deathKey(a)] },
    { as_of: '2031-03-04', keys: [a, b, c].map(deathKey) },
    { as_of: '2031-03-04b', keys: [a, c].map(deathKey) },
  ];
  const { changes, files } = deathChanges(versions, [a, c]);

  it('gives each version its additions and removals, newest first, and nothing for the first', () => {
    expect(files.map((f) => [f.as_of, f.previous, f.deaths, f.changes])).toEqual([['2031-03-04b', '2031-03-04', 2, 1], ['2031-03-04', '2031-01-02', 3, 2], ['2031-01-02', null, 1, 0]]);
    expect(changes.map((x) => [x.kind, x.release])).toEqual([['death-removed', '2031-03-04b'], ['death-recorded', '2031-03-04'], ['death-recorded', '2031-03-04']]);
  });

  it('says who, when, where and from what, and a death not in custody as not counted', () => {
    const byName = (n: string) => changes.find((x) => x.kind === 'death-recorded' && x.id.endsWith(n))!;
    // B was dropped again: only its key is left.
    expect(byName('PERSON B').text).toBe('The deaths file recorded a death (2031-02-03 PERSON B) that a later version no longer lists.');
    const cc = byName('PERSON C');
    expect(cc.text).toBe('The deaths file now records the death of PERSON C on 2031-03-04, from an ICE detainee death report; its cause says the person was not in custody, so it is listed and never counted as a death in custody.');
    expect([cc.facility_id, cc.name, cc.state, cc.sources, cc.document]).toEqual(['stwrtga', 'Stewart Detention Center', 'GA', [{ file: 'deaths/x.csv', sheet: null, row: 4 }], 'https://example.org/a.pdf']);
    expect(changes[0]!.text).toBe('The deaths file no longer lists the death of PERSON B on 2031-02-03, which its version as of 2031-03-04 did.');
  });

  it('writes feed entries that name the deaths file and link the source document', () => {
    const xml = atomFeed({ site: 'https://example.org', base: '', self: '/changes.xml', page: '/changes/', title: 'x', updated: '2031-03-04', changes, source: { title: 'ICE', path: 'https://www.ice.gov/' } });
    expect(xml).toContain('<title>Death recorded: Stewart Detention Center (GA)</title>');
    expect(xml).toContain('Stewart Detention Center (GA): The deaths file now records the death of PERSON C');
    expect(xml).toContain('The deaths file as of 2031-03-04, compared with its version as of 2031-01-02.');
    expect(xml).toContain('href="https://example.org/a.pdf"');
    expect(xml).not.toContain('https://www.ice.gov/');
  });
});

describe('the real deaths file as two versions, through the ledger', () => {
  const FILE = 'deaths/all_274_deaths_detailed.csv';
  const raw = Papa.parse<Record<string, string>>(readFileSync(join(SOURCES, FILE), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const dir = mkdtempSync(join(tmpdir(), 'death-ledger-'));
  mkdirSync(join(dir, OBJECTS));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a version once, and makes the later version\'s new death an entry with its row and document', async () => {
    const keys = raw.map((r) => deathKey({ death_date: r.Date_of_Death!, name: r.Name! }));
    const last = raw.at(-1)!;
    const earlier = keys.slice(0, -1);
    const latest = (k: string[]) => k.map((x) => x.slice(0, 10)).sort().at(-1)!;
    expect(recordDeathVersion(dir, earlier, latest(earlier))).toBe(true);
    const once = readFileSync(join(dir, DEATHS_LEDGER), 'utf8');
    expect(recordDeathVersion(dir, [...earlier].reverse(), latest(earlier))).toBe(false);
    expect(readFileSync(join(dir, DEATHS_LEDGER), 'utf8')).toBe(once);
    expect(recordDeathVersion(dir, keys, latest(keys))).toBe(true);

    const con = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await con.runAndReadAll(`SELECT d.death_date::VARCHAR death_date, d.name, d.age::INT age, d.facility_id, d.facility_published, f.name facility_name, d.state, d.fiscal_year::INT fiscal_year,
        d.source_kind, d.source_url, d.source_file, d.source_row::INT source_row, d.in_custody
      FROM 'data/ice_deaths.parquet' d LEFT JOIN 'data/ice_facilities.parquet' f USING (facility_id)`)).getRowObjectsJson() as unknown as DeathRecord[];
    const { changes, files } = deathChanges(deathVersions(dir), rows);
    expect(files.map((f) => f.deaths)).toEqual([raw.length, raw.length - 1]);
    expect(changes).toHaveLength(1);
    const c = changes[0]!;
    expect(c.kind).toBe('death-recorded');
    expect(c.text).toContain(`the death of ${last.Name}`);
    expect(c.text).toContain(`on ${last.Date_of_Death}`);
    expect(c.sources).toEqual([{ file: FILE, sheet: null, row: raw.length + 1 }]);
    expect(c.document).toBe(last.PDF_URL);
    expect(c.release).toBe(latest(keys));
  });
});
