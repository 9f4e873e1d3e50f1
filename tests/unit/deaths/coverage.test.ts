/**
 * The gap the chart, the deaths page and the explorer name (src/lib/deaths/coverage.ts) is the
 * data's own: the rows either side of the file's longest stretch without a death on record. A new
 * version of the source that fills the gap, or moves it, fails here rather than leaving the pages
 * saying something the data no longer do.
 */
import { describe, expect, it } from 'vitest';
import { GAP, GAP_YEARS, fiscalYearOf } from '../../../src/lib/deaths/coverage';
import { longestGap } from '../../../src/lib/server/deaths';

describe('the deaths file’s gap', () => {
  it('is the longest stretch between two rows of ice_deaths, and the years it touches are its ends’ fiscal years', async () => {
    const gap = await longestGap();
    expect(GAP).toEqual(gap);
    expect(GAP_YEARS).toEqual([...new Set([fiscalYearOf(gap.after), fiscalYearOf(gap.before)])]);
  });
});
