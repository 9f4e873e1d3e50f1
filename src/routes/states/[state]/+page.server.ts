import { error } from '@sveltejs/kit';
import { STATES_AND_DC } from '$lib/geo/states';
import { loadChart } from '$lib/server/charts';
import { covidMarshall, covidUcla, ddpOnly, iceFacilities, latestRate, latestWorkbook, prisonerYears, provenance, ratesByState, stateCode, unifiedSystem } from '$lib/server/states';
import { custodyDeathsIn, longestGap } from '$lib/server/deaths';
import type { EntryGenerator } from './$types';

/**
 * Plain HTML, no framework: every chart reads without JavaScript (values, text alternative, data
 * table, CSV), and its tooltips and keys come from the shared /js/charts.js, as on facility pages.
 * Hydrating it would send the Svelte runtime and d3, and this page's data a second time.
 */
export const csr = false;

/** One page per state and DC, at its lower-case USPS code (/states/tx/). */
export const entries: EntryGenerator = () => STATES_AND_DC.map((s) => ({ state: s.code.toLowerCase() }));

export async function load({ params }) {
  const code = stateCode(params.state);
  if (!code || params.state !== code.toLowerCase()) error(404, `no state page for "${params.state}"; use a lower-case USPS code such as tx`);
  const path = `/states/${params.state}/`;
  const name = STATES_AND_DC.find((s) => s.code === code)!.name;
  const rate = await latestRate(code);
  const [prisoners, unified, facilities, workbook, ddp, marshall, ucla, prisonChart, iceChart, national] = await Promise.all([
    prisonerYears(code),
    unifiedSystem(code),
    iceFacilities(code),
    latestWorkbook(),
    ddpOnly(code),
    covidMarshall(code),
    covidUcla(code),
    loadChart('state-prisoners', { state: params.state }, path),
    loadChart('state-ice-adp', { state: params.state }, path),
    ratesByState(),
  ]);
  // BJS gives DC no imprisonment rate: no chart to draw.
  const rateChart = rate ? await loadChart('state-imprisonment-rate', { state: params.state }, path) : null;
  return {
    code,
    deaths: await custodyDeathsIn(code),
    deathsGap: await longestGap(),
    name,
    prisoners,
    unified,
    facilities,
    workbook,
    ddp,
    marshall,
    ucla,
    prisonChart,
    iceChart,
    rate,
    rateChart,
    allStatesRate: national.year === rate?.year ? national.allStates : null,
    sources: {
      rates: provenance('imprisonment_rates'),
      bjs: provenance('prison_population'),
      ice: provenance('ice_facility_fy'),
      ddp: provenance('ice_national_daily'),
      marshall: provenance('covid_prisons'),
      ucla: provenance('covid_prisons_ucla_latest'),
      deaths: provenance('ice_deaths'),
    },
  };
}
