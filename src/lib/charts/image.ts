/**
 * Build-time chart images: ChartImage rendered to a standalone SVG document laid out for its size
 * (./image-layout), and that SVG rasterised to PNG by resvg with the fonts shipped in node_modules
 * ($lib/server/fonts), so the PNG is the same on any machine, then stored with a palette (sharp); a chart whose drawing did not change
 * is not rasterised again ($lib/server/png-cache).
 */
import { renderAsync } from '@resvg/resvg-js';
import sharp from 'sharp';
import { render } from 'svelte/server';
import { FONT_OPTIONS, PNG_ENCODING, RENDERER_VERSION } from '../server/fonts';
import { cachedPng } from '../server/png-cache';
import { cleanText } from '../text/safe';
import ChartImage from './ChartImage.svelte';
import { IMAGE_SIZES, imageLayout, type ImageLayout, type ImageSize } from './image-layout';
import { seriesLabels } from './line-layout';
import type { ChartData } from './types';

export { IMAGE_SIZES, type ImageSize };

/** Where each chart image is laid out, for a size (the SVG draws exactly this). */
export function chartLayout(chart: ChartData, opts: { address: string | null; size?: ImageSize }): ImageLayout {
  return imageLayout(chart, opts.size ?? 'wide', { address: opts.address, seriesLabels: chart.kind === 'line' ? seriesLabels(chart) : [] });
}

export function chartSvg(chart: ChartData, opts: { address: string | null; size?: ImageSize }): string {
  const { body } = render(ChartImage, { props: { chart, layout: chartLayout(chart, opts) } });
  // Svelte escapes markup but not the characters XML 1.0 forbids: a U+000B in a name made the SVG
  // invalid and resvg refuse it. The markup itself holds none, so the whole document is cleaned.
  const svg = cleanText(body)
    // Svelte's hydration markers are HTML comments; an image has nothing to hydrate.
    .replace(/<!--[\s\S]*?-->/g, '')
    // The chart components follow their <svg> with HTML (legend list, tooltip paragraph) for the
    // page; ChartImage draws its own legend, and HTML inside an SVG document is not drawn.
    .replace(/<(p|ul)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .trim();
  if (!svg.startsWith('<svg') || !svg.endsWith('</svg>')) throw new Error(`chart image ${chart.id}: not a standalone SVG`);
  return svg;
}

/** The PNG of an image's SVG at its own size, rasterised off the main thread (the prerender draws several at once). */
export async function rasterise(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  // Cleaned again: an SVG made elsewhere with a control character would make resvg throw.
  const image = await renderAsync(cleanText(svg), { fitTo: { mode: 'original' }, background: '#fff', font: FONT_OPTIONS, logLevel: 'error' });
  return new Uint8Array(await sharp(image.asPng()).png(PNG_ENCODING).toBuffer());
}

/** The PNG of an SVG, from the cache when this SVG was rasterised before by the same renderer ($lib/server/png-cache). */
export function chartPng(svg: string, cache?: string): Promise<Uint8Array<ArrayBuffer>> {
  return cachedPng(svg, RENDERER_VERSION, rasterise, cache);
}
