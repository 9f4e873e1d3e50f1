/**
 * What the deaths file (ice_deaths) covers, framework-free so the chart spec, the page and the tests
 * share one copy. The gap is the source's own caveat (../shared/sources/deaths/README.md, and the
 * dataset's description in data/datapackage.json): the file's last FOIA-list row is dated 2017-05-31
 * (its README says the list runs to 2017-06-05; no row has that date) and its first detainee death
 * report 2018-04-10; deaths between are missing, not zero. These are the dates of the rows either
 * side of the file's longest gap: tests/unit/deaths/coverage.test.ts checks them against the data
 * (src/lib/server/deaths.ts longestGap), so a new version of the file that fills the gap fails it.
 */
export const GAP = { after: '2017-05-31', before: '2018-04-10' } as const;

/** The federal fiscal year (October–September) of an ISO date. */
export const fiscalYearOf = (iso: string) => Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) >= 10 ? 1 : 0);

/** The fiscal years the gap touches (FY2017 after it opens, FY2018 before it closes): their counts are lower bounds. */
export const GAP_YEARS: readonly number[] = [...new Set([fiscalYearOf(GAP.after), fiscalYearOf(GAP.before)])];

/** The sentence every place that shows deaths by year says about the gap. */
export const GAP_SENTENCE = `The source file has no rows between ${GAP.after} and ${GAP.before}: deaths in that time are missing from it, so the counts for ${GAP_YEARS.map((y) => `FY${y}`).join(' and ')} are lower bounds, not complete years.`;
