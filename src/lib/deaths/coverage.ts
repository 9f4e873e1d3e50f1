/**
 * What the deaths file (ice_deaths) covers, framework-free so the chart spec, the page and the tests
 * share one copy. The gap is the source's own caveat (../shared/sources/deaths/README.md, and the
 * dataset's description in data/datapackage.json): ICE's FOIA list ends 2017-06-05 and the first
 * detainee death report in the file is dated 2018-04-10; deaths between are missing, not zero.
 */
export const GAP = { after: '2017-06-05', before: '2018-04-10' } as const;

/** The federal fiscal year (October–September) of an ISO date. */
export const fiscalYearOf = (iso: string) => Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) >= 10 ? 1 : 0);

/** The fiscal years the gap touches (FY2017 after it opens, FY2018 before it closes): their counts are lower bounds. */
export const GAP_YEARS: readonly number[] = [...new Set([fiscalYearOf(GAP.after), fiscalYearOf(GAP.before)])];

/** The sentence every place that shows deaths by year says about the gap. */
export const GAP_SENTENCE = `The source file has no rows between ${GAP.after} and ${GAP.before}: deaths in that time are missing from it, so the counts for ${GAP_YEARS.map((y) => `FY${y}`).join(' and ')} are lower bounds, not complete years.`;
