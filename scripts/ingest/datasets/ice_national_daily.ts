import type { DatasetDecl } from '../lib/types';

const MEASURE = {
  ddp_midnight: 'People held at midnight, summed over every facility code in the Deportation Data Project daily file (ICE\'s usual population measure)',
  ddp_any_time: 'People held at any time of the day, summed over facility codes; someone moved between facilities that day counts once in each',
  ice_covid_page: 'People in ICE detention as posted on ICE\'s COVID-19 page that day ("Total Detained"), scraped daily by Nathan Craig',
};
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * National daily series side by side, one row per (date, series). The ICE page series starts
 * with its first posted figure (2020-04-25); a later day posted as NA stays, with a null value.
 */
export default {
  name: 'ice_national_daily',
  title: 'ICE detention: national population by day',
  description:
    'National number of people in ICE detention by day, from two sources: the Deportation Data Project daily facility file summed over facilities (2022-10-01 to 2026-03-10; at midnight and at any time of day), and the "Total Detained" figure ICE posted on its COVID-19 page (2020-04-25 to 2022-05-05). `measure` says which count each series is.',
  sources: ['ddp-daily', 'ice-covid'],
  primaryKey: ['series', 'date'],
  temporal: 'date',
  fields: [
    { name: 'date', type: 'date', description: 'Calendar day the count describes', required: true },
    { name: 'series', type: 'string', description: 'ddp_midnight, ddp_any_time or ice_covid_page', required: true },
    { name: 'value', type: 'integer', unit: 'persons', description: 'People in ICE detention (see measure); null when not reported that day', min: 0 },
    { name: 'measure', type: 'string', description: 'What the value counts', required: true },
    { name: 'facilities', type: 'integer', description: 'DDP series: facility codes with anyone held that day (any time)', min: 0 },
    { name: 'missing', type: 'string', description: 'Why value is null (the cell as written in the source)' },
    { name: 'source_file', type: 'string', description: 'Source file', required: true },
    { name: 'source_row', type: 'integer', description: 'ICE page series: row of the value (1-based; the header is row 1). DDP series are sums over the day\'s rows' },
  ],
  sql: `SELECT date, 'ddp_midnight' AS series, sum(n_detained_at_midnight) AS value, ${q(MEASURE.ddp_midnight)} AS measure,
               count(*) FILTER (WHERE n_detained > 0) AS facilities, NULL AS missing, any_value(source_file) AS source_file, NULL AS source_row
        FROM stg_ddp_daily GROUP BY date
        UNION ALL
        SELECT date, 'ddp_any_time', sum(n_detained), ${q(MEASURE.ddp_any_time)}, count(*) FILTER (WHERE n_detained > 0), NULL, any_value(source_file), NULL
        FROM stg_ddp_daily GROUP BY date
        UNION ALL
        SELECT date::DATE, 'ice_covid_page', in_custody, ${q(MEASURE.ice_covid_page)}, NULL,
               CASE WHEN in_custody IS NULL THEN regexp_extract(missing, 'in_custody: ([^;]+)', 1) END, source_file, source_row
        FROM stg_icecovid_national
        WHERE date::DATE >= (SELECT min(date::DATE) FROM stg_icecovid_national WHERE in_custody IS NOT NULL)`,
} satisfies DatasetDecl;
