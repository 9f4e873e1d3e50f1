/**
 * Nathan Craig's ICE detention series: annual ADP FY1979–FY2021, monthly ADP Oct 2018 – Apr 2021,
 * and ICE's FY21 facility list geocoded with Geocodio (SOURCES-ice.md §6). All three files start
 * with a UTF-8 BOM (stripped by the reader).
 */
import { csvTable } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import { checkPoint, FACILITY_KM, stateAbbr, zip5 } from '../lib/us-places';
import type { SourceDecl } from '../lib/types';

const RAW = 'https://raw.githubusercontent.com/n8craig/ICE-Detention-Year-End-Reports/1f187b059030bee442af5b2b3a70929d653fe730/data';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const missingText = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}: ${v}`).join('; ') || null;

export default {
  id: 'ncraig-adp',
  title: 'Nathan Craig: ICE average daily population series and geocoded FY21 facilities',
  publisher: 'Nathan Craig (New Mexico State University), compiled from ICE/INS year-end detention statistics',
  homepage: 'https://github.com/n8craig/ICE-Detention-Year-End-Reports',
  license: 'attribution-requested',
  attribution: 'ICE/INS detention statistics compiled by Nathan Craig (github.com/n8craig/ICE-Detention-Year-End-Reports); facility coordinates geocoded by Nathan Craig with Geocodio.',
  via: 'GitHub n8craig/ICE-Detention-Year-End-Reports@1f187b059030bee442af5b2b3a70929d653fe730, data/',
  files: [
    // The name says how far the last year runs: "..._1979_2021_apr" = FY2021 through April.
    { dir: 'ice/ncraig-ice-adp', name: /^Immigration_Detention_ADP_(\d{4})_(\d{4})_([a-z]{3})\.csv$/, urls: [`${RAW}/Immigration_Detention_ADP_1979_2021_apr.csv`] },
    { dir: 'ice/ncraig-ice-adp', name: 'ADP_monthly_Oct18_Apr21.csv', urls: [`${RAW}/ADP_monthly_Oct18_Apr21.csv`] },
    // Published as "facilities geocoded.csv"; the local copy replaced the space with "_".
    { dir: 'ice/ncraig-ice-adp', name: /^facilities[ _]geocoded\.csv$/, urls: [`${RAW}/facilities%20geocoded.csv`] },
  ],
  async stage(ctx) {
    const [annual] = ctx.files(0);
    if (ctx.files(0).length > 1) throw new IngestError({ file: annual!.label }, `expected one annual ADP file, found ${ctx.files(0).map((f) => f.name).join(', ')}`);
    const lastYear = Number(annual!.match![2]);
    const lastMonth = MONTHS.indexOf(annual!.match![3]!);
    if (lastMonth < 0) throw new IngestError({ file: annual!.label }, 'expected the file name to end with a month abbreviation such as "_apr"');
    const monthName = new Date(Date.UTC(2000, lastMonth, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    const a = csvTable(ctx, annual!, {
      header: ['FY', 'ADP'],
      columns: {
        fiscal_year: { kind: 'integer', header: 'FY', required: true, min: 1970, max: 2030 },
        adp: { kind: 'number', header: 'ADP', min: 0 },
      },
    });
    // September closes a fiscal year; any other month means the last year is partial.
    const partial = (fy: number) => fy === lastYear && lastMonth !== 8;
    await ctx.stage('stg_ncraig_annual', { fiscal_year: 'INTEGER', adp: 'DOUBLE', partial: 'BOOLEAN', note: 'VARCHAR', missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' },
      a.records.map((r) => ({
        ...r.values,
        partial: partial(Number(r.values.fiscal_year)),
        note: partial(Number(r.values.fiscal_year)) ? `FY${lastYear} through ${monthName} ${lastMonth >= 9 ? lastYear - 1 : lastYear} only (file "${annual!.name}")` : null,
        // A blank year was not reported in the compiled series (1993): null, never 0.
        missing: missingText(r.missing),
        source_file: annual!.label,
        source_row: r.row,
      })));

    const [monthly] = ctx.files(1);
    const m = csvTable(ctx, monthly!, {
      header: ['Date', 'ADP'],
      columns: {
        month: { kind: 'text', header: 'Date', required: true },
        adp: { kind: 'number', header: 'ADP', min: 0, required: true },
      },
    });
    await ctx.stage('stg_ncraig_monthly', { month: 'VARCHAR', adp: 'DOUBLE', source_file: 'VARCHAR', source_row: 'INTEGER' },
      m.records.map((r) => {
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(String(r.values.month))) throw new IngestError({ file: monthly!.label, row: r.row, column: 'Date', value: r.values.month }, 'expected a month as YYYY-MM');
        return { ...r.values, source_file: monthly!.label, source_row: r.row };
      }));

    const [geo] = ctx.files(2);
    const g = csvTable(ctx, geo!, {
      header: ['Name', 'Latitude', 'Longitude', 'AOR'],
      columns: {
        name: { kind: 'text', header: 'Name', required: true },
        address: { kind: 'text', header: 'Address' },
        city: { kind: 'text', header: 'City' },
        state: { kind: 'text', header: 'State' },
        zip: { kind: 'text', header: 'Zip' },
        latitude: { kind: 'number', header: 'Latitude', min: -90, max: 90, required: true },
        longitude: { kind: 'number', header: 'Longitude', min: -180, max: 180, required: true },
        accuracy_score: { kind: 'number', header: 'Accuracy Score', min: 0, max: 1 },
        accuracy_type: { kind: 'text', header: 'Accuracy Type' },
        county: { kind: 'text', header: 'County' },
        aor: { kind: 'text', header: 'AOR' },
        type_detailed: { kind: 'text', header: 'Type Detailed' },
        guaranteed_minimum: { kind: 'integer', header: 'Guaranteed Minimum', min: 0 },
      },
    });
    await ctx.stage(
      'stg_loc_ncraig',
      {
        name: 'VARCHAR', address: 'VARCHAR', city: 'VARCHAR', state: 'VARCHAR', zip: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE',
        county: 'VARCHAR', aor: 'VARCHAR', type_detailed: 'VARCHAR', accuracy_score: 'DOUBLE', accuracy_type: 'VARCHAR', guaranteed_minimum: 'INTEGER',
        source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      g.records.map((r) => {
        const at = (column: string) => ({ file: geo!.label, row: r.row, column });
        const state = stateAbbr(r.values.state, at('State'));
        checkPoint({ where: at('Latitude, Longitude'), key: String(r.values.name), states: state ? [state] : [], lat: r.values.latitude as number, lon: r.values.longitude as number }, FACILITY_KM, [], 'sources/ncraig-adp.ts');
        return { ...r.values, state, zip: zip5(r.values.zip, at('Zip')), source_file: geo!.label, source_row: r.row };
      }),
    );
  },
} satisfies SourceDecl;
