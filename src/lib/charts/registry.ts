/**
 * Every chart, by id: one file per chart in ./specs, listed here (plain imports, so the ingest's
 * release archive can load the registry outside Vite too).
 */
import type { ChartSpec } from './types';
import covidIce from './specs/covid-ice';
import covidPrisons from './specs/covid-prisons';
import facilityAdp from './specs/facility-adp';
import facilityDaily from './specs/facility-daily';
import facilityReleases from './specs/facility-releases';
import iceByFacilityType from './specs/ice-by-facility-type';
import iceByState from './specs/ice-by-state';
import iceCurrentlyDetained from './specs/ice-currently-detained';
import iceDeathsByYear from './specs/ice-deaths-by-year';
import iceNationalAnnual from './specs/ice-national-annual';
import iceNationalDaily from './specs/ice-national-daily';
import iceNationalMonthly from './specs/ice-national-monthly';
import iceTopFacilities from './specs/ice-top-facilities';
import prisonersByState from './specs/prisoners-by-state';
import prisonersNational from './specs/prisoners-national';
import stateIceAdp from './specs/state-ice-adp';
import stateImprisonmentRate from './specs/state-imprisonment-rate';
import statePrisoners from './specs/state-prisoners';

const ALL: ChartSpec[] = [covidIce, covidPrisons, facilityAdp, facilityDaily, facilityReleases, iceByFacilityType, iceByState, iceCurrentlyDetained, iceDeathsByYear, iceNationalAnnual, iceNationalDaily, iceNationalMonthly, iceTopFacilities, prisonersByState, prisonersNational, stateIceAdp, stateImprisonmentRate, statePrisoners];
export const CHARTS: Record<string, ChartSpec> = Object.fromEntries(ALL.map((s) => [s.id, s]));

export function chartSpec(id: string): ChartSpec {
  const spec = CHARTS[id];
  if (!spec) throw new Error(`unknown chart "${id}"; known: ${Object.keys(CHARTS).sort().join(', ')}`);
  return spec;
}
