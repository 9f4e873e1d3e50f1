/**
 * ice_facilities.status, checked against the series it rests on in the committed data: a
 * facility holding people at the last midnight of the daily data, or in ICE's newest workbook, is
 * "holding people"; one nobody was held in for the last 30 days of the daily data and absent from
 * the newest workbook is "inactive", and its note says since when.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';

const query = async <T>(q: string) => {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  return (await con.runAndReadAll(q)).getRowObjectsJson() as unknown as T[];
};

describe('facility status', () => {
  it('follows the last day of the daily data and the newest workbook year', async () => {
    const rows = await query<{ id: string; status: string; note: string; midnight: number | null; recent: number | null; newest_adp: number | null }>(`
      WITH last AS (SELECT max(date) AS d FROM 'data/ice_facility_daily.parquet'),
      ddp AS (SELECT lower(detention_facility_code) AS id,
                max(n_detained_at_midnight) FILTER (WHERE date = (SELECT d FROM last)) AS midnight,
                max(n_detained) FILTER (WHERE date > (SELECT d FROM last) - 31) AS recent
              FROM 'data/ice_facility_daily.parquet' GROUP BY 1),
      fy AS (SELECT facility_id AS id, adp_total FROM 'data/ice_facility_fy.parquet' WHERE fiscal_year = (SELECT max(fiscal_year) FROM 'data/ice_facility_fy.parquet'))
      SELECT f.facility_id AS id, f.status, f.status_note AS note, ddp.midnight::DOUBLE AS midnight, ddp.recent::DOUBLE AS recent, fy.adp_total AS newest_adp
      FROM 'data/ice_facilities.parquet' f LEFT JOIN ddp ON ddp.id = f.facility_id LEFT JOIN fy ON fy.id = f.facility_id`);
    expect(rows.length).toBeGreaterThan(500);
    const holding = rows.filter((r) => (r.midnight ?? 0) > 0 || (r.newest_adp ?? 0) >= 1);
    expect(holding.filter((r) => r.status !== 'holding people')).toEqual([]);
    const inactive = rows.filter((r) => r.status === 'inactive');
    expect(inactive.length).toBeGreaterThan(0);
    for (const r of inactive) {
      expect((r.recent ?? 0) + (r.newest_adp === null ? 0 : 1), r.id).toBe(0);
      expect(r.note, r.id).toMatch(/last held \d{4}-\d\d-\d\d|last list it in FY\d{4}|no one held on any day|listed it only between year ends, last in its release of \d{4}-\d\d-\d\d|ICE's facility list of 2017 gives its last use as /);
    }
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['holding people', 'empty at the latest count', 'inactive']));
  });
});
