import type { DatasetDecl } from '../lib/types';

/**
 * Which field office covers which state or county. A whole-state row has no county, so the key
 * is the state and the source row; one state is either whole or split county by county (checked).
 */
export default {
  name: 'ice_aor_coverage',
  title: 'ICE field offices: states and counties each area of responsibility covers',
  description:
    'The states, territories and (in California, New York and Texas) counties covered by each of the 25 ICE ERO field offices\' areas of responsibility, as compiled by the Deportation Data Project from ICE\'s field-office pages. A row with no county covers the whole state.',
  sources: ['ice-offices'],
  primaryKey: ['state_code', 'source_row'],
  fields: [
    { name: 'state_code', type: 'string', description: 'State or territory (2-letter USPS code)', required: true },
    { name: 'state', type: 'string', description: 'State or territory name as in the source', required: true },
    { name: 'county', type: 'string', description: 'County; null when the office covers the whole state' },
    { name: 'office_id', type: 'string', description: 'Field office (ice_field_offices.office_id)', required: true },
    { name: 'office_name', type: 'string', description: 'Field office name as in the source (e.g. New York City)', required: true },
    { name: 'notes', type: 'string', description: 'Source note' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT state_code, state, county, office_id, office_name, notes, source_file, source_row FROM stg_aor_coverage`,
  checks: [
    {
      sql: `SELECT source_file, max(source_row) AS source_row, 'county_name' AS "column", state || ' / ' || coalesce(county, '(whole state)') AS value
            FROM stg_aor_coverage GROUP BY source_file, state, county HAVING count(*) > 1 LIMIT 1`,
      message: 'expected each state or county under one field office only',
    },
    {
      sql: `SELECT any_value(source_file) AS source_file, max(source_row) AS source_row, 'county_name' AS "column", state AS value
            FROM stg_aor_coverage GROUP BY state HAVING count(*) FILTER (WHERE county IS NULL) > 0 AND count(*) > 1 LIMIT 1`,
      message: 'expected a state to be covered either whole or county by county, not both',
    },
  ],
} satisfies DatasetDecl;
