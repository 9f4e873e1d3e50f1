import type { DatasetDecl } from '../lib/types';

/** Who to call: each current member of Congress with the Washington office contacts. */
export default {
  name: 'legislators',
  title: 'Current members of Congress',
  description:
    'One row per current member of the House and Senate (including the non-voting delegates of DC and the territories) with the Washington office phone, address, website and contact form, as of the congress-legislators snapshot (2026-06-15). District 0 is an at-large seat; senators have no district. Term dates come from legislators-current.yaml. House members rarely have a contact form: use the website. Every website and contact form is an http(s) address; the source gives F000484\'s contact form as "hhttps://…", corrected here to https.',
  sources: ['congress-legislators'],
  primaryKey: ['bioguide_id'],
  fields: [
    { name: 'bioguide_id', type: 'string', description: 'Biographical Directory ID (e.g. S000033)' },
    { name: 'name', type: 'string', description: 'Official full name; first and last name where none is published yet', required: true },
    { name: 'first_name', type: 'string', description: 'First name', required: true },
    { name: 'last_name', type: 'string', description: 'Last name', required: true },
    { name: 'type', type: 'string', description: 'Chamber: sen (Senate) or rep (House, incl. delegates)', required: true },
    { name: 'state', type: 'string', description: 'State or territory, 2-letter USPS code', required: true },
    { name: 'district', type: 'integer', description: 'House district; 0 = at-large; null for senators', min: 0 },
    { name: 'senate_class', type: 'integer', description: 'Senate class (1, 2 or 3) of a senator\'s seat; null for representatives', min: 1, max: 3 },
    { name: 'party', type: 'string', description: 'Party as listed (Sanders and King: Independent)' },
    { name: 'caucus', type: 'string', description: 'Party the member caucuses with, where it differs from party (independents)' },
    { name: 'phone', type: 'string', description: 'Washington office phone, 202-xxx-xxxx' },
    { name: 'url', type: 'string', description: 'Official website' },
    { name: 'contact_form', type: 'string', description: 'Web contact form (mostly senators)' },
    { name: 'address', type: 'string', description: 'Washington office postal address' },
    { name: 'term_start', type: 'date', description: 'Start of the current term', required: true },
    { name: 'term_end', type: 'date', description: 'End of the current term', required: true },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row in the source file (1-based; the header is row 1)', required: true },
  ],
  sql: `SELECT bioguide_id, name, first_name, last_name, type, state, district, senate_class, party, caucus, phone, url, contact_form, address,
               CAST(term_start AS DATE) AS term_start, CAST(term_end AS DATE) AS term_end, source_file, source_row
        FROM stg_legislators`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'type' AS column, type || ' ' || state || coalesce(district::VARCHAR, '') || ' class ' || coalesce(senate_class::VARCHAR, '-') AS value FROM legislators
            WHERE NOT ((type = 'sen' AND district IS NULL AND senate_class IS NOT NULL) OR (type = 'rep' AND district IS NOT NULL AND senate_class IS NULL))
               OR NOT regexp_full_match(state, '[A-Z]{2}') LIMIT 1`,
      message: 'expected a senator (no district, a class) or a representative (a district, no class) of a 2-letter state',
    },
    {
      sql: `SELECT source_file, source_row, 'phone' AS column, phone AS value FROM legislators WHERE NOT regexp_full_match(phone, '\\d{3}-\\d{3}-\\d{4}') LIMIT 1`,
      message: 'expected a phone number like 202-224-5141',
    },
    {
      sql: `SELECT min(source_file) source_file, min(source_row) source_row, 'state' AS column, state AS value FROM legislators WHERE type = 'sen' GROUP BY state HAVING count(*) <> 2 LIMIT 1`,
      message: 'expected two senators per state',
    },
  ],
} satisfies DatasetDecl;
