import { count, date, people, was } from '$lib/format';
import type { ChartSpec, Row } from '../types';
import { dateSpan } from '../period';

const MIDNIGHT = 'n_detained_at_midnight';
const ANY_TIME = 'n_detained';
const peak = (rows: Row[]) => rows.filter((r) => r.measure === MIDNIGHT && r.people !== null).sort((a, b) => Number(b.people) - Number(a.people) || String(a.date).localeCompare(String(b.date)))[0];

/**
 * One facility's daily count from ICE's own detention records (Deportation Data Project), held at
 * midnight and at any time during the day, from the first to the last day anyone was held there.
 */
export default {
  id: 'facility-daily',
  kind: 'line',
  param: 'facility',
  // ~700 facilities × up to 1,200 days × 2 measures: 68 MB of JSON a release. Not archived.
  archived: false,
  variants: `SELECT facility_id AS value FROM ice_facilities WHERE ddp_first_date IS NOT NULL ORDER BY 1`,
  title: () => 'People held each day (ICE records, Deportation Data Project)',
  subject: (p) => `SELECT name FROM facilities WHERE facility_id = '${p.facility}'`,
  subtitle: (_, rows) => `People held at midnight and at any time during the day, ${dateSpan(rows, 'date')}: the first to the last day anyone was held here in the data`,
  topic: 'ice',
  datasets: ['ice_facility_daily'],
  // Days before the first and after the last with anyone held are 0 in DDP's data (every code is listed every day): left out so a short-lived code reads.
  // One filtered scan, then the two counts stacked (a lateral join over the whole table is ~3x slower; ~700 pages run this).
  query: (p) => `
    WITH f AS (SELECT ddp_first_date AS a, ddp_last_date AS b FROM ice_facilities WHERE facility_id = '${p.facility}'),
    d AS (SELECT date, n_detained, n_detained_at_midnight FROM ice_facility_daily
          WHERE detention_facility_code = upper('${p.facility}') AND date BETWEEN (SELECT a FROM f) AND (SELECT b FROM f))
    SELECT date::VARCHAR AS date, '${MIDNIGHT}' AS measure, n_detained_at_midnight AS people FROM d
    UNION ALL
    SELECT date::VARCHAR, '${ANY_TIME}', n_detained FROM d
    ORDER BY date, measure DESC`,
  x: { field: 'date', label: 'Day', type: 'time' },
  y: { field: 'people', label: 'People held', unit: 'persons' },
  series: { field: 'measure', labels: { [MIDNIGHT]: 'Held at midnight', [ANY_TIME]: 'Held at any time in the day' } },
  columns: [
    { field: 'date', label: 'Day', format: 'date' },
    { field: 'measure', label: 'Count (DDP column)', format: 'text' },
    { field: 'people', label: 'People', format: 'count' },
  ],
  method:
    'The Deportation Data Project counts, for each ICE facility code and day, the distinct people held at any time during the day (n_detained) and those held at midnight (n_detained_at_midnight, ICE’s usual population measure), from individual ICE detention records released under FOIA.',
  caveats: [
    'These counts come from FOIA records, not ICE’s published statistics, and differ slightly from ICE’s workbooks.',
    'DDP notes that recent releases omit some hospital stays.',
  ],
  describe: (rows) => {
    const mid = rows.filter((r) => r.measure === MIDNIGHT);
    const first = mid[0];
    const last = mid.at(-1);
    const hi = peak(rows);
    if (!first || !last || !hi) return `No one was held here in the Deportation Data Project's daily data.`;
    return `At midnight on ${date(String(last.date))}, ${people(Number(last.people))} ${was(Number(last.people))} held here; on ${date(String(first.date))}, the first day shown, ${count(Number(first.people))}. The most at midnight was ${count(Number(hi.people))}, on ${date(String(hi.date))} (ICE records, Deportation Data Project).`;
  },
  annotate: (rows) => {
    const hi = peak(rows);
    return hi ? [{ x: String(hi.date), y: Number(hi.people), label: `Most at midnight: ${count(Number(hi.people))}`, series: MIDNIGHT }] : [];
  },
} satisfies ChartSpec;
