/**
 * What a chart's tooltips say, written at build ($lib/charts/tips) for static/js/charts.js: every
 * time once, in order, each series' value as the table writes it, a gap "not reported" (never 0),
 * a series with no row at a time left empty; labels prefix-coded so that they decode back.
 */
import { describe, expect, it } from 'vitest';
import { lineTips, prefixCoded, rowTips } from '$lib/charts/tips';
import { cell } from '$lib/format';
import type { PlotData } from '$lib/charts/types';

const chart = (rows: PlotData['rows'], series = true): PlotData => ({
  id: 'fixture',
  kind: 'line',
  x: { field: 'month', label: 'Month', type: 'time' },
  y: { field: 'n', label: 'People', unit: 'persons' },
  series: series ? { field: 's', labels: { a: 'Source A', b: 'Source B' } } : null,
  columns: [
    { field: 'month', label: 'Month', format: 'month' },
    { field: 'n', label: 'People', format: 'count' },
  ],
  rows,
  alt: '',
  annotations: [],
});

/** The decoding static/js/charts.js does, to show the coding loses nothing. */
const decode = (coded: string[]) => {
  let prev = '';
  return coded.map((l) => (prev = prev.slice(0, l.charCodeAt(0) - 65) + l.slice(1)));
};

describe('chart tooltips', () => {
  const rows = [
    { month: '2020-01', s: 'a', n: 1234.4 },
    { month: '2020-01', s: 'b', n: null },
    { month: '2020-03', s: 'a', n: 37687.97 },
    { month: '2020-02', s: 'b', n: 5 },
  ];

  it('gives each time once, in order, with the day gaps, and each series’ value as the table writes it', () => {
    const t = lineTips(chart(rows));
    const days = t.d.split(' ').map(Number);
    const [first, ...gaps] = days;
    expect(new Date(first! * 86_400_000).toISOString().slice(0, 7)).toBe('2020-01');
    expect(gaps).toEqual([31, 29]); // January, then leap February
    expect(decode(t.x.split('|'))).toEqual(['2020-01', '2020-02', '2020-03'].map((m) => cell(m, 'month')));
    expect(t.s).toEqual(['Source A', 'Source B']);
    expect(t.v.map((v) => v.split('|'))).toEqual([
      [cell(1234.4, 'count'), '', cell(37687.97, 'count')],
      ['not reported', cell(5, 'count'), ''],
    ]);
  });

  it('names a single series by the y label', () => {
    expect(lineTips(chart([{ month: '2020-01', n: 1 }], false)).s).toEqual(['People']);
  });

  it('prefix-codes labels so that they decode back, sharing at most 25 characters', () => {
    const labels = ['October 1, 2022', 'October 2, 2022', 'November 1, 2022', 'x'.repeat(30), 'x'.repeat(31)];
    const coded = prefixCoded(labels);
    expect(coded[1]).toBe('I2, 2022'); // "October " shared: 8 characters, I
    expect(coded[4]).toBe('Z' + 'x'.repeat(6));
    expect(decode(coded)).toEqual(labels);
  });

  it('fails loudly on text holding the separator, rather than shifting every tooltip after it', () => {
    const c = chart([{ month: '2020-01', n: 'one|two' }], false);
    c.columns[1]!.format = 'text';
    expect(() => lineTips(c)).toThrow(/chart fixture: tooltip text "one\|two" contains "\|"/);
  });

  it('gives a bar or a state every column of its row', () => {
    expect(rowTips(chart(rows.slice(0, 2)))).toEqual([`Month: ${cell('2020-01', 'month')}, People: ${cell(1234.4, 'count')}`, `Month: ${cell('2020-01', 'month')}, People: not reported`]);
  });
});
