import { base } from '$app/paths';
import { error } from '@sveltejs/kit';
import { atomFeed } from '$lib/changes/atom';
import { changeSource, changesFor, newestRelease } from '$lib/server/changes';
import { query } from '$lib/server/data';
import { facilityIds, facilityPage } from '$lib/server/facilities';
import type { EntryGenerator } from './$types';

export const prerender = true;

/** One feed per facility ICE's releases list (/facilities/stwrtga/changes.xml): a reporter subscribes to one place. */
export const entries: EntryGenerator = async () => {
  const listed = new Set((await query<{ id: string }>('SELECT DISTINCT facility_id AS id FROM ice_facility_releases')).map((r) => r.id));
  const out: { id: string }[] = [];
  for (const id of await facilityIds()) {
    const f = await facilityPage(id);
    if (f?.ice_facility_id && listed.has(f.ice_facility_id)) out.push({ id });
  }
  return out;
};

export async function GET({ params }) {
  const f = await facilityPage(params.id);
  if (!f?.ice_facility_id) error(404, `no facility in ICE's releases with id "${params.id}"`);
  const xml = atomFeed({
    site: process.env.SITE_URL ?? '', base,
    self: `/facilities/${params.id}/changes.xml`,
    page: `/facilities/${params.id}/#changes`,
    title: `Detention data: what changed at ${f.name}`,
    updated: newestRelease(),
    changes: changesFor(f.ice_facility_id),
    source: changeSource(),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
