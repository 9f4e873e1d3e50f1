import type { DatasetDecl } from '../lib/types';

/** "Currently detained" on the snapshot date of each yearly workbook (national docket, EID). */
export default {
  name: 'ice_detained_snapshots',
  title: 'ICE detention: people currently detained, workbook snapshots',
  description:
    'Number of people in ICE detention on the snapshot date of each yearly ICE workbook: the Total row of "ICE Currently Detained by Criminality and Arresting Agency", split by arresting agency (ICE, CBP). The snapshot date is the "National Docket data are a snapshot as of" date in the Footnotes sheet.',
  sources: ['ice-workbooks'],
  primaryKey: ['as_of'],
  temporal: 'as_of',
  fields: [
    { name: 'as_of', type: 'date', description: 'Snapshot date (EID as of)', required: true },
    { name: 'fiscal_year', type: 'integer', description: 'Fiscal year of the workbook', required: true },
    { name: 'total', type: 'integer', unit: 'persons', description: 'People currently detained', min: 0 },
    { name: 'ice', type: 'integer', unit: 'persons', description: 'Of whom arrested by ICE', min: 0 },
    { name: 'cbp', type: 'integer', unit: 'persons', description: 'Of whom arrested by CBP', min: 0 },
    { name: 'source_file', type: 'string', description: 'Source workbook', required: true },
    { name: 'source_sheet', type: 'string', description: 'Sheet of the total', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the total (1-based)', required: true },
    { name: 'source_column', type: 'string', description: 'Column letter of the total', required: true },
  ],
  sql: `SELECT as_of, fiscal_year, total, ice, cbp, source_file, source_sheet, source_row, source_column FROM stg_ice_wb_detained`,
  checks: [
    {
      sql: `SELECT source_file, source_sheet, source_row, source_column AS column, total AS value FROM stg_ice_wb_detained WHERE total <> ice + cbp`,
      message: 'expected the Total to equal ICE + CBP',
    },
  ],
} satisfies DatasetDecl;
