import { base } from '$app/paths';
import { atomFeed } from '$lib/changes/atom';
import { changeLog, changeSource, newestRelease } from '$lib/server/changes';

export const prerender = true;

/** The change log as an Atom feed, for feed readers. */
export function GET() {
  const xml = atomFeed({ site: process.env.SITE_URL ?? '', base, self: '/changes.xml', page: '/changes/', title: 'Detention data: what changed in each data release', updated: newestRelease(), changes: changeLog().changes, source: changeSource() });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
