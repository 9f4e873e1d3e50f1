import type { DatasetDecl } from '../lib/types';

const WB = `'U.S. Immigration and Customs Enforcement' AS publisher, 'ICE Detention Statistics' AS source_title, 'https://www.ice.gov/detain/detention-management' AS source_url`;

/**
 * Every figure the site states in words, each read from a processed row and carrying that row's
 * source cell. Pages quote these; nothing on a page is typed in.
 */
export default {
  name: 'headline_figures',
  title: 'Headline figures, each with its source cell and method',
  description:
    'The figures the dashboard states in words (people incarcerated in the US, the ICE detention population in spring 2020 and now, prisoners under state and federal jurisdiction, the BJS incarcerated total at its 2008 peak), each with its value, date, publisher, address, the source file, sheet, row and column it was read from, and a one-line method.',
  sources: ['ppi-whole-pie', 'ice-workbooks', 'bjs-p22st', 'bjs-prisoners-reports', 'mitsuoxv-prisoners', 'bjs-cpus16', 'ddp-daily', 'ice-covid'],
  after: ['ice_national_monthly', 'ice_detained_snapshots', 'prison_population', 'incarceration_totals', 'ice_national_daily'],
  primaryKey: ['id'],
  temporal: 'as_of',
  fields: [
    { name: 'id', type: 'string', description: 'Stable identifier the site uses', required: true },
    { name: 'label', type: 'string', description: 'What the figure counts', required: true },
    { name: 'value', type: 'number', description: 'The figure', required: true, min: 0 },
    { name: 'qualifier', type: 'string', description: 'Word the source puts before the figure ("almost"), if any' },
    { name: 'unit', type: 'string', description: 'Unit of the value', required: true },
    { name: 'as_of', type: 'date', description: 'Date the figure describes (end of the period for averages)', required: true },
    { name: 'period', type: 'string', description: 'Period an average covers (YYYY-MM, FYYYYY), if any' },
    { name: 'publisher', type: 'string', description: 'Who published the figure', required: true },
    { name: 'source_title', type: 'string', description: 'Title of the publication', required: true },
    { name: 'source_url', type: 'string', description: 'Original address', required: true },
    { name: 'source_file', type: 'string', description: 'Raw file the value was read from (under ../shared/sources)', required: true },
    { name: 'source_sheet', type: 'string', description: 'Sheet, for workbooks' },
    { name: 'source_row', type: 'integer', description: 'Row, 1-based as a spreadsheet shows it (null for a sum over many rows, see source_column)' },
    { name: 'source_column', type: 'string', description: 'Column letter or header', required: true },
    { name: 'method', type: 'string', description: 'How the figure is measured, in one line', required: true },
  ],
  sql: `
    SELECT 'incarcerated_ppi_2020' AS id, 'People held in US prisons, jails and other facilities of the criminal justice system' AS label,
           people AS value, people_qualifier AS qualifier, 'persons' AS unit, published AS as_of, NULL AS period,
           'Prison Policy Initiative' AS publisher, title AS source_title, url AS source_url,
           source_file, NULL AS source_sheet, source_row, 'people' AS source_column,
           'Headline of the report ("holds almost 2.3 million people"): PPI''s estimate across state and federal prisons, local jails, juvenile, immigration, Indian Country and other facilities, from the most recent data available in early 2020.' AS method
    FROM stg_ppi WHERE edition = 2020
    UNION ALL
    SELECT 'ice_adp_2020_03', 'People in ICE immigration detention, average per day, March 2020',
           adp, NULL, 'persons', last_day((month || '-01')::DATE), month, ${WB},
           source_file, source_sheet, source_row, source_column,
           'Average daily population (ADP): the national Total row of "ICE Average Daily Population by Facility Type and Month", FY2020 workbook.'
    FROM ice_national_monthly WHERE month = '2020-03'
    UNION ALL
    (SELECT 'ice_adp_latest_month', 'People in ICE immigration detention, average per day, latest full month',
           adp, NULL, 'persons', last_day((month || '-01')::DATE), month, ${WB},
           source_file, source_sheet, source_row, source_column,
           'Average daily population (ADP) of the latest month the newest ICE workbook covers in full (national Total row).'
    FROM ice_national_monthly WHERE NOT partial ORDER BY month DESC LIMIT 1)
    UNION ALL
    (SELECT 'ice_detained_latest', 'People in ICE immigration detention on one day (latest snapshot)',
           total, NULL, 'persons', as_of, NULL, ${WB},
           source_file, source_sheet, source_row, source_column,
           'Count of people in detention on the snapshot date ("ICE Currently Detained by Criminality and Arresting Agency", Total), newest ICE workbook.'
    FROM ice_detained_snapshots ORDER BY as_of DESC LIMIT 1)
    UNION ALL
    (SELECT 'ice_ddp_latest_day', 'People in ICE immigration detention at midnight (latest day of the DDP daily data)',
           value, NULL, 'persons', date, NULL, 'Deportation Data Project (UC Berkeley Law)', 'ICE detention facilities daily population (FOIA records)',
           'https://deportationdata.org/docs/ice/codebook-facilities-daily-population.html',
           source_file, NULL, NULL, 'n_detained_at_midnight, summed over the ' || facilities || ' facility codes of that date',
           'Sum over facilities of people held at midnight, from individual ICE detention records released under FOIA; differs slightly from ICE''s published statistics.'
    FROM ice_national_daily WHERE series = 'ddp_midnight' ORDER BY date DESC LIMIT 1)
    UNION ALL
    (SELECT 'prisoners_latest', 'People in state and federal prisons (under their jurisdiction), December 31, ' || year,
           prisoners, NULL, 'persons', make_date(year::INT, 12, 31), NULL, 'Bureau of Justice Statistics', report,
           'https://bjs.ojp.gov/library/publications/prisoners-2022-statistical-tables',
           source_file, NULL, source_row, source_column,
           'National Prisoner Statistics: prisoners under state or federal jurisdiction on December 31, any sentence, wherever held (including private prisons and local jails).'
    FROM prison_population WHERE jurisdiction = 'US' AND prisoners IS NOT NULL ORDER BY year DESC LIMIT 1)
    UNION ALL
    (SELECT 'bjs_incarcerated_peak', 'People incarcerated in US prisons and local jails at the ' || year || ' peak (BJS)',
           incarcerated_total, NULL, 'persons', as_of, NULL, 'Bureau of Justice Statistics', 'Correctional Populations in the United States, 2016, table 1',
           'https://bjs.ojp.gov/library/publications/list?series_filter=Correctional%20Populations',
           source_file, NULL, source_row, 'Incarcerated: Total',
           'BJS total of people in prisons (December 31) and local jails (last weekday in June), rounded to the nearest 100; ICE detention, territories, military, Indian country and juvenile facilities are not included.'
    FROM incarceration_totals WHERE incarcerated_total IS NOT NULL ORDER BY incarcerated_total DESC LIMIT 1)`,
} satisfies DatasetDecl;
