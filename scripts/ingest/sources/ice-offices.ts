/**
 * Deportation Data Project's ICE office tables (SOURCES-ice.md §8): every ICE office with address
 * and coordinates (ice-offices.xlsx), and the states and counties each of the 25 ERO field
 * offices covers (ice-areas-of-responsibility.csv).
 */
import { IngestError } from '../lib/errors';
import { slug } from '../match/normalize';
import { checkPoint, FACILITY_KM, stateAbbr, stateCode, zip5 } from '../lib/us-places';
import type { Grid } from '../lib/grid';
import type { SourceDecl } from '../lib/types';

/**
 * The AOR CSV writes `"Atlanta", "Georgia", "", ""`: a space after each comma, then a quoted
 * field. Papaparse (like RFC 4180) reads ` "Georgia"` as unquoted text, quotes included, so each
 * cell is trimmed and unquoted here. A quoted field holding a comma would have been split in two
 * halves that no longer look like `"..."`: that is an error, not a guess.
 */
export function unquoteSpaced(grid: Grid): Grid {
  const label = (j: number) => String(grid.rows[0]?.[j] ?? `field ${j + 1}`).trim().replace(/^"|"$/g, '');
  const width = grid.rows[0]?.length ?? 0;
  const rows = grid.rows.map((row, i) => {
    const out = row.map((cell, j) => {
      if (cell === null || typeof cell !== 'string') return cell;
      const t = cell.trim();
      const m = t.match(/^"((?:[^"]|"")*)"$/s);
      if (!m && t.includes('"')) throw new IngestError({ file: grid.file, row: i + 1, column: label(j), value: cell }, 'expected a whole quoted field after the ", " separator');
      const v = m ? m[1]!.replace(/""/g, '"') : t;
      return v === '' ? null : v;
    });
    if (out.length !== width && out.some((c) => c !== null)) throw new IngestError({ file: grid.file, row: i + 1 }, `expected ${width} fields like the header, found ${out.length}`);
    return out;
  });
  return { ...grid, rows };
}

export default {
  id: 'ice-offices',
  title: 'Deportation Data Project: ICE offices and ERO areas of responsibility',
  publisher: 'Deportation Data Project (UC Berkeley School of Law), from ICE\'s office pages (ice.gov/contact/field-offices)',
  homepage: 'https://github.com/deportationdata/ice-offices',
  license: 'cc0',
  attribution: 'ICE office locations and areas of responsibility from ice.gov, compiled by the Deportation Data Project (deportationdata.org).',
  via: 'GitHub deportationdata/ice-detention-facilities@48ee1e4a664529a475f9f84505f614b10d292e6c (ice-offices.xlsx) and deportationdata/ice-offices@1915d7a7a5bf0c16a395102fc8140ad6cd8bc83e (ice-areas-of-responsibility.csv)',
  files: [
    { dir: 'ice/ddp-ice-offices', name: 'ice-offices.xlsx', urls: ['https://raw.githubusercontent.com/deportationdata/ice-detention-facilities/48ee1e4a664529a475f9f84505f614b10d292e6c/inputs/noccc/ice-offices.xlsx'] },
    { dir: 'ice/ddp-ice-offices', name: 'ice-areas-of-responsibility.csv', urls: ['https://raw.githubusercontent.com/deportationdata/ice-offices/1915d7a7a5bf0c16a395102fc8140ad6cd8bc83e/inputs/ice-areas-of-responsibility.csv'] },
  ],
  async stage(ctx) {
    const [xlsx] = ctx.files(0);
    const sheet = ctx.sheet(await ctx.workbook(xlsx!), 'Sheet1', xlsx!);
    const t = ctx.table(sheet, {
      header: ['office_name', 'agency', 'office_latitude', 'office_longitude'],
      columns: {
        office_name: { kind: 'text', header: 'office_name', required: true },
        office_name_short: { kind: 'text', header: 'office_name_short' },
        agency: { kind: 'text', header: 'agency', required: true },
        field_office_name: { kind: 'text', header: 'field_office_name' },
        sub_office: { kind: 'text', header: 'sub_office' },
        address: { kind: 'text', header: 'address' },
        city: { kind: 'text', header: 'city' },
        state: { kind: 'text', header: 'state' },
        zip: { kind: 'text', header: 'zip' },
        area: { kind: 'text', header: 'area' },
        latitude: { kind: 'number', header: 'office_latitude', min: -90, max: 90 },
        longitude: { kind: 'number', header: 'office_longitude', min: -180, max: 180 },
      },
    });
    await ctx.stage(
      'stg_ice_offices',
      {
        office_name: 'VARCHAR', office_name_short: 'VARCHAR', agency: 'VARCHAR', field_office_name: 'VARCHAR', sub_office: 'BOOLEAN', address: 'VARCHAR',
        city: 'VARCHAR', state: 'VARCHAR', zip: 'VARCHAR', area: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', source_file: 'VARCHAR', source_sheet: 'VARCHAR', source_row: 'INTEGER',
      },
      t.records.map((r) => {
        const sub = r.values.sub_office;
        const at = (column: string) => ({ file: xlsx!.label, sheet: sheet.sheet, row: r.row, column });
        if (sub !== null && sub !== 'true' && sub !== 'false') throw new IngestError({ ...at('sub_office'), value: sub }, 'expected TRUE or FALSE');
        const state = stateAbbr(r.values.state, at('state'));
        checkPoint({ where: at('office_latitude, office_longitude'), key: String(r.values.office_name), states: state ? [state] : [], lat: r.values.latitude as number | null, lon: r.values.longitude as number | null }, FACILITY_KM, [], 'sources/ice-offices.ts');
        return { ...r.values, state, sub_office: sub === null ? null : sub === 'true', zip: zip5(r.values.zip, at('zip')), source_file: xlsx!.label, source_sheet: sheet.sheet, source_row: r.row };
      }),
    );

    const [csv] = ctx.files(1);
    const aor = ctx.table(unquoteSpaced(ctx.csv(csv!)), {
      header: ['office_name', 'state_name', 'county_name'],
      columns: {
        office_name: { kind: 'text', header: 'office_name', required: true },
        state_name: { kind: 'text', header: 'state_name', required: true },
        county_name: { kind: 'text', header: 'county_name' },
        notes: { kind: 'text', header: 'notes' },
      },
      row: (raw) => raw.some((c) => c !== null),
    });
    await ctx.stage('stg_aor_coverage', { office_id: 'VARCHAR', office_name: 'VARCHAR', state: 'VARCHAR', state_code: 'VARCHAR', county: 'VARCHAR', notes: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' },
      aor.records.map((r) => ({
        office_id: slug(String(r.values.office_name)),
        office_name: r.values.office_name ?? null,
        state: r.values.state_name ?? null,
        state_code: stateCode(String(r.values.state_name), { file: csv!.label, row: r.row, column: 'state_name' }),
        county: r.values.county_name ?? null,
        notes: r.values.notes ?? null,
        source_file: csv!.label,
        source_row: r.row,
      })));
  },
} satisfies SourceDecl;
