import { describe, expect, it } from 'vitest';
import { applyFilters, matchedAlias, decode, encode, filtersFrom, NO_FILTERS, queryOf, type DirectoryRow } from '$lib/facilities/directory';

const row = (id: string, name: string, over: Partial<DirectoryRow> = {}): DirectoryRow => ({
  id, name, aka: [], kind: 'ice', state: 'GA', city: null, type: null, operator: null, population: null, measure: null, change: null, changeYears: null, ...over,
});
const rows = [
  row('stwrtga', 'STEWART DETENTION CENTER', { city: 'LUMPKIN', population: 2026, change: 105, operator: 'CoreCivic', type: 'DIGSA' }),
  row('ucla-1', 'STEWART CONSERVATION CAMP', { kind: 'prison', state: 'NV', population: 90 }),
  row('ucla-2', "ST. MARY'S JAIL", { kind: 'jail', state: 'GA', population: null }),
  row('irwin', 'IRWIN COUNTY DETENTION CENTER', { city: 'OCILLA', population: 500, change: -40 }),
];
const camp = row('erofcb', 'ERO EL PASO CAMP EAST MONTANA', { state: 'TX', city: 'EL PASO', aka: ['DOD DETENTION FACILITY AT FORT BLISS'] });

describe('applyFilters', () => {
  it('searches every word at the start of a word of the name or city', () => {
    expect(applyFilters(rows, { ...NO_FILTERS, q: 'stewart' }).map((r) => r.id)).toEqual(['ucla-1', 'stwrtga']);
    expect(applyFilters(rows, { ...NO_FILTERS, q: 'stewart lumpkin' }).map((r) => r.id)).toEqual(['stwrtga']);
    expect(applyFilters(rows, { ...NO_FILTERS, q: 'st marys' }).map((r) => r.id)).toEqual(['ucla-2']);
    expect(applyFilters(rows, { ...NO_FILTERS, q: 'tewart' })).toEqual([]);
  });

  it('finds a facility by another name the sources give it, and says which', () => {
    expect(applyFilters([...rows, camp], { ...NO_FILTERS, q: 'fort bliss' }).map((r) => r.id)).toEqual(['erofcb']);
    expect(applyFilters([...rows, camp], { ...NO_FILTERS, q: 'bliss el paso' }).map((r) => r.id)).toEqual(['erofcb']);
    expect(matchedAlias(camp, 'fort bliss')).toBe('DOD DETENTION FACILITY AT FORT BLISS');
    expect(matchedAlias(camp, 'camp east')).toBeNull();
    expect(matchedAlias(camp, '')).toBeNull();
    expect(decode(encode([camp]))).toEqual([camp]);
  });

  it('filters by kind, state, type and operator', () => {
    expect(applyFilters(rows, { ...NO_FILTERS, kind: 'ice', state: 'GA' }).map((r) => r.id)).toEqual(['irwin', 'stwrtga']);
    expect(applyFilters(rows, { ...NO_FILTERS, type: 'DIGSA' }).map((r) => r.id)).toEqual(['stwrtga']);
    expect(applyFilters(rows, { ...NO_FILTERS, operator: 'CoreCivic' }).map((r) => r.id)).toEqual(['stwrtga']);
  });

  it('sorts by population or change with unknown values last, never as 0', () => {
    expect(applyFilters(rows, { ...NO_FILTERS, sort: 'population' }).map((r) => r.id)).toEqual(['stwrtga', 'irwin', 'ucla-1', 'ucla-2']);
    expect(applyFilters(rows, { ...NO_FILTERS, sort: 'rise' }).map((r) => r.id).slice(0, 2)).toEqual(['stwrtga', 'irwin']);
    expect(applyFilters(rows, { ...NO_FILTERS, sort: 'fall' }).map((r) => r.id).slice(0, 2)).toEqual(['irwin', 'stwrtga']);
  });
});

describe('compact JSON and the address', () => {
  it('round-trips rows', () => {
    expect(decode(JSON.parse(JSON.stringify(encode(rows))))).toEqual(rows);
  });

  it('refuses JSON with other fields', () => {
    expect(() => decode({ fields: ['id'] as never, rows: [] })).toThrow(/expected fields/);
  });

  it('keeps filters in the query string, defaults left out', () => {
    const f = { ...NO_FILTERS, q: 'stewart', kind: 'ice', sort: 'population' as const };
    expect(queryOf(f)).toBe('?q=stewart&kind=ice&sort=population');
    expect(filtersFrom(new URLSearchParams(queryOf(f).slice(1)))).toEqual(f);
    expect(filtersFrom(new URLSearchParams('sort=bogus')).sort).toBe('name');
    expect(queryOf(NO_FILTERS)).toBe('');
  });
});
