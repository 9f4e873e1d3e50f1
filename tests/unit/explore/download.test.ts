import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvZip, parquet, type About } from '../../../src/lib/explore/download';
import { exploreSchema } from '../../../src/lib/server/explore';
import { sql } from '../../browser/harness';

const datasets = exploreSchema().filter((d) => d.name === 'ice_facility_fy');
const about: About = {
  result: {
    sql: 'SELECT … FROM ice_facility_fy',
    ms: 12,
    rowCount: 3,
    columns: [
      { name: 'name', kind: 'text' },
      { name: 'adp', kind: 'number' },
      { name: 'n', kind: 'number' },
      { name: 'day', kind: 'date' },
      { name: 'ok', kind: 'boolean' },
    ],
    rows: [
      ['STEWART, "GA"', 2079.5, 3, '2026-03-10', true],
      [null, null, null, null, null],
      ['Ünïcode', 0, -2, '1999-12-31', false],
    ],
  },
  datasets,
  url: 'http://127.0.0.1/explore/?sql=x',
  made: '2026-11-25T07:00:00.000Z',
};

describe('downloads keep their provenance', () => {
  it('zips the CSV with a datapackage.json and a README naming the sources and licenses', () => {
    const files = unzipSync(csvZip(about));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'datapackage.json', 'result.csv']);
    expect(strFromU8(files['result.csv']!)).toBe('name,adp,n,day,ok\n"STEWART, ""GA""",2079.5,3,2026-03-10,true\n,,,,\nÜnïcode,0,-2,1999-12-31,false');
    const pkg = JSON.parse(strFromU8(files['datapackage.json']!));
    expect(pkg.resources[0].schema.fields.map((f: { type: string }) => f.type)).toEqual(['string', 'number', 'integer', 'date', 'boolean']);
    expect(pkg.resources[0].sources).toEqual(datasets[0]!.sources);
    expect(pkg.resources[0].licenses.map((l: { name: string }) => l.name)).toEqual(datasets[0]!.licenses.map((l) => l.name));
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain(about.result.sql);
    expect(readme).toContain(datasets[0]!.attribution);
  });

  it('writes text a spreadsheet would run as a formula with an apostrophe, and says so in the README', () => {
    const formula: About = {
      ...about,
      result: {
        sql: `SELECT '=HYPERLINK("x")' AS v, -5 AS n, '-5' AS t, '+1' AS "=col"`,
        ms: 1,
        rowCount: 2,
        columns: [
          { name: 'v', kind: 'text' },
          { name: 'n', kind: 'number' },
          { name: 't', kind: 'text' },
          { name: '=col', kind: 'text' },
        ],
        rows: [
          ['=HYPERLINK("x")', -5, '-5', '+1'],
          ['@SUM(A1)', 3, '\tcmd', 'plain'],
        ],
      },
    };
    const files = unzipSync(csvZip(formula));
    expect(strFromU8(files['result.csv']!)).toBe(`v,n,t,'=col\n"'=HYPERLINK(""x"")",-5,'-5,'+1\n'@SUM(A1),3,'\tcmd,plain`);
    expect(strFromU8(files['README.txt']!)).toMatch(/starts with =, \+, -, @, a tab or\sa carriage return is written with an apostrophe/);
  });

  it('writes Parquet DuckDB reads back, typed, with the sources in its metadata', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'explore-')), 'result.parquet');
    writeFileSync(file, new Uint8Array(parquet(about)));
    const rows = await sql(`SELECT * FROM '${file}'`);
    expect(rows).toEqual([
      { name: 'STEWART, "GA"', adp: 2079.5, n: '3', day: '2026-03-10', ok: true },
      { name: null, adp: null, n: null, day: null, ok: null },
      { name: 'Ünïcode', adp: 0, n: '-2', day: '1999-12-31', ok: false },
    ]);
    const types = await sql<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM '${file}'`);
    expect(types.map((t) => t.column_type)).toEqual(['VARCHAR', 'DOUBLE', 'BIGINT', 'DATE', 'BOOLEAN']);
    const meta = await sql<{ key: string; value: string }>(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`);
    const kv = Object.fromEntries(meta.map((m) => [m.key, m.value]));
    expect(kv.query).toBe(about.result.sql);
    expect(JSON.parse(kv.sources!)).toEqual(datasets[0]!.sources);
    expect(JSON.parse(kv.licenses!)).toEqual(datasets[0]!.licenses.map((l) => l.name));
  });
});
