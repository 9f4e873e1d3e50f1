/**
 * The Marshall Project, "Detained" (2019): national detention figures FY1979–FY2019 and the ICE
 * facility list with coordinates (SOURCES-ice.md §5). Both files have old-Mac CR line endings
 * (papaparse detects them) and quoted thousands ("49,403"); locations.csv has stray 0xCC bytes.
 */
import { csvTable } from '../lib/csv-table';
import { parseCell } from '../lib/cells';
import { IngestError } from '../lib/errors';
import { checkPoint, FACILITY_KM, stateAbbr, zip5, type PointException } from '../lib/us-places';
import type { SourceDecl } from '../lib/types';

const RAW = 'https://raw.githubusercontent.com/themarshallproject/dhs_immigration_detention/8e3b0d943d5c0194e6060eaf6e5394f2f72d0a34';
const missingText = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}: ${v}`).join('; ') || null;

/**
 * Rows whose point is not in the State they give (reviewed 2026-12 against the address and the
 * DETLOC code, whose last two letters are the state): three geocodes of a namesake county
 * elsewhere are dropped; one row whose code and city are Idaho's but whose address, ZIP and point
 * are Indiana's is kept as is, since the point is where its address is.
 */
export const OUTSIDE_STATE: PointException[] = [
  { key: 'CLARKID', lat: 38.277682, lon: -85.7375976, action: 'keep', why: 'code, city (Dubois) and AOR (SLC) are Clark County, Idaho, but the address "501 E Court Ave #159, Jeffersonville, IN 47130", the ZIP and the point are the Clark County Jail in Indiana' },
  { key: 'MONTGAL', lat: 39.760184, lon: -84.179834, action: 'drop', why: 'the point is in Dayton, Ohio (Montgomery County, OH), 546 km from the facility at 250 McDonough Street, Montgomery, Alabama' },
  { key: 'STCGOVI', lat: 36.834537, lon: -76.033768, action: 'drop', why: 'the point is in Virginia Beach, Virginia, not at Golden Grove, St. Croix, U.S. Virgin Islands' },
  { key: 'THOMAKS', lat: 30.836775, lon: -83.962325, action: 'drop', why: 'the point is in Thomasville, Georgia (Thomas County, GA), not in Colby, Kansas (Thomas County, KS)' },
];

/**
 * Use dates are day-first (4/11/17 = 4 Nov 2017; no second part exceeds 12, many first parts
 * do). Some give only a year ("1985") or a month ("Oct-82"): kept as text, with no date.
 */
export function useDate(text: string | number | null | undefined, where: { file: string; row: number; column: string }): string | null {
  if (text === null || text === undefined || /^\d{4}$|^[A-Z][a-z]{2}-\d{2}$/.test(String(text))) return null;
  return parseCell(String(text), { kind: 'date', formats: ['%d/%m/%y', '%d/%m/%Y'] }, where).value as string;
}

export default {
  id: 'marshall-detention',
  title: 'The Marshall Project, "Detained": immigration detention 1979–2019 and facility locations',
  publisher: 'The Marshall Project (Andrew R. Calderon), from INS/ICE budget documents, DHS, CRS and an NIJC FOIA of ICE\'s facility list',
  homepage: 'https://www.themarshallproject.org/2019/09/24/detained',
  license: 'attribution-requested',
  attribution: 'The Marshall Project, "Detained" (2019), github.com/themarshallproject/dhs_immigration_detention.',
  via: 'GitHub themarshallproject/dhs_immigration_detention@8e3b0d943d5c0194e6060eaf6e5394f2f72d0a34',
  files: [
    { dir: 'ice/marshall-project-detention', name: 'detention.csv', urls: [`${RAW}/detention.csv`] },
    { dir: 'ice/marshall-project-detention', name: 'locations.csv', encoding: 'utf-8-lenient', urls: [`${RAW}/locations.csv`] },
  ],
  async stage(ctx) {
    const [det] = ctx.files(0);
    const t = csvTable(ctx, det!, {
      header: ['Year', 'Average Daily Population'],
      columns: {
        fiscal_year: { kind: 'integer', header: 'Year', required: true, min: 1970, max: 2030 },
        book_ins: { kind: 'integer', header: 'Total Detained', min: 0 },
        adp: { kind: 'number', header: 'Average Daily Population', min: 0 },
        alos_days: { kind: 'number', header: 'Average Length of Stay (days)', min: 0 },
      },
    });
    await ctx.stage('stg_marshall_annual', { fiscal_year: 'INTEGER', adp: 'DOUBLE', book_ins: 'INTEGER', alos_days: 'DOUBLE', missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' },
      t.records.map((r) => ({ ...r.values, missing: missingText(r.missing), source_file: det!.label, source_row: r.row })));

    const [locFile] = ctx.files(1);
    const loc = csvTable(ctx, locFile!, {
      header: ['DETLOC', 'Name', 'Lat', 'Lng'],
      columns: {
        detloc: { kind: 'text', header: 'DETLOC' },
        name: { kind: 'text', header: 'Name', required: true },
        address: { kind: 'text', header: 'Address' },
        city: { kind: 'text', header: 'City' },
        county: { kind: 'text', header: 'County' },
        state: { kind: 'text', header: 'State' },
        zip: { kind: 'text', header: 'Zip' },
        aor: { kind: 'text', header: 'AOR' },
        last_use_text: { kind: 'text', header: 'Date of Last Use' },
        first_use_text: { kind: 'text', header: 'Date of First Use' },
        latitude: { kind: 'number', header: 'Lat', min: -90, max: 90 },
        longitude: { kind: 'number', header: 'Lng', min: -180, max: 180 },
      },
    });
    await ctx.stage(
      'stg_loc_marshall',
      {
        detloc: 'VARCHAR', name: 'VARCHAR', address: 'VARCHAR', city: 'VARCHAR', county: 'VARCHAR', state: 'VARCHAR', zip: 'VARCHAR', aor: 'VARCHAR',
        first_use: 'DATE', last_use: 'DATE', first_use_text: 'VARCHAR', last_use_text: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE',
        missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER',
      },
      loc.records.map((r) => {
        const at = (column: string) => ({ file: locFile!.label, row: r.row, column });
        if (r.values.detloc !== null && !/^[A-Z0-9]{3,7}$/.test(String(r.values.detloc))) throw new IngestError({ ...at('DETLOC'), value: r.values.detloc }, 'expected an ICE facility code (3–7 capitals or digits)');
        const state = stateAbbr(r.values.state, at('State'));
        const point = { lat: r.values.latitude as number | null, lon: r.values.longitude as number | null };
        const dropped = checkPoint({ where: at('Lat, Lng'), key: String(r.values.detloc ?? ''), states: state ? [state] : [], ...point }, FACILITY_KM, OUTSIDE_STATE, 'OUTSIDE_STATE, sources/marshall-detention.ts');
        if (dropped) r.missing.latitude = r.missing.longitude = dropped;
        return {
          ...r.values,
          ...(dropped ? { latitude: null, longitude: null } : {}),
          // One address holds a quoted line break ("Le\uFFFDn\rSan Juan, 00917"): fold it to a space.
          address: r.values.address === null ? null : String(r.values.address).replace(/\s+/g, ' '),
          state,
          zip: zip5(r.values.zip, at('Zip')),
          first_use: useDate(r.values.first_use_text, at('Date of First Use')),
          last_use: useDate(r.values.last_use_text, at('Date of Last Use')),
          missing: missingText(r.missing),
          source_file: locFile!.label,
          source_row: r.row,
        };
      }),
    );
  },
} satisfies SourceDecl;
