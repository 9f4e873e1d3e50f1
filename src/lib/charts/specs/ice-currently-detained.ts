import { count, date } from '$lib/format';
import type { ChartSpec, Row } from '../types';
import { dateSpan } from '../period';

const high = (rows: Row[]) => rows.filter((r) => r.detained !== null).sort((a, b) => Number(b.detained) - Number(a.detained))[0];

/** The national "currently detained" count of every ICE release (about every two weeks), from ice_releases. */
export default {
  id: 'ice-currently-detained',
  kind: 'line',
  title: () => 'People in ICE detention on the day of each release',
  subtitle: (_, rows) => `ICE’s “currently detained” count in each of its biweekly workbooks, ${dateSpan(rows.filter((r) => r.detained !== null), 'release_date')}`,
  topic: 'ice',
  datasets: ['ice_releases'],
  // One point per data date: a file ICE posted again for the same date replaces the earlier one (current).
  // Where the sources hold no release for over 45 days the line breaks (a row with no figure), instead
  // of drawing a straight line across a year no file covers.
  query: () => `
    WITH r AS (SELECT *, lag(release_date) OVER (ORDER BY release_date) AS prev FROM ice_releases WHERE current)
    SELECT release_date::VARCHAR AS release_date, currently_detained AS detained, snapshot_date::VARCHAR AS snapshot_date,
           CASE WHEN date_disagreement THEN 'dates disagree: ' || notes END AS note, currently_detained_source AS source
    FROM r
    UNION ALL
    SELECT (prev + 1)::VARCHAR, NULL, NULL, 'no release in the sources from ' || prev || ' to ' || release_date, NULL
    FROM r WHERE release_date - prev > 45
    ORDER BY release_date`,
  x: { field: 'release_date', label: 'Release (data date)', type: 'time' },
  y: { field: 'detained', label: 'People detained', unit: 'persons' },
  columns: [
    { field: 'release_date', label: 'Release (data date)', format: 'date' },
    { field: 'detained', label: 'Currently detained', format: 'count' },
    { field: 'snapshot_date', label: 'Snapshot as printed', format: 'date' },
    { field: 'source', label: 'Cell', format: 'text' },
    { field: 'note', label: 'Note', format: 'text' },
  ],
  method:
    'The Total of ICE’s table “Currently Detained by Criminality and Arresting Agency” in each release: a count of the people held on the snapshot day, not an average. A release is dated by its data date, checked against the file name and the monthly table (see ice_releases).',
  caveats: ['Where the sources hold no release for more than 45 days (October 2019 to February 2021 but for FY2020’s year-end file, and a few gaps since), the line breaks; the data table names each gap.'],
  describe: (rows) => {
    const known = rows.filter((r) => r.detained !== null);
    const first = known[0];
    const last = known.at(-1);
    const hi = high(rows);
    if (!first || !last || !hi) return 'ICE’s currently detained count in each release.';
    return `ICE’s release of ${date(String(last.release_date))} counts ${count(Number(last.detained))} people in detention; its first release here, of ${date(String(first.release_date))}, ${count(Number(first.detained))}. The most in any release: ${count(Number(hi.detained))} (${date(String(hi.release_date))}).`;
  },
  annotate: (rows) => {
    const hi = high(rows);
    return hi ? [{ x: String(hi.release_date), y: Number(hi.detained), label: `Most: ${count(Number(hi.detained))}` }] : [];
  },
} satisfies ChartSpec;
