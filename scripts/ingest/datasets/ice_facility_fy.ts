import type { DatasetDecl, FieldDecl } from '../lib/types';

const adp = (name: string, description: string): FieldDecl => ({ name, type: 'number', unit: 'persons', description: `Average daily population: ${description}`, min: 0 });

/** Facility × fiscal year, as each yearly workbook lists it. */
export default {
  name: 'ice_facility_fy',
  title: 'ICE detention facilities by fiscal year: population, length of stay, inspections',
  description:
    'One row per facility and fiscal year from the Facilities sheet of each ICE workbook (FY2019–FY2026; FY2026 is partial). ICE gives no total column: adp_total is the sum of Level A–D (which equals the sums of the criminality and threat-level columns). "#N/A", "N/A" and blank cells are null, with the reason in `missing`: not reported is never 0. Each row names its source file, sheet and row.',
  sources: ['ice-workbooks'],
  after: ['ice_facilities'],
  primaryKey: ['facility_id', 'fiscal_year'],
  temporal: 'fiscal_year',
  fields: [
    { name: 'facility_id', type: 'string', description: 'Facility id (see ice_facilities)', required: true },
    { name: 'fiscal_year', type: 'integer', description: 'Federal fiscal year (October–September)', required: true },
    { name: 'name', type: 'string', description: 'Facility name as written that year', required: true },
    { name: 'address', type: 'string', description: 'Street address that year' },
    { name: 'city', type: 'string', description: 'City' },
    { name: 'state', type: 'string', description: 'State (2-letter code); null where ICE left it blank' },
    { name: 'zip', type: 'string', description: 'ZIP code (5 digits)' },
    { name: 'aor', type: 'string', description: 'ICE ERO Area of Responsibility' },
    { name: 'type_detailed', type: 'string', description: 'ICE facility type that year' },
    { name: 'male_female', type: 'string', description: 'Sexes held' },
    adp('adp_total', 'total (sum of Level A–D)'),
    adp('adp_level_a', 'classification Level A (lowest threat)'),
    adp('adp_level_b', 'classification Level B'),
    adp('adp_level_c', 'classification Level C'),
    adp('adp_level_d', 'classification Level D (highest threat)'),
    adp('adp_male_crim', 'men with criminal convictions'),
    adp('adp_male_non_crim', 'men without criminal convictions'),
    adp('adp_female_crim', 'women with criminal convictions'),
    adp('adp_female_non_crim', 'women without criminal convictions'),
    adp('adp_threat_level_1', 'ICE threat level 1'),
    adp('adp_threat_level_2', 'ICE threat level 2'),
    adp('adp_threat_level_3', 'ICE threat level 3'),
    adp('adp_no_threat_level', 'no ICE threat level'),
    adp('adp_mandatory', 'held under mandatory detention'),
    { name: 'alos_days', type: 'number', unit: 'days', description: 'Average length of stay', min: 0 },
    { name: 'guaranteed_minimum', type: 'number', unit: 'beds', description: 'Contract guaranteed minimum', min: 0 },
    { name: 'last_inspection_type', type: 'string', description: 'Type of the last inspection' },
    { name: 'last_inspection_standard', type: 'string', description: 'Detention standard of the last inspection' },
    { name: 'last_inspection_rating', type: 'string', description: 'Final rating of the last inspection' },
    { name: 'last_inspection_date', type: 'date', description: 'Date (end date) of the last inspection' },
    { name: 'missing', type: 'string', description: 'Null columns and why ("guaranteed_minimum: blank; last_inspection_date: Scheduled FY26")' },
    { name: 'source_file', type: 'string', description: 'Source workbook', required: true },
    { name: 'source_sheet', type: 'string', description: 'Facilities sheet', required: true },
    { name: 'source_row', type: 'integer', description: 'Row (1-based)', required: true },
  ],
  sql: `
    SELECT k.facility_id, w.fiscal_year, w.name, w.address, w.city, w.state, w.zip, w.aor, w.type_detailed, w.male_female,
           w.level_a + w.level_b + w.level_c + w.level_d AS adp_total,
           w.level_a AS adp_level_a, w.level_b AS adp_level_b, w.level_c AS adp_level_c, w.level_d AS adp_level_d,
           w.male_crim AS adp_male_crim, w.male_non_crim AS adp_male_non_crim, w.female_crim AS adp_female_crim, w.female_non_crim AS adp_female_non_crim,
           w.threat_level_1 AS adp_threat_level_1, w.threat_level_2 AS adp_threat_level_2, w.threat_level_3 AS adp_threat_level_3, w.no_threat_level AS adp_no_threat_level,
           w.mandatory AS adp_mandatory, w.alos AS alos_days, w.guaranteed_minimum,
           w.last_inspection_type, w.last_inspection_standard, w.last_inspection_rating, w.last_inspection_date,
           w.missing, w.source_file, w.source_sheet, w.source_row
    FROM stg_ice_wb_facilities w JOIN stg_ice_facility_keys k USING (fiscal_year, source_file, source_row)`,
  checks: [
    {
      // The three breakdowns are three views of one population: they must agree.
      sql: `SELECT source_file, source_sheet, source_row, 'Male Crim … Female Non-Crim' AS column, round(adp_male_crim + adp_male_non_crim + adp_female_crim + adp_female_non_crim, 2) AS value
            FROM ice_facility_fy WHERE abs((adp_male_crim + adp_male_non_crim + adp_female_crim + adp_female_non_crim) - adp_total) > 1 LIMIT 1`,
      message: 'expected the criminality columns to sum to Level A–D (within 1 person)',
    },
  ],
} satisfies DatasetDecl;
