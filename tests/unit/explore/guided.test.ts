import { describe, expect, it } from 'vitest';
import { guidedSql, GuidedError, opsFor, type Guided } from '../../../src/lib/explore/guided';
import { exploreSchema } from '../../../src/lib/server/explore';
import { query } from '../../../src/lib/server/data';

const schema = exploreSchema();
const base: Guided = { dataset: 'ice_facility_fy', filters: [], group: '', aggregate: 'count', measure: '' };

describe('guided questions', () => {
  it('counts rows, grouped, and the count is what the data holds', async () => {
    const sql = guidedSql(schema, { ...base, group: 'fiscal_year' });
    expect(sql).toBe('SELECT "fiscal_year" AS "fiscal_year", count(*) AS rows\nFROM ice_facility_fy\nGROUP BY 1\nORDER BY 1');
    const rows = await query<{ fiscal_year: number; rows: number }>(sql);
    const direct = await query<{ n: number }>('SELECT count(*) AS n FROM ice_facility_fy WHERE fiscal_year = 2026');
    expect(rows.find((r) => r.fiscal_year === 2026)!.rows).toBe(direct[0]!.n);
    expect(rows.reduce((s, r) => s + r.rows, 0)).toBe(schema.find((d) => d.name === 'ice_facility_fy')!.rows);
  });

  it('filters by number, text and missing values, and measures a column', async () => {
    const sql = guidedSql(schema, {
      ...base,
      filters: [
        { column: 'fiscal_year', op: '=', value: '2025' },
        { column: 'state', op: '=', value: 'TX' },
        { column: 'adp_total', op: 'present', value: '' },
      ],
      aggregate: 'sum',
      measure: 'adp_total',
    });
    const [got] = await query<{ sum_adp_total: number }>(sql);
    const [want] = await query<{ s: number }>("SELECT sum(adp_total) AS s FROM ice_facility_fy WHERE fiscal_year = 2025 AND state = 'TX'");
    expect(got!.sum_adp_total).toBeCloseTo(want!.s, 6);
  });

  it('groups dates by year and month', async () => {
    const sql = guidedSql(schema, { dataset: 'ice_national_daily', filters: [{ column: 'series', op: '=', value: 'ddp_midnight' }], group: 'date:year', aggregate: 'max', measure: 'value' });
    const rows = await query<{ date_year: string; max_value: number }>(sql);
    expect(rows[0]!.date_year).toBe('2022');
    const month = await query<{ date_month: string }>(guidedSql(schema, { dataset: 'ice_national_daily', filters: [], group: 'date:month', aggregate: 'count', measure: '' }));
    expect(month[0]!.date_month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('quotes values as literals: a quote or a wildcard in a value cannot change the query', async () => {
    const sql = guidedSql(schema, { ...base, filters: [{ column: 'name', op: 'contains', value: "O'HARE%_" }, { column: 'state', op: '=', value: "x' OR 1=1 --" }] });
    expect(sql).toContain("ILIKE '%O''HARE\\%\\_%' ESCAPE '\\'");
    expect(sql).toContain("\"state\" = 'x'' OR 1=1 --'");
    expect(await query(sql)).toEqual([{ rows: 0 }]);
    const [stewart] = await query<{ rows: number }>(guidedSql(schema, { ...base, filters: [{ column: 'name', op: 'contains', value: 'stewart' }] }));
    expect(stewart!.rows).toBeGreaterThan(0);
  });

  it('refuses bad choices with a message naming them', () => {
    expect(() => guidedSql(schema, { ...base, dataset: 'nope' })).toThrow(GuidedError);
    expect(() => guidedSql(schema, { ...base, filters: [{ column: 'fiscal_year', op: '>', value: 'lots' }] })).toThrow('Filter on fiscal_year: "lots" is not a number');
    expect(() => guidedSql(schema, { ...base, filters: [{ column: 'last_inspection_date', op: '<', value: '2024/01/01' }] })).toThrow('not a date (YYYY-MM-DD)');
    expect(() => guidedSql(schema, { ...base, aggregate: 'sum', measure: 'name' })).toThrow('needs a number column; name is string');
    expect(() => guidedSql(schema, { ...base, group: 'name:year' })).toThrow('name cannot be grouped by year');
    expect(() => guidedSql(schema, { ...base, group: 'nope' })).toThrow('ice_facility_fy has no column nope');
  });

  it('offers the conditions that fit a column type', () => {
    const fy = schema.find((d) => d.name === 'ice_facility_fy')!;
    expect(opsFor(fy.fields.find((f) => f.name === 'name')!)).toContain('contains');
    expect(opsFor(fy.fields.find((f) => f.name === 'adp_total')!)).not.toContain('contains');
  });
});
