import type { DatasetDecl, FieldDecl } from '../lib/types';

const COUNTS = ['ice_convicted_criminal', 'cbp_convicted_criminal', 'ice_pending_charges', 'cbp_pending_charges', 'ice_other_violator', 'cbp_other_violator'];
const persons = (name: string, description: string): FieldDecl => ({ name, type: 'integer', unit: 'persons', description, required: true, min: 0 });
const first = (c: string) => `arg_min(${c}, source_row) AS ${c}`;

/**
 * One row per snapshot date. The same workbook was often captured several times: the earliest
 * capture is cited, and every capture of a date must carry the same six counts (checked).
 */
export default {
  name: 'ice_detained_biweekly',
  title: 'ICE detention: people currently detained, biweekly snapshots 2021–2024',
  description:
    'Number of people in ICE detention on each snapshot (EID) date of ICE\'s biweekly Detention Statistics workbooks, January 2021 to December 2024: the table "ICE Currently Detained by Criminality and Arresting Agency", split by arresting agency (ICE, CBP) and criminality. Taken from Wayback Machine captures of ice.gov compiled by Research-Basecamp; one row per snapshot date. Two EID dates printed with the wrong year are corrected, as each row\'s note explains.',
  sources: ['ice-biweekly'],
  primaryKey: ['as_of'],
  temporal: 'as_of',
  fields: [
    { name: 'as_of', type: 'date', description: 'Snapshot date (EID "as of" date)', required: true },
    persons('total', 'People currently detained: the sum of the six counts'),
    persons('ice', 'Of whom arrested by ICE'),
    persons('cbp', 'Of whom arrested by CBP'),
    persons('ice_convicted_criminal', 'Arrested by ICE, convicted criminal'),
    persons('cbp_convicted_criminal', 'Arrested by CBP, convicted criminal'),
    persons('ice_pending_charges', 'Arrested by ICE, pending criminal charges'),
    persons('cbp_pending_charges', 'Arrested by CBP, pending criminal charges'),
    persons('ice_other_violator', 'Arrested by ICE, other immigration violator'),
    persons('cbp_other_violator', 'Arrested by CBP, other immigration violator'),
    { name: 'as_of_inferred', type: 'boolean', description: 'True when the printed EID date was impossible and the date was inferred (see note)', required: true },
    { name: 'eid_date_printed', type: 'string', description: 'EID date(s) as printed in the captured workbooks (MM/DD/YYYY)', required: true },
    { name: 'captures', type: 'integer', description: 'Number of captured workbooks carrying this snapshot', required: true, min: 1 },
    { name: 'file_name', type: 'string', description: 'Earliest capture: Wayback timestamp and ICE file name', required: true },
    { name: 'note', type: 'string', description: 'Why a date was corrected, when it was' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the earliest capture (1-based; the header is row 1)', required: true },
  ],
  // Summed as BIGINT: six INTEGER counts can overflow INTEGER (a DuckDB error instead of a named one).
  sql: `SELECT as_of,
          ${COUNTS.map((c) => `arg_min(${c}, source_row)::BIGINT`).join(' + ')} AS total,
          ${COUNTS.filter((c) => c.startsWith('ice')).map((c) => `arg_min(${c}, source_row)::BIGINT`).join(' + ')} AS ice,
          ${COUNTS.filter((c) => c.startsWith('cbp')).map((c) => `arg_min(${c}, source_row)::BIGINT`).join(' + ')} AS cbp,
          ${COUNTS.map(first).join(', ')},
          bool_and(as_of_inferred) AS as_of_inferred,
          string_agg(DISTINCT eid_date_printed, ', ' ORDER BY eid_date_printed) AS eid_date_printed,
          count(*) AS captures,
          arg_min(file_name, source_row) AS file_name,
          string_agg(DISTINCT note, '; ') AS note,
          any_value(source_file) AS source_file,
          min(source_row) AS source_row
        FROM stg_ice_biweekly GROUP BY as_of`,
  checks: [
    {
      sql: `SELECT any_value(source_file) AS source_file, max(source_row) AS source_row, 'EID Date' AS "column", as_of::VARCHAR AS value
            FROM stg_ice_biweekly GROUP BY as_of HAVING count(DISTINCT (${COUNTS.join(', ')})) > 1 LIMIT 1`,
      message: 'expected every capture of one snapshot date to carry the same six counts',
    },
    {
      // A snapshot predates its capture by days to a few months; a year off is a mistyped date.
      sql: `SELECT source_file, source_row, 'EID Date' AS "column", eid_date_printed AS value FROM stg_ice_biweekly
            WHERE as_of::DATE > captured::DATE OR as_of::DATE < captured::DATE - 120 LIMIT 1`,
      message: 'expected the EID date within 120 days before the Wayback capture; add a reasoned entry to EID_CORRECTIONS in sources/ice-biweekly.ts',
    },
  ],
} satisfies DatasetDecl;
