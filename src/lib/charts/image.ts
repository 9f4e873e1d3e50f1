/**
 * Build-time chart images: ChartImage rendered to a standalone SVG document, and that SVG
 * rasterised to a 1200×675 PNG by resvg with fonts shipped in node_modules (dejavu-fonts-ttf), so
 * the PNG is the same on any machine, with or without system fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { render } from 'svelte/server';
import { cleanText } from '../text/safe';
import ChartImage from './ChartImage.svelte';
import type { ChartData } from './types';

export const IMAGE_WIDTH = 1200;
export const IMAGE_HEIGHT = 675;

export function chartSvg(chart: ChartData, opts: { address: string }): string {
  const { body } = render(ChartImage, { props: { chart, address: opts.address } });
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

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
// Regular, bold (titles, annotations) and oblique (the bars' "not reported"): the faces the images use.
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(FONT_DIR, f));

/** The image's RGBA pixels, as chartPng encodes them. */
export function chartPixels(svg: string): RenderedImage {
  // Cleaned again: an SVG made elsewhere with a control character would make resvg throw.
  return new Resvg(cleanText(svg), {
    fitTo: { mode: 'width', value: IMAGE_WIDTH },
    background: '#fff',
    // No system fonts: the same pixels on every machine, and no time spent scanning font folders.
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'error',
  }).render();
}

export function chartPng(svg: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(chartPixels(svg).asPng());
}
