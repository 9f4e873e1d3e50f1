import { describe, expect, it } from 'vitest';
import { autoChart, MAX_BARS, MAX_SERIES } from '../../../src/lib/explore/chart';
import type { Result } from '../../../src/lib/explore/result';

const result = (columns: Result['columns'], rows: Result['rows'], rowCount = rows.length): Result => ({ sql: 'x', ms: 1, columns, rows, rowCount });

describe('automatic chart', () => {
  it('draws time against a number as a line, whole years included', () => {
    const { chart } = autoChart(result([{ name: 'fiscal_year', kind: 'number' }, { name: 'adp', kind: 'number' }], [[2019, 49142.5], [2020, 32979.4], [2021, null]]));
    expect(chart).toMatchObject({ kind: 'line', x: { field: 'fiscal_year', type: 'time' }, y: { field: 'adp' }, series: null });
    expect(chart!.rows[0]).toEqual({ fiscal_year: '2019', adp: 49142.5 });
    expect(chart!.rows[2]!.adp).toBeNull();
    expect(chart!.alt).toContain('2019 to 2021');
  });
  it('draws one line per category up to the palette, and says why not beyond it', () => {
    const states = ['TX', 'LA', 'CA', 'GA', 'FL', 'AZ'];
    const rows = (n: number) => states.slice(0, n).flatMap((s) => [['2024-01-01', s, 1], ['2024-01-02', s, 2]]);
    const cols: Result['columns'] = [{ name: 'date', kind: 'date' }, { name: 'state', kind: 'text' }, { name: 'n', kind: 'number' }];
    expect(autoChart(result(cols, rows(MAX_SERIES))).chart?.series?.field).toBe('state');
    expect(autoChart(result(cols, rows(MAX_SERIES + 1))).reason).toContain(`${MAX_SERIES + 1} values of state`);
  });
  it('draws categories as bars, not too many and not below zero', () => {
    const cols: Result['columns'] = [{ name: 'state', kind: 'text' }, { name: 'n', kind: 'number' }];
    const bar = autoChart(result(cols, [['TX', 17908], ['LA', 8115]]));
    expect(bar.chart).toMatchObject({ kind: 'bar', x: { field: 'state' } });
    expect(bar.chart!.alt).toContain('largest TX (17,908)');
    expect(autoChart(result(cols, Array.from({ length: MAX_BARS + 1 }, (_, i) => [`s${i}`, i]))).reason).toContain(`at most ${MAX_BARS}`);
    expect(autoChart(result(cols, [['NJ', -32]])).reason).toContain('below zero');
  });
  it('gives a reason where no chart fits', () => {
    expect(autoChart(result([{ name: 'name', kind: 'text' }], [['a']])).reason).toBe('No number column to chart.');
    expect(autoChart(result([{ name: 'n', kind: 'number' }], [[1]], 10)).reason).toContain('Only part of the result');
    expect(autoChart(result([{ name: 'd', kind: 'date' }, { name: 'n', kind: 'number' }], [['2024-01-01', 1], ['2024-01-01', 2]])).reason).toContain('Several rows share a d');
  });
});
