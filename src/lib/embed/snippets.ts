/**
 * What the "Embed and cite" panel offers for a chart: iframe and script embed code, image
 * addresses and citations. Addresses are built from `origin`, which is empty while prerendering
 * (then /js/enhance.js completes them in the reader's browser).
 */
import { SITE_NAME, citationParts } from '$lib/charts/cite';
import type { ChartData } from '$lib/charts/types';

export const EMBED_HEIGHT = 480;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function embedPath(c: ChartData, release?: string): string {
  const q = new URLSearchParams({ ...c.params, ...(release ? { release } : {}) });
  return `/embed/${c.id}/${q.size ? `?${q}` : ''}`;
}

export function snippets(c: ChartData, origin: string) {
  const iframe = (release?: string) =>
    `<iframe src="${origin}${attr(embedPath(c, release))}" title="${attr(c.title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>`;
  const data = Object.entries(c.params).map(([k, v]) => ` data-${k}="${attr(v)}"`).join('');
  const { text, path } = citationParts(c);
  const [year, month, day] = c.release.split('-').map(Number);
  const released = new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const publishers = [...new Set(c.sources.map((s) => s.publisher))].join('; ');
  return {
    iframe: iframe(),
    pinned: iframe(c.release),
    script: `<div data-detention-chart="${c.id}"${data} data-title="${attr(c.title)}"></div>\n<script src="${origin}/embed.js" async></script>`,
    svg: `${origin}${c.images.svg}`,
    png: c.images.png ? `${origin}${c.images.png}` : null,
    cite: `${text}${origin}${path}`,
    apa: `${SITE_NAME}. (${year}, ${released}). ${c.title} [Chart; data release ${c.release}]. Data: ${publishers}. ${origin}${path}`,
  };
}
