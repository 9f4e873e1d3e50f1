/**
 * The facility pages' server module over the committed data (real DuckDB): figures checked
 * against cells read from the raw files (../shared/sources/SOURCES-ice.md, SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { directory, facilityIds, facilityPage, statesSvg } from '$lib/server/facilities';
import { directoryPage, PAGE_SIZE } from '$lib/server/facility-directory';

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
    const fy26 = f.ice!.years.at(-1)!;
    expect(fy26.partial).toBe('through 2026-04-04');
    expect(fy26.last_inspection_date).toBeNull();
    expect(fy26.missing.last_inspection_date).toBe('Scheduled FY27');
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
    expect(f.locator?.statePath).toMatch(/^M/);
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
  it('has one row per facility, with change between the last two fiscal years listed', async () => {
    const rows = await directory();
    expect(rows).toHaveLength((await facilityIds()).length);
    const s = rows.find((r) => r.id === 'stwrtga')!;
    // FY2026 (partial) 2025.80 − FY2025 1920.75.
    expect(s.change).toBe(105);
    expect(s.changeYears).toBe('FY2025 to FY2026 (partial)');
    expect(s.measure).toBe('ICE average daily population, FY2026 (partial year, through 2026-04-04)');
    expect(s.population).toBe(2026);
    expect(rows.find((r) => r.id === 'ucla-100')!.population).toBe(4032);
    expect(rows.find((r) => r.id === 'ucla-100')!.change).toBeNull();
  });

  it('pages the directory by name for reading without JavaScript', async () => {
    const first = (await directoryPage(1))!;
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.pages.length).toBe(Math.ceil(first.total / PAGE_SIZE));
    const last = (await directoryPage(first.pages.length))!;
    expect(last.rows.length).toBe(first.total - PAGE_SIZE * (first.pages.length - 1));
    expect(await directoryPage(first.pages.length + 1)).toBeNull();
  });

  it('draws the locator base map once, as SVG', () => {
    expect(statesSvg()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 975 610">/);
  });
});
