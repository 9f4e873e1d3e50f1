/**
 * /states/ and /states/<code>/ imprisonment rates over the committed data: each shown rate is the
 * preferred row of imprisonment_rates (queried here), the chart's title names the years its rows
 * cover, and the table's sort keeps states without a figure last.
 */
import { describe, expect, it } from 'vitest';
import { query } from '$lib/server/data';
import { loadChart } from '$lib/server/charts';
import { latestRate, ratesByState } from '$lib/server/states';
import { nextSort, sortStates, type StateRow } from '../../../../src/routes/states/states-table';

describe('imprisonment rates on the state pages', () => {
  it('gives each state the rate of the latest year BJS’s tables give, with its footnote and cell', async () => {
    const want = await query<{ jurisdiction: string; year: number; rate: number; footnotes: string | null; source_row: number }>(`
      SELECT jurisdiction, year, rate, footnotes, source_row FROM imprisonment_rates
      WHERE preferred AND rate IS NOT NULL AND length(jurisdiction) = 2 AND jurisdiction <> 'US'
      QUALIFY year = max(year) OVER (PARTITION BY jurisdiction)`);
    expect(want.length).toBe(50);
    for (const w of want) {
      const got = (await latestRate(w.jurisdiction))!;
      expect([got.year, got.rate, got.footnotes], w.jurisdiction).toEqual([w.year, w.rate, w.footnotes]);
      expect(got.cell).toContain(` row ${w.source_row}, column `);
    }
    expect(await latestRate('DC')).toBeNull();
    const all = await ratesByState();
    expect(all.rows.size).toBe(50);
    expect(all.rows.get('TX')!.rate).toBe(want.find((w) => w.jurisdiction === 'TX')!.rate);
    expect(all.allStates?.year).toBe(all.year);
  });

  it('the rate chart names its state in the title and the years of its rows in the subtitle, and its rows are the preferred ones', async () => {
    const chart = await loadChart('state-imprisonment-rate', { state: 'ca' });
    const years = chart.rows.filter((r) => r.rate !== null).map((r) => Number(r.year));
    expect(chart.title).toBe('California: imprisonment rate per 100,000 residents, by year');
    expect(chart.subtitle).toContain(`${Math.min(...years)}–${Math.max(...years)}`);
    const want = await query<{ year: number; rate: number | null }>(`SELECT year, rate FROM imprisonment_rates WHERE jurisdiction = 'CA' AND preferred ORDER BY year`);
    expect(chart.rows.map((r) => [Number(r.year), r.rate])).toEqual(want.map((w) => [w.year, w.rate]));
  });
});

describe('the /states/ table sort', () => {
  const row = (code: string, name: string, rate: number | null, prisoners: number | null = 1): StateRow => ({ code, name, rate, prisoners, ice_adp: null });
  const rows = [row('DC', 'District of Columbia', null), row('TX', 'Texas', 443), row('ME', 'Maine', 107), row('LA', 'Louisiana', 564)];
  const codes = (key: 'name' | 'rate', direction: 'ascending' | 'descending') => sortStates(rows, key, direction).map((r) => r.code);

  it('sorts by a figure either way with the state that has none last, never as 0', () => {
    expect(codes('rate', 'descending')).toEqual(['LA', 'TX', 'ME', 'DC']);
    expect(codes('rate', 'ascending')).toEqual(['ME', 'TX', 'LA', 'DC']);
    expect(codes('name', 'descending')).toEqual(['TX', 'ME', 'LA', 'DC']);
  });

  it('a new figure column starts largest first; the same column flips', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'rate')).toEqual({ key: 'rate', direction: 'descending' });
    expect(nextSort({ key: 'rate', direction: 'descending' }, 'rate')).toEqual({ key: 'rate', direction: 'ascending' });
  });
});
