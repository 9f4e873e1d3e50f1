/**
 * The fonts chart images are drawn with: DejaVu Sans from npm (dejavu-fonts-ttf), regular, bold
 * (titles, annotations) and oblique (the bars' "not reported"), and no system fonts, so an image
 * has the same pixels on every machine and no time goes to scanning font folders.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_OPTIONS: NonNullable<ResvgRenderOptions['font']> = {
  loadSystemFonts: false,
  fontFiles: ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => join(FONT_DIR, f)),
  defaultFontFamily: 'DejaVu Sans',
  sansSerifFamily: 'DejaVu Sans',
};

/**
 * How the PNG is encoded once drawn: charts use a few flat colours, so a 64-colour palette
 * (libimagequant, through sharp) keeps them as they look at about a third of the bytes.
 */
export const PNG_ENCODING = { palette: true, colors: 64, effort: 10, compressionLevel: 9 } as const;

/** The versions and settings that decide an image's bytes besides its SVG: part of the PNG cache's key. */
export const RENDERER_VERSION = [
  ...['@resvg/resvg-js', 'dejavu-fonts-ttf', 'sharp'].map((p) => `${p}@${(require(`${p}/package.json`) as { version: string }).version}`),
  JSON.stringify(PNG_ENCODING),
].join(' ');
