import type { DatasetDecl } from '../lib/types';

/** The national ADP `Total` row of each workbook; the newest workbook wins where two cover a month. */
export default {
  name: 'ice_national_monthly',
  title: 'ICE detention: national average daily population by month',
  description:
    'National average daily population (ADP) in ICE detention for each month, from the "Total" row of the table "ICE Average Daily Population by Facility Type and Month" in each yearly ICE workbook (FY2019 on). Months ICE shows as 0 because they were not reached yet are absent; a month that the data date cuts short is flagged partial.',
  sources: ['ice-workbooks'],
  primaryKey: ['month'],
  temporal: 'month',
  fields: [
    { name: 'month', type: 'string', description: 'Calendar month, YYYY-MM', required: true },
    { name: 'fiscal_year', type: 'integer', description: 'Federal fiscal year (October–September) of the workbook', required: true },
    { name: 'adp', type: 'number', unit: 'persons', description: 'National average daily population in ICE detention that month', min: 0 },
    { name: 'partial', type: 'boolean', description: 'True when the workbook data stop before the month ends (the value covers part of the month)', required: true },
    { name: 'data_through', type: 'date', description: 'Date the workbook data run through (Footnotes sheet)', required: true },
    { name: 'source_file', type: 'string', description: 'Source workbook', required: true },
    { name: 'source_sheet', type: 'string', description: 'Sheet of the value', required: true },
    { name: 'source_row', type: 'integer', description: 'Row of the value (1-based, as Excel shows it)', required: true },
    { name: 'source_column', type: 'string', description: 'Column letter of the value', required: true },
  ],
  sql: `SELECT month, fiscal_year, adp, partial, data_through, source_file, source_sheet, source_row, source_column
        FROM stg_ice_wb_monthly WHERE month IS NOT NULL`,
} satisfies DatasetDecl;
