import { loadChart } from '$lib/server/charts';
import { iceByState, provenance, ratesByState } from '$lib/server/states';

export async function load() {
  const ice = await iceByState();
  const rates = await ratesByState();
  return {
    rates: { year: rates.year, rows: Object.fromEntries(rates.rows), allStates: rates.allStates },
    ratesSource: provenance('imprisonment_rates'),
    chart: await loadChart('prisoners-by-state', {}, '/states/'),
    ice,
    iceSource: provenance('ice_facility_fy'),
  };
}
