/**
 * What the "Embed and cite" panel offers for a chart: embed code, image addresses and citations.
 * Addresses are built from `site`, the site's origin and base path (src/lib/paths.js), whose
 * origin is empty while prerendering (then /js/enhance.js completes them in the reader's browser).
 * The chart's own paths (ChartData) are site paths, before the base.
 *
 * The default embed is an iframe followed by /embed.js, which sizes the frame to the chart at any
 * width (the embed page posts its height). A site that strips scripts keeps the plain iframe, so
 * every iframe is given the height its chart needs in a 640-px column (ChartData.embedHeights).
 */
import { SITE_NAME, citationParts } from '$lib/charts/cite';
import type { ChartData } from '$lib/charts/types';

/** The frame width plain iframes are sized for: a typical article column. */
export const COLUMN_WIDTH = 640;
/** What a pinned embed adds when newer data exist: its note (two lines at 640 px, with padding and margin). */
const PINNED_NOTE = 72;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedPath(c: ChartData, release?: string): string {
  const q = new URLSearchParams({ ...c.params, ...(release ? { release } : {}) });
  return `/embed/${c.id}/${q.size ? `?${q}` : ''}`;
}

/** The height of a plain iframe of the chart in a 640-px column. */
export const iframeHeight = (c: ChartData) => c.embedHeights[String(COLUMN_WIDTH)]!;

export function iframe(c: ChartData, site: string, opts: { release?: string; height?: number } = {}): string {
  return `<iframe src="${site}${attr(embedPath(c, opts.release))}" title="${attr(c.title)}" width="100%" height="${opts.height ?? iframeHeight(c)}" style="border:0;display:block" loading="lazy"></iframe>`;
}

export function snippets(c: ChartData, site: string) {
  const resize = `<script src="${site}/embed.js" async></script>`;
  const { text, path } = citationParts(c);
  const [year, month, day] = c.release.split('-').map(Number);
  const released = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const publishers = [...new Set(c.sources.map((s) => s.publisher))].join('; ');
  return {
    embed: `${iframe(c, site)}\n${resize}`,
    iframe: iframe(c, site),
    pinned: `${iframe(c, site, { release: c.release, height: iframeHeight(c) + PINNED_NOTE })}\n${resize}`,
    svg: `${site}${c.images.svg}`,
    png: `${site}${c.images.png}`,
    square: c.images.square ? `${site}${c.images.square}` : null,
    cite: `${text}${site}${path}`,
    apa: `${SITE_NAME}. (${year}, ${released}). ${c.title} [Chart; data release ${c.release}]. Data: ${publishers}. ${site}${path}`,
  };
}
