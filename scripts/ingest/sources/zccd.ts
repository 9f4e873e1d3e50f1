/**
 * ZCTA → congressional district (119th Congress) from Census 2020 block equivalency and ZCTA
 * relationship files, compiled by OpenSourceActivismTech (SOURCES-other.md §C2). A ZCTA spanning
 * districts or states has one row per (state, district).
 */
import { csvTable } from '../lib/csv-table';
import type { SourceDecl } from '../lib/types';

const COMMIT = '1335b61ff36b6835a25fc63c754070a6148110e7';

export default {
  id: 'zccd',
  title: 'ZIP Code Tabulation Areas by congressional district, 119th Congress',
  publisher: 'U.S. Census Bureau (block equivalency and relationship files); compiled by OpenSourceActivismTech / Spacedog XYZ',
  homepage: 'https://github.com/OpenSourceActivismTech/us-zipcodes-congress',
  license: 'public-domain-us',
  attribution: 'ZCTA to congressional district: U.S. Census Bureau 119th Congress block equivalency files, compiled by OpenSourceActivismTech/us-zipcodes-congress.',
  via: `GitHub OpenSourceActivismTech/us-zipcodes-congress@${COMMIT}`,
  files: [{ dir: 'legislators', name: 'zccd.csv', urls: [`https://raw.githubusercontent.com/OpenSourceActivismTech/us-zipcodes-congress/${COMMIT}/zccd.csv`] }],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = csvTable(ctx, file!, {
      header: ['state_fips', 'state_abbr', 'zcta', 'cd'],
      columns: {
        state_fips: { kind: 'text', header: 'state_fips', required: true },
        state: { kind: 'text', header: 'state_abbr', required: true },
        zcta: { kind: 'text', header: 'zcta', required: true },
        // 0 = at-large (one district for the whole state, or a non-voting delegate's territory).
        district: { kind: 'integer', header: 'cd', required: true, min: 0, max: 99 },
      },
    });
    await ctx.stage(
      'stg_zccd',
      { zcta: 'VARCHAR', state: 'VARCHAR', district: 'INTEGER', state_fips: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' },
      t.records.map((r) => ({ ...r.values, source_file: file!.label, source_row: r.row })),
    );
  },
} satisfies SourceDecl;
