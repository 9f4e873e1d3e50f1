/**
 * /oembed/<key>.json: the oEmbed answer (type "rich") for one chart variant, so a CMS that speaks
 * oEmbed embeds it from a pasted link; pages point to it with a discovery <link>. The spec
 * (oembed.com, 2.3.4) wants absolute URLs: they are under SITE_URL and the base path, or npm start's
 * address in a local build (scripts/build.ts warns). The html is a plain iframe (consumers often drop scripts), as
 * tall as the chart needs at the answer's width.
 */
import { json } from '@sveltejs/kit';
import { SITE_NAME } from '$lib/charts/cite';
import { chartForKey, variantEntries } from '$lib/server/charts';
import { absoluteUrl, siteAddress } from '$lib/server/site';
import { COLUMN_WIDTH, embedPath, iframe, iframeHeight } from '$lib/embed/snippets';
import { IMAGE_SIZES } from '$lib/charts/image-layout';

export const prerender = true;

export const entries = variantEntries;

export async function GET({ params }) {
  const chart = await chartForKey(params.chart);
  return json({
    version: '1.0',
    type: 'rich',
    title: chart.title,
    provider_name: SITE_NAME,
    provider_url: absoluteUrl('/'),
    author_name: [...new Set(chart.sources.map((s) => s.publisher))].join('; '),
    html: iframe(chart, siteAddress()),
    width: COLUMN_WIDTH,
    height: iframeHeight(chart),
    cache_age: 86400,
    url: absoluteUrl(embedPath(chart)),
    thumbnail_url: absoluteUrl(chart.images.png),
    thumbnail_width: IMAGE_SIZES.wide.w,
    thumbnail_height: IMAGE_SIZES.wide.h,
  });
}
