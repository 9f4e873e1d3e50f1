/**
 * /oembed/<key>.json: the oEmbed answer (type "rich") for one chart variant, so a CMS that speaks
 * oEmbed embeds it from a pasted link; pages point to it with a discovery <link>. The iframe's
 * address needs the site's origin: set SITE_URL when building for a public host.
 */
import { json } from '@sveltejs/kit';
import { SITE_NAME } from '$lib/charts/cite';
import { chartForKey, variantEntries } from '$lib/server/charts';
import { siteAddress } from '$lib/server/site';
import { EMBED_HEIGHT, embedPath, snippets } from '$lib/embed/snippets';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  const origin = siteAddress('');
  return json({
    version: '1.0',
    type: 'rich',
    title: chart.title,
    provider_name: SITE_NAME,
    provider_url: siteAddress('/'),
    author_name: [...new Set(chart.sources.map((s) => s.publisher))].join('; '),
    html: snippets(chart, origin).iframe,
    width: 600,
    height: EMBED_HEIGHT,
    cache_age: 86400,
    url: siteAddress(embedPath(chart)),
    ...(chart.images.png ? { thumbnail_url: siteAddress(chart.images.png), thumbnail_width: 1200, thumbnail_height: 675 } : {}),
  });
}
