/** Labels of the fiscal-year table: ICE's own column names beside plain words, grouped as ICE groups them. */
import type { FiscalYear } from './types';

export type FyField = Exclude<keyof FiscalYear, 'fiscal_year' | 'name' | 'type_detailed' | 'aor' | 'missing' | 'source_file' | 'source_sheet' | 'source_row' | 'partial'>;

export interface FyRowSpec {
  field: FyField;
  label: string;
  format: 'count' | 'number' | 'text' | 'date';
}

export const FY_GROUPS: { title: string; rows: FyRowSpec[] }[] = [
  {
    title: 'Average daily population (people held on an average day)',
    rows: [{ field: 'adp_total', label: 'Total (sum of Level A–D)', format: 'count' }],
  },
  {
    title: 'By classification level',
    rows: [
      { field: 'adp_level_a', label: 'Level A (lowest threat)', format: 'count' },
      { field: 'adp_level_b', label: 'Level B', format: 'count' },
      { field: 'adp_level_c', label: 'Level C', format: 'count' },
      { field: 'adp_level_d', label: 'Level D (highest threat)', format: 'count' },
    ],
  },
  {
    title: 'By criminality',
    rows: [
      { field: 'adp_male_crim', label: 'Male Crim (men with criminal convictions)', format: 'count' },
      { field: 'adp_male_non_crim', label: 'Male Non-Crim (men without)', format: 'count' },
      { field: 'adp_female_crim', label: 'Female Crim (women with criminal convictions)', format: 'count' },
      { field: 'adp_female_non_crim', label: 'Female Non-Crim (women without)', format: 'count' },
    ],
  },
  {
    title: 'By ICE threat level',
    rows: [
      { field: 'adp_threat_level_1', label: 'ICE Threat Level 1', format: 'count' },
      { field: 'adp_threat_level_2', label: 'ICE Threat Level 2', format: 'count' },
      { field: 'adp_threat_level_3', label: 'ICE Threat Level 3', format: 'count' },
      { field: 'adp_no_threat_level', label: 'No ICE Threat Level', format: 'count' },
    ],
  },
  {
    title: 'Mandatory detention',
    rows: [{ field: 'adp_mandatory', label: 'Held under mandatory detention', format: 'count' }],
  },
  {
    title: 'Stays and contract',
    rows: [
      { field: 'alos_days', label: 'Average length of stay (days)', format: 'number' },
      { field: 'guaranteed_minimum', label: 'Guaranteed minimum (beds in the contract)', format: 'count' },
    ],
  },
  {
    title: 'Last inspection, as listed that year',
    rows: [
      { field: 'last_inspection_type', label: 'Type', format: 'text' },
      { field: 'last_inspection_standard', label: 'Standard', format: 'text' },
      { field: 'last_inspection_rating', label: 'Final rating', format: 'text' },
      { field: 'last_inspection_date', label: 'Date (end date)', format: 'date' },
    ],
  },
];
