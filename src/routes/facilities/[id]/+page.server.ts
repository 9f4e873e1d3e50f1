import { error } from '@sveltejs/kit';
import { loadChart } from '$lib/server/charts';
import { datapackage, datasetSources } from '$lib/server/data';
import { facilityIds, facilityPage, formerIds } from '$lib/server/facilities';
import { membersForPlace } from '$lib/server/representatives';
import { changeLog, changeSource, changesFor } from '$lib/server/changes';

/**
 * ~2,700 pages of plain HTML: hydrating them would inline each page's data a second time (a daily
 * series is ~2,500 rows, ~250 KB) and write a __data.json beside it, for charts that already read
 * without JavaScript (values, data table and CSV are all in the HTML).
 */
export const csr = false;

export async function entries() {
  return [...(await facilityIds()), ...(await formerIds()).keys()].map((id) => ({ id }));
}

export async function load({ params }) {
  // An id an earlier release gave a facility now under another (people have linked to it): the
  // page of that facility, which sends the reader on to its own address.
  const movedTo = (await formerIds()).get(params.id) ?? null;
  const facility = await facilityPage(movedTo ?? params.id);
  if (!facility) error(404, `No facility with id ${params.id}`);
  const path = `/facilities/${facility.id}/`;
  const ice = facility.ice;
  return {
    movedTo,
    facility,
    adp: ice?.years.length ? await loadChart('facility-adp', { facility: facility.id }, path) : null,
    daily: ice?.ddp_first_date ? await loadChart('facility-daily', { facility: facility.id }, path) : null,
    sources: datasetSources(['ice_facilities', 'ice_facility_fy', 'ice_facility_daily', 'ice_field_offices', 'ice_aor_coverage', 'ice_covid', 'ice_covid_facilities', 'ucla_facilities', 'facilities']),
    reps: membersForPlace(facility.zip, facility.zip_state ?? facility.state),
    release: datapackage().version,
    changes: facility.ice_facility_id ? changesFor(facility.ice_facility_id) : [],
    releases: changeLog().releases.length,
    changeSource: changeSource(),
  };
}
