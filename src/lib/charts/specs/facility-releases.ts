import { count, date, people } from '$lib/format';
import type { ChartSpec } from '../types';
import { dateSpan } from '../period';

const BETWEEN = 'interval_adp';
const YTD = 'adp_fytd';

/**
 * One facility's population release by release: ICE's fiscal-year-to-date average as each
 * biweekly workbook gave it, and the average between two releases worked out from two of them
 * (ice_facility_releases). A release with no figure for the interval leaves a gap, not a zero.
 */
export default {
  id: 'facility-releases',
  kind: 'line',
  param: 'facility',
  // ~800 facilities × up to 130 releases: kept out of the per-release archive, like the daily series.
  archived: false,
  variants: `SELECT facility_id AS value FROM ice_facility_releases WHERE current GROUP BY 1 HAVING count(*) > 1 ORDER BY 1`,
  title: () => 'Population release by release (ICE biweekly workbooks)',
  subject: (p) => `SELECT name FROM facilities WHERE facility_id = '${p.facility}'`,
  // The query adds a row at each fiscal year's start (October 1) to break the line; the period is that of the releases.
  subtitle: (_, rows) => `Average people held per day between two ICE releases, and ICE’s fiscal-year-to-date average as of each release, ${dateSpan(rows.filter((r) => r.source_file !== null), 'release_date')}`,
  topic: 'ice',
  datasets: ['ice_facility_releases', 'ice_releases'],
  // The year-to-date average restarts each October: a row with no figure at each fiscal year's start
  // breaks its line there, instead of joining one year's average to the next.
  query: (p) => `
    WITH r AS (SELECT f.*, x.facilities_repeated OR x.facilities_inconsistent AS left_out
               FROM ice_facility_releases f JOIN ice_releases x USING (sha256) WHERE f.facility_id = '${p.facility}' AND f.current)
    SELECT release_date::VARCHAR AS release_date, '${BETWEEN}' AS measure, round(interval_adp, 1) AS people,
           CASE WHEN interval_adp IS NULL THEN interval_note ELSE 'from ' || interval_start || ', ' || interval_days || ' days' END AS note,
           interval_start::VARCHAR AS interval_start, fiscal_year, source_file, source_row FROM r
    UNION ALL
    -- A table repeated from an earlier release, or one that does not add up to ICE's national figure, is left out (with why).
    SELECT release_date::VARCHAR, '${YTD}', CASE WHEN NOT left_out THEN round(adp_fytd, 1) END,
           CASE WHEN left_out THEN 'left out: this release''s facilities table repeats an earlier one or does not add up (ice_releases.notes)' ELSE 'FY' || fiscal_year || ' to date' END,
           NULL, fiscal_year, source_file, source_row FROM r
    UNION ALL
    SELECT (fiscal_year - 1) || '-10-01', '${YTD}', NULL, 'FY' || fiscal_year || ' begins: the year-to-date average starts again', NULL, fiscal_year, NULL, NULL
    FROM (SELECT DISTINCT fiscal_year FROM r)
    -- source_row breaks ties (a facility listed twice in one workbook): the same rows in the same order every build, so its CSV and image do not change without a reason.
    ORDER BY release_date, measure DESC, source_row`,
  x: { field: 'release_date', label: 'Release (data date)', type: 'time' },
  y: { field: 'people', label: 'People held (average per day)', unit: 'persons' },
  series: { field: 'measure', labels: { [BETWEEN]: 'Between releases', [YTD]: 'Fiscal year to date' } },
  columns: [
    { field: 'release_date', label: 'Release (data date)', format: 'date' },
    { field: 'measure', label: 'Measure', format: 'text' },
    { field: 'people', label: 'People (average per day)', format: 'number' },
    { field: 'note', label: 'Period, or why there is no figure', format: 'text' },
    { field: 'source_file', label: 'Source file', format: 'text' },
    { field: 'source_row', label: 'Row', format: 'text' },
  ],
  method:
    'Each ICE workbook gives a facility’s average daily population from October 1 to its data date (the sum of Level A–D). The average between two releases of the same fiscal year is (ADP now × days now − ADP before × days before) ÷ the days between, where the days are the count behind ICE’s own averages, worked out from the averages themselves (ADP × days is a whole number of person-days).',
  caveats: [
    'ICE’s biweekly tables sometimes repeat an earlier release, do not add up to ICE’s own national figure, or do not fit together; those figures are left out, with the reason in the data table.',
    'The year-to-date line restarts each October.',
  ],
  describe: (rows) => {
    const between = rows.filter((r) => r.measure === BETWEEN && r.people !== null);
    const ytd = rows.filter((r) => r.measure === YTD && r.people !== null);
    const last = between.at(-1);
    const lastYtd = ytd.at(-1);
    if (!lastYtd) return 'ICE’s releases list this facility without a population figure.';
    const hi = [...between].sort((a, b) => Number(b.people) - Number(a.people))[0];
    const first = rows.find((r) => r.source_file !== null);
    return [
      `ICE’s release of ${date(String(lastYtd.release_date))} gives ${people(Number(lastYtd.people))} a day on average in FY${lastYtd.fiscal_year} to date.`,
      last ? `Between ICE's releases of ${date(String(last.interval_start))} and ${date(String(last.release_date))}, ${count(Number(last.people))} a day.` : '',
      hi && hi !== last ? `The highest between two releases: ${count(Number(hi.people))}, in the interval ending ${date(String(hi.release_date))}.` : '',
      first ? `First listed in the releases here on ${date(String(first.release_date))}.` : '',
    ].filter(Boolean).join(' ');
  },
} satisfies ChartSpec;
