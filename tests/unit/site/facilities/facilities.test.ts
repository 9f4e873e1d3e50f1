/**
 * The facility pages' server module over the committed data (real DuckDB): figures checked
 * against cells read from the raw files (../shared/sources/SOURCES-ice.md, SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { officeOf, type FacilityActionsFile } from '$lib/facilities/field-office';
import { cellRef } from '$lib/facilities/provenance';
import { comparedYears, directory, facilityIds, facilityPage, outlinedStates, stateSvg, statesSvg } from '$lib/server/facilities';
import { applyFilters, change, NO_FILTERS, percentChange } from '$lib/facilities/directory';
import { directoryPage, PAGE_SIZE } from '$lib/server/facility-directory';
import { query } from '$lib/server/data';

describe('facilityPage', () => {
  it('gives Stewart’s workbook rows with provenance, partial years and ICE’s blanks', async () => {
    const f = (await facilityPage('stwrtga'))!;
    expect(f.kind).toBe('ice');
    const fy20 = f.ice!.years.find((y) => y.fiscal_year === 2020)!;
    // FY20 file, sheet "Facilities EOYFY20 ", row 8: Male Crim 746.81, Guaranteed Minimum 1600; total ≈ 1351.8.
    expect(fy20.adp_total).toBeCloseTo(1351.76, 2);
    expect(fy20.adp_male_crim).toBeCloseTo(746.81, 2);
    expect(fy20.guaranteed_minimum).toBe(1600);
    expect([fy20.source_file, fy20.source_sheet, fy20.source_row]).toEqual(['ice/ice-detention-stats-xlsx/FY20-detentionstats.xlsx', 'Facilities EOYFY20 ', 8]);
    expect(fy20.partial).toBeNull();
    expect(f.ice!.years.find((y) => y.fiscal_year === 2024)!.adp_total).toBeCloseTo(1533.6, 1);
    // The current year runs to the newest workbook's date, whichever release that is.
    const current = f.ice!.years.at(-1)!;
    const [latest] = await query<{ as_of: string }>(`SELECT as_of::VARCHAR AS as_of FROM headline_figures WHERE id = 'ice_detained_latest'`);
    expect(current.partial).toBe(latest!.as_of >= `${current.fiscal_year}-09-30` ? null : `through ${latest!.as_of}`);
    // A blank cell keeps ICE's reason for it ("Scheduled FY27"), never a silent null.
    for (const y of f.ice!.years) if (y.last_inspection_date === null) expect(y.missing.last_inspection_date, `FY${y.fiscal_year}`).toMatch(/\S/);
    expect(f.ice!.years.find((y) => y.fiscal_year === 2021)!.partial).toBe('through 2021-09-11');
  });

  it('finds the field office from the facility’s AOR, and UCLA’s entry for the same place', async () => {
    const f = (await facilityPage('stwrtga'))!;
    expect(f.office?.how).toBe('aor');
    expect(f.office?.office.office_id).toBe('atlanta');
    expect(f.office?.office.phone).toBe('(404) 893-1290');
    expect(f.ucla?.ucla_id).toBe(1867);
    expect(f.ucla?.population_feb20).toBe(758);
    expect(f.locator?.approximate).toBe(false);
    expect(f.locator?.point).not.toBeNull();
    expect(f.locator?.state).toBe(f.state); // its outline, /facilities/states/<code>.svg, is drawn over the base map
    expect(stateSvg(f.locator!.state!)).toMatch(/<path [^>]*d="M/);
  });

  it('lists the 5 nearest facilities, nearest first, never itself', async () => {
    const f = (await facilityPage('stwrtga'))!;
    expect(f.nearby).toHaveLength(5);
    expect(f.nearby.map((n) => n.id)).not.toContain('stwrtga');
    expect([...f.nearby].sort((a, b) => a.km - b.km)).toEqual(f.nearby);
  });

  it('gives a UCLA-only prison what UCLA lists, and the field office of its county', async () => {
    const f = (await facilityPage('ucla-100'))!;
    expect(f.ice).toBeNull();
    expect(f.name).toBe('CALIFORNIA STATE PRISON SAN QUENTIN');
    expect(f.ucla?.population_feb20).toBe(4032);
    expect(f.ucla?.capacity).toBe(3082);
    // California is split by county: Marin is in San Francisco's area (ice_aor_coverage).
    expect(f.office?.how).toBe('county');
    expect(f.office?.office.office_id).toBe('san-francisco');
  });

  it('says "no phone" through null, as ICE lists none for Dallas', async () => {
    let dallas = null;
    for (const id of await facilityIds()) if ((dallas = await facilityPage(id))?.office?.office.office_id === 'dallas') break;
    expect(dallas?.office?.office.phone).toBeNull();
    expect(dallas?.office?.office.phone_note).toMatch(/no phone/);
  });

  it('returns null for an unknown id', async () => {
    expect(await facilityPage('no-such-facility')).toBeNull();
  });
});

describe('directory', () => {
  it('has one row per facility, and compares the same two fiscal years for every row', async () => {
    const rows = await directory();
    expect(rows).toHaveLength((await facilityIds()).length);
    // The pair: the latest two fiscal years in ICE's facility workbooks, read from the dataset.
    const listed = (await query<{ fy: number }>(`SELECT DISTINCT fiscal_year AS fy FROM ice_facility_fy ORDER BY 1`)).map((r) => r.fy);
    const compared = await comparedYears();
    expect([compared.from, compared.to]).toEqual(listed.slice(-2));
    expect((await directoryPage(1))!.compared).toEqual(compared);
    // Every row's two years and change are that facility's cells for those years, or null when not listed.
    const adp = await query<{ facility_id: string; fiscal_year: number; adp_total: number | null }>(
      `SELECT facility_id, fiscal_year, adp_total FROM ice_facility_fy WHERE fiscal_year IN (${compared.from}, ${compared.to})`,
    );
    const cell = (id: string, fy: number) => adp.find((r) => r.facility_id === id && r.fiscal_year === fy)?.adp_total ?? null;
    let both = 0;
    for (const r of rows) {
      const [from, to] = [cell(r.id, compared.from), cell(r.id, compared.to)];
      expect([r.adpFrom, r.adpTo], r.id).toEqual([from, to]);
      if (from !== null && to !== null) {
        both++;
        expect(change(r), r.id).toBe(to - from);
        expect(percentChange(r), r.id).toBe(from === 0 ? null : (100 * (to - from)) / from);
      } else expect(change(r), r.id).toBeNull();
    }
    expect(both).toBeGreaterThan(0);
    const s = rows.find((r) => r.id === 'stwrtga')!;
    const b = (await facilityPage('stwrtga'))!.ice!.years.at(-1)!;
    expect(s.measure).toMatch(new RegExp(`^ICE average daily population, FY${b.fiscal_year}${b.partial ? ` \\(partial year, ${b.partial}\\)` : ''}$`));
    expect(s.population).toBe(Math.round(b.adp_total!));
    // A UCLA-only prison: February 2020's population (a closed figure), no ICE change.
    expect(rows.find((r) => r.id === 'ucla-100')!.population).toBe(4032);
    expect(change(rows.find((r) => r.id === 'ucla-100')!)).toBeNull();
  });

  it('sorts by rise with every row on the one pair, facilities missing a year last', async () => {
    const rows = await directory();
    const sorted = applyFilters(rows, { ...NO_FILTERS, sort: 'rise' });
    const changes = sorted.map(change);
    const firstNull = changes.indexOf(null);
    expect(firstNull).toBeGreaterThan(0);
    expect(changes.slice(firstNull).every((c) => c === null)).toBe(true);
    const known = changes.slice(0, firstNull) as number[];
    expect(known).toEqual([...known].sort((x, y) => y - x));
  });

  it('pages the directory by name for reading without JavaScript', async () => {
    const first = (await directoryPage(1))!;
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.pages.length).toBe(Math.ceil(first.total / PAGE_SIZE));
    const last = (await directoryPage(first.pages.length))!;
    expect(last.rows.length).toBe(first.total - PAGE_SIZE * (first.pages.length - 1));
    expect(await directoryPage(first.pages.length + 1)).toBeNull();
  });

  it("draws the locator base map once, as SVG, and each state's highlight once, in the same frame, with the base map's outline", () => {
    const head = /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 975 610">/;
    expect(statesSvg()).toMatch(head);
    const base = statesSvg();
    expect(outlinedStates().length).toBeGreaterThanOrEqual(51); // the 50 states and DC
    for (const code of outlinedStates()) {
      const svg = stateSvg(code)!;
      expect(svg, code).toMatch(head);
      const d = /<path [^>]*d="([^"]+)"/.exec(svg)![1]!;
      expect(base.includes(d), code).toBe(true);
    }
    expect(stateSvg('XX')).toBeNull();
  });
});

describe('one facility model: /near/ and the facility page cannot disagree', () => {
  it('gives every facility the same field office, basis and population source in the /near/ look-up as on its page', async () => {
    const file = JSON.parse(readFileSync('static/data/geo/facility-actions.json', 'utf8')) as FacilityActionsFile;
    let withOffice = 0;
    for (const id of await facilityIds()) {
      const f = (await facilityPage(id))!;
      expect(officeOf(file, id), id).toEqual(f.office);
      expect(file.populationSource[id] ?? null, id).toBe(f.population_source);
      if (f.office) withOffice++;
    }
    expect(withOffice).toBeGreaterThan(1000);
  });

  it('cites the source cell of every population figure', async () => {
    const rows = await query<{ id: string; measure: string; source: string | null; file: string | null; sheet: string | null; row: number | null }>(`
      SELECT f.facility_id AS id, f.population_measure AS measure, f.population_source AS source,
             coalesce(y.source_file, r.source_file) AS file, coalesce(y.source_sheet, r.source_sheet) AS sheet, coalesce(y.source_row, r.source_row)::INT AS row
      FROM facilities f LEFT JOIN ice_facilities i ON i.facility_id = f.ice_facility_id
      LEFT JOIN ice_facility_fy y ON y.facility_id = i.facility_id AND y.fiscal_year = i.last_fiscal_year
      -- A facility no yearly table lists: the row of the last release listing it.
      LEFT JOIN (SELECT * FROM ice_facility_releases QUALIFY row_number() OVER (PARTITION BY facility_id ORDER BY release_date DESC, current DESC, source_file DESC, source_row) = 1) r
        ON y.facility_id IS NULL AND r.facility_id = i.facility_id AND r.release_date = i.last_release
      WHERE f.population IS NOT NULL`);
    for (const r of rows) {
      expect(r.source, r.id).not.toBeNull();
      // An ICE figure names the very workbook row its ADP is summed from.
      if (r.measure.startsWith('ICE ')) expect(r.source, r.id).toBe(`ICE Detention Statistics: ${cellRef({ file: r.file!, sheet: r.sheet, row: r.row })}`);
    }
  });
});
