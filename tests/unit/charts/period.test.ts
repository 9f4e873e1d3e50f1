/**
 * Every chart names the period it shows, read from its rows: the title or subtitle of each chart
 * in the registry holds the first and the last year its drawn rows are of (a chart of one fiscal
 * year names that year and its months), so "latest complete fiscal year" can never stand alone.
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '$lib/charts/registry';
import { dateSpan, fiscalYear, fiscalYearSpan, onlyFiscalYear, yearSpan } from '$lib/charts/period';
import type { ChartData } from '$lib/charts/types';
import { chartVariants, loadChart } from '$lib/server/charts';

const YEAR = /^(?:FY)?((?:19|20)\d\d)\b/;

/** The first and last year of the rows a chart draws (a value on the y axis), from its x field and its year, date and month columns. */
function drawnYears(c: ChartData): number[] {
  const fields = new Set([c.x.field, ...c.columns.filter((col) => ['year', 'date', 'month'].includes(col.format)).map((col) => col.field)]);
  const years = c.rows
    .filter((r) => r[c.y.field] !== null)
    .flatMap((r) => [...fields].map((f) => YEAR.exec(String(r[f] ?? ''))?.[1]))
    .filter((y): y is string => y !== undefined)
    .map(Number);
  return years.length ? [Math.min(...years), Math.max(...years)] : [];
}

/** Years of the chart's rows its title and subtitle leave unsaid. */
const unsaid = (c: ChartData) => drawnYears(c).filter((y) => !`${c.title} ${c.subtitle}`.includes(String(y)));

describe('every chart names its period, from its rows', () => {
  for (const spec of Object.values(CHARTS)) {
    it(spec.id, async () => {
      // The first variant the site draws (any variant would do: the years come from its rows).
      const v = (await chartVariants()).find((x) => x.id === spec.id)!;
      const c = await loadChart(spec.id, v.params);
      expect(drawnYears(c).length, `${spec.id}: rows with a year`).toBe(2);
      expect(unsaid(c), `${c.title} / ${c.subtitle}`).toEqual([]);
    });
  }

  it('catches a subtitle that only says "latest complete fiscal year" (the fault of issue 18)', async () => {
    const c = await loadChart('ice-by-state');
    expect(unsaid({ ...c, subtitle: 'Sum over the ICE facilities in each state, latest complete fiscal year' })).not.toEqual([]);
  });

  it('a one-year chart names the fiscal year and its months', async () => {
    const c = await loadChart('ice-by-state');
    const fy = String(c.rows[0]!.fiscal_year);
    expect(c.subtitle).toContain(`FY${fy} (October ${Number(fy) - 1} to September ${fy})`);
  });
});

describe('period words', () => {
  const rows = [{ d: '2020-03-27', y: '2019', m: '2018-10' }, { d: '2022-05-05', y: '2026', m: '2026-04' }, { d: null, y: null, m: null }];
  it('spans dates, months, years and fiscal years, ignoring empty cells', () => {
    expect(dateSpan(rows, 'd')).toBe('March 27, 2020 to May 5, 2022');
    expect(dateSpan(rows, 'm')).toBe('October 2018 to April 2026');
    expect(yearSpan(rows, 'y')).toBe('2019–2026');
    expect(fiscalYearSpan(rows, 'y')).toBe('FY2019–FY2026');
    expect(fiscalYearSpan([{ y: 'FY2024' }], 'y')).toBe('FY2024');
    expect(fiscalYear(2024)).toBe('FY2024 (October 2023 to September 2024)');
    expect(dateSpan([], 'd')).toBe('');
  });
  it('refuses rows of more than one fiscal year where the chart means one', () => {
    expect(() => onlyFiscalYear(rows, 'y')).toThrow(/one fiscal year/);
  });
});
