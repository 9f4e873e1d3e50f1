import { base } from '$app/paths';
import { error } from '@sveltejs/kit';
import { atomFeed } from '$lib/changes/atom';
import { ALL_STATES } from '$lib/geo/states';
import { changeLog, changeSource, newestRelease } from '$lib/server/changes';
import type { EntryGenerator } from './$types';

export const prerender = true;

/** One feed per state, DC and territory (/changes/tx.xml), even while a state has no changes: subscribe once. */
export const entries: EntryGenerator = () => ALL_STATES.map((s) => ({ state: s.code.toLowerCase() }));

export function GET({ params }) {
  const state = ALL_STATES.find((s) => s.code.toLowerCase() === params.state);
  if (!state) error(404, `no feed for "${params.state}"; use a lower-case USPS code such as tx`);
  const xml = atomFeed({
    site: process.env.SITE_URL ?? '', base,
    self: `/changes/${params.state}.xml`,
    page: `/changes/?state=${state.code}`,
    title: `Detention data: what changed in ${state.name}`,
    updated: newestRelease(),
    changes: changeLog().changes.filter((c) => c.state === state.code),
    source: changeSource(),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
