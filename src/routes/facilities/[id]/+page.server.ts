import { error } from '@sveltejs/kit';
import { loadChart } from '$lib/server/charts';
import { datapackage, datasetSources, query } from '$lib/server/data';
import { facilityIds, facilityPage, formerIds } from '$lib/server/facilities';
import { membersForPlace } from '$lib/server/representatives';
import { deathsAt, longestGap } from '$lib/server/deaths';
import { onRecord } from '$lib/deaths/on-record';
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
  const id = facility.ice_facility_id;
  // First and last ICE release listing it, and the newest release: "no longer in ICE's list since".
  const listed = id
    ? (await query<{ first: string; last: string; n: number; newest: string; next: string | null }>(`
        WITH mine AS (SELECT release_date FROM ice_facility_releases WHERE facility_id = '${id}' AND current)
        SELECT min(release_date)::VARCHAR AS first, max(release_date)::VARCHAR AS last, count(*)::INT AS n,
               (SELECT max(release_date) FROM ice_releases WHERE current)::VARCHAR AS newest,
               (SELECT min(release_date) FROM ice_releases WHERE current AND release_date > (SELECT max(release_date) FROM mine))::VARCHAR AS next
        FROM mine HAVING count(*) > 0`))[0] ?? null
    : null;
  const deaths = await deathsAt(facility.id);
  return {
    movedTo,
    deaths,
    deathsOnRecord: onRecord(deaths),
    deathsGap: await longestGap(),
    facility,
    adp: ice?.years.length ? await loadChart('facility-adp', { facility: facility.id }, path) : null,
    daily: ice?.ddp_first_date ? await loadChart('facility-daily', { facility: facility.id }, path) : null,
    releases_chart: listed && listed.n > 1 ? await loadChart('facility-releases', { facility: facility.id }, path) : null,
    listed,
    sources: datasetSources(['ice_facilities', 'ice_facility_fy', 'ice_facility_releases', 'ice_facility_daily', 'ice_field_offices', 'ice_aor_coverage', 'ice_covid', 'ice_covid_facilities', 'ucla_facilities', 'facilities', 'ice_deaths']),
    reps: membersForPlace(facility.zip, facility.zip_state ?? facility.state),
    release: datapackage().version,
    changes: facility.ice_facility_id ? changesFor(facility.ice_facility_id) : [],
    releases: changeLog().releases.length,
    changeSource: changeSource(),
  };
}
