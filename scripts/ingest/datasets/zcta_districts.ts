import type { DatasetDecl } from '../lib/types';

/** ZIP (ZCTA) → congressional district, for "who represents me" from a ZIP typed in the browser. */
export default {
  name: 'zcta_districts',
  title: 'ZIP Code Tabulation Areas by congressional district (119th Congress)',
  description:
    'Each pair of a ZIP Code Tabulation Area (ZCTA) and a congressional district it overlaps, from the Census 2020 block equivalency files for the 119th Congress (July 2024). A ZCTA spanning several districts or states has one row for each. District 0 is an at-large seat. ZCTAs approximate USPS ZIP codes; PO-box-only ZIPs have none. Redistricting after July 2024 is not reflected.',
  sources: ['zccd'],
  primaryKey: ['zcta', 'state', 'district'],
  fields: [
    { name: 'zcta', type: 'string', description: 'ZIP Code Tabulation Area, 5 digits' },
    { name: 'state', type: 'string', description: 'State or territory, 2-letter USPS code' },
    { name: 'district', type: 'integer', description: 'Congressional district number; 0 = at-large', min: 0 },
    { name: 'state_fips', type: 'string', description: 'State FIPS code, 2 digits', required: true },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT zcta, state, district, state_fips, source_file, source_row FROM stg_zccd`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'zcta' AS column, zcta AS value FROM zcta_districts WHERE NOT regexp_full_match(zcta, '\\d{5}')
            UNION ALL SELECT source_file, source_row, 'state_abbr', state FROM zcta_districts WHERE NOT regexp_full_match(state, '[A-Z]{2}')
            UNION ALL SELECT source_file, source_row, 'state_fips', state_fips FROM zcta_districts WHERE NOT regexp_full_match(state_fips, '\\d{2}') LIMIT 1`,
      message: 'expected a 5-digit ZCTA, a 2-letter state code and a 2-digit state FIPS code',
    },
    {
      sql: `SELECT any_value(source_file) source_file, min(source_row) source_row, 'state_fips' AS column, state || ' = ' || string_agg(DISTINCT state_fips, ', ') AS value
            FROM zcta_districts GROUP BY state HAVING count(DISTINCT state_fips) > 1 LIMIT 1`,
      message: 'expected one FIPS code per state',
    },
  ],
} satisfies DatasetDecl;
