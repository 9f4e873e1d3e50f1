import { describe, expect, it } from 'vitest';
import { applyFilters, change, changeGap, matchedAlias, decode, encode, filtersFrom, NO_FILTERS, pairSpan, percentChange, queryOf, sortNames, type DirectoryRow } from '$lib/facilities/directory';

const row = (id: string, name: string, over: Partial<DirectoryRow> = {}): DirectoryRow => ({
  id, name, aka: [], kind: 'ice', state: 'GA', city: null, type: null, operator: null, population: null, measure: null, adpFrom: null, adpTo: null, ...over,
});
// Hand-made rows and years (no release's figures): the rules, not the data, are under test here.
const rows = [
  row('stwrtga', 'STEWART DETENTION CENTER', { city: 'LUMPKIN', population: 1200, adpFrom: 1100, adpTo: 1200, operator: 'CoreCivic', type: 'DIGSA' }),
  row('ucla-1', 'STEWART CONSERVATION CAMP', { kind: 'prison', state: 'NV', population: 90 }),
  row('ucla-2', "ST. MARY'S JAIL", { kind: 'jail', state: 'GA', population: null }),
  row('irwin', 'IRWIN COUNTY DETENTION CENTER', { city: 'OCILLA', population: 500, adpFrom: 540, adpTo: 500 }),
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

describe('change between the two compared years', () => {
  const compared = { from: 2031, to: 2032, fromNote: null, toNote: 'through 2032-03-01' };
  const big = row('big', 'BIG', { adpFrom: 1000, adpTo: 1100 }); // +100, +10%
  const small = row('small', 'SMALL', { adpFrom: 10, adpTo: 30 }); // +20, +200%
  const fresh = row('fresh', 'FRESH', { adpFrom: 0, adpTo: 50 }); // +50, no percent
  const gone = row('gone', 'GONE', { adpFrom: 80, adpTo: null }); // not listed in the later year
  const added = row('added', 'ADDED', { adpFrom: null, adpTo: 90 }); // not listed in the earlier year
  const all = [gone, added, fresh, small, big];

  it('is later minus earlier, with a percent of the earlier year', () => {
    expect(change(big)).toBe(100);
    expect(percentChange(small)).toBe(200);
    expect(changeGap(big, compared)).toBeNull();
  });

  it('is not reported (null, never 0) when either year is missing, and says which', () => {
    expect([change(gone), change(added), percentChange(gone)]).toEqual([null, null, null]);
    expect(changeGap(gone, compared)).toBe('not listed in FY2032');
    expect(changeGap(added, compared)).toBe('not listed in FY2031');
  });

  it('has no percent from a zero base, and says so in words', () => {
    expect(change(fresh)).toBe(50);
    expect(percentChange(fresh)).toBeNull();
    expect(changeGap(fresh, compared)).toMatch(/^new: no one held in FY2031/);
  });

  it('sorts by people or percent, a rise from zero after the percents, missing years last', () => {
    const ids = (sort: 'rise' | 'fall' | 'rise-pct' | 'fall-pct') => applyFilters(all, { ...NO_FILTERS, sort }).map((r) => r.id);
    expect(ids('rise')).toEqual(['big', 'fresh', 'small', 'added', 'gone']);
    expect(ids('fall')).toEqual(['small', 'fresh', 'big', 'added', 'gone']);
    expect(ids('rise-pct')).toEqual(['small', 'big', 'fresh', 'added', 'gone']);
    expect(ids('fall-pct')).toEqual(['big', 'small', 'fresh', 'added', 'gone']);
  });

  it('says what the change compares, partial years with their end', () => {
    expect(pairSpan(compared, (d) => `[${d}]`)).toBe('FY2031 with FY2032 (through [2032-03-01])');
  });

  it('names the years in every change sort', () => {
    const names = sortNames(compared);
    for (const k of ['rise', 'fall', 'rise-pct', 'fall-pct'] as const) expect(names[k]).toContain('FY2031→FY2032');
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
