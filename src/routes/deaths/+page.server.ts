/** /deaths/: every death in ICE custody on record, the chart by fiscal year and the rate per 100,000 detained. */
import { GAP, GAP_SENTENCE } from '$lib/deaths/coverage';
import { ALL_STATES } from '$lib/geo/states';
import { loadChart } from '$lib/server/charts';
import { custodyDeathRates, deathFacilityNames, deaths } from '$lib/server/deaths';

export async function load() {
  const rows = await deaths();
  const custody = rows.filter((d) => d.in_custody);
  const present = new Set(rows.map((d) => d.state));
  return {
    deaths: rows,
    custodyCount: custody.length,
    first: custody.at(-1)?.death_date ?? '',
    last: custody[0]?.death_date ?? '',
    notInCustody: rows.filter((d) => !d.in_custody),
    chart: await loadChart('ice-deaths-by-year', {}, '/deaths/'),
    rates: await custodyDeathRates(),
    facilities: await deathFacilityNames(),
    states: ALL_STATES.filter((s) => present.has(s.code)),
    gap: GAP,
    gapSentence: GAP_SENTENCE,
  };
}
