import type { DatasetDecl } from '../lib/types';

/**
 * Three annual series side by side, one row per (fiscal year, source): two compilations and ICE's
 * own "FY Overall" figure. They disagree in places (FY1979 ADP 2,371 vs 2,347) and none is
 * corrected to another.
 */
export default {
  name: 'ice_national_annual',
  title: 'Immigration detention: national average daily population by fiscal year, 1979 on',
  description:
    'National average daily population (ADP) in INS/ICE detention by federal fiscal year, as compiled by The Marshall Project ("Detained", FY1979–FY2019, with book-ins and average length of stay) and by Nathan Craig (FY1979–FY2021; FY2021 covers October 2020 to April 2021 only), and ICE\'s own "FY Overall" ADP from the yearly workbooks (FY2019 on; the current year is partial, up to the data date). Blank cells are null with their reason: FY1993 is blank in Craig\'s series (not reported), and Marshall lacks book-ins for 1997–1999 and length of stay for 1997, 1999 and 2000.',
  sources: ['marshall-detention', 'ncraig-adp', 'ice-workbooks'],
  primaryKey: ['source_id', 'fiscal_year'],
  temporal: 'fiscal_year',
  fields: [
    { name: 'fiscal_year', type: 'integer', description: 'Federal fiscal year (October–September)', required: true },
    { name: 'source_id', type: 'string', description: 'marshall-detention, ncraig-adp or ice-workbooks', required: true },
    { name: 'adp', type: 'number', unit: 'persons', description: 'Average daily population in detention', min: 0 },
    { name: 'book_ins', type: 'integer', unit: 'persons', description: 'Book-ins during the year (Marshall\'s "Total Detained"); Marshall only', min: 0 },
    { name: 'alos_days', type: 'number', unit: 'days', description: 'Average length of stay; Marshall only', min: 0 },
    { name: 'partial', type: 'boolean', description: 'True when the value covers only part of the fiscal year', required: true },
    { name: 'note', type: 'string', description: 'How far a partial year runs' },
    { name: 'missing', type: 'string', description: 'Columns left null and why ("blank": empty cell in the source)' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_sheet', type: 'string', description: 'Sheet, for ICE workbooks' },
    { name: 'source_row', type: 'integer', description: 'Row of the values (1-based; the header is row 1)', required: true },
    { name: 'source_column', type: 'string', description: 'Column letter of the ADP, for ICE workbooks' },
  ],
  sql: `SELECT fiscal_year, 'marshall-detention' AS source_id, adp, book_ins, alos_days, false AS partial, NULL AS note, missing, source_file, NULL AS source_sheet, source_row, NULL AS source_column
        FROM stg_marshall_annual
        UNION ALL
        SELECT fiscal_year, 'ncraig-adp', adp, NULL, NULL, partial, note, missing, source_file, NULL, source_row, NULL
        FROM stg_ncraig_annual
        UNION ALL
        SELECT fiscal_year, 'ice-workbooks', adp, NULL, NULL, partial, CASE WHEN partial THEN 'through ' || data_through END, NULL, source_file, source_sheet, source_row, source_column
        FROM stg_ice_wb_monthly WHERE month IS NULL`,
} satisfies DatasetDecl;
