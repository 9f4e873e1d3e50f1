import { loadChart } from '$lib/server/charts';
import { iceByState, provenance } from '$lib/server/states';

export async function load() {
  const ice = await iceByState();
  return {
    chart: await loadChart('prisoners-by-state', {}, '/states/'),
    ice,
    iceSource: provenance('ice_facility_fy'),
  };
}
