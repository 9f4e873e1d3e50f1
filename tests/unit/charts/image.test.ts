/**
 * Chart images (/charts/<key>.svg and .png, /charts/square/<key>.png): a standalone, well-formed SVG with the
 * chart's title, sources, data date and address drawn in, and PNGs at 1200×675 and 1080×1080 that
 * really show text and the chart.
 */
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '$lib/charts/registry';
import { chartPng, chartSvg } from '$lib/charts/image';
import type { ChartData, Params } from '$lib/charts/types';
import { date } from '$lib/format';
import { loadChart } from '$lib/server/charts';
import { FONT_OPTIONS } from '$lib/server/fonts';
import { absoluteUrl, imageAddress, LOCAL_ORIGIN, siteAddress, siteUrl } from '$lib/server/site';
import * as pngRoute from '../../../src/routes/charts/[chart].png/+server';
import * as squareRoute from '../../../src/routes/charts/square/[chart].png/+server';
import * as svgRoute from '../../../src/routes/charts/[chart].svg/+server';

/** The RGBA pixels of an SVG as the build rasterises it. */
const chartPixels = (svg: string) => new Resvg(svg, { fitTo: { mode: 'original' }, background: '#fff', font: FONT_OPTIONS }).render();

const W = 1200;
const H = 675;
const SVG_ELEMENTS = new Set(['svg', 'g', 'title', 'desc', 'rect', 'line', 'path', 'circle', 'text', 'tspan', 'defs', 'pattern', 'linearGradient', 'stop']);
const address = (c: ChartData) => `https://example.org${c.pagePath}#chart-${c.id}`;

/** A small XML well-formedness check (balanced tags, one root, quoted unique attributes, escaped text): the element names, in order. */
function xmlElements(xml: string): string[] {
  const names: string[] = [];
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+="[^"<]*")*)\s*(\/?)>/y;
  const badAmp = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? undefined : lt);
    if (badAmp.test(text)) throw new Error(`unescaped & in text near ${i}`);
    if (!open.length && text.trim()) throw new Error(`text outside the root near ${i}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 80)}`);
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      if (open.pop() !== name) throw new Error(`</${name}> closes nothing open at ${lt}`);
    } else {
      if (!open.length && names.length) throw new Error('more than one root element');
      const attrNames = [...attrs!.matchAll(/([\w.:-]+)="([^"]*)"/g)].map((a) => {
        if (badAmp.test(a[2]!)) throw new Error(`unescaped & in attribute ${a[1]} of <${name}>`);
        return a[1];
      });
      if (new Set(attrNames).size !== attrNames.length) throw new Error(`duplicate attribute on <${name}>`);
      names.push(name!);
      if (!selfClose) open.push(name!);
    }
    i = tag.lastIndex;
  }
  if (open.length) throw new Error(`unclosed <${open.join('>, <')}>`);
  return names;
}

/** The words the SVG draws, as one string (wrapped lines joined by a space). */
function svgText(svg: string): string {
  return svg
    .replace(/<title>[\s\S]*?<\/title>|<desc>[\s\S]*?<\/desc>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Pixels of the rendered image matching a test, within a rectangle. */
function countPixels(px: Uint8Array, test: (r: number, g: number, b: number) => boolean, area = { x0: 0, y0: 0, x1: W, y1: H }): number {
  let n = 0;
  for (let y = area.y0; y < area.y1; y++)
    for (let x = area.x0; x < area.x1; x++) {
      const o = (y * W + x) * 4;
      if (test(px[o]!, px[o + 1]!, px[o + 2]!)) n++;
    }
  return n;
}
const dark = (r: number, g: number, b: number) => r < 100 && g < 100 && b < 100;
const near = (c: [number, number, number], tol = 40) => (r: number, g: number, b: number) => Math.abs(r - c[0]) <= tol && Math.abs(g - c[1]) <= tol && Math.abs(b - c[2]) <= tol;
const CHART_BLUE: [number, number, number] = [0x1d, 0x4e, 0xd8];

describe.each<[string, Params]>([
  ['ice-national-monthly', {}],
  ['facility-adp', { facility: 'stwrtga' }],
])('image of %s %o', (id, params) => {
  let chart: ChartData;
  let svg: string;
  let png: Uint8Array;
  let px: Uint8Array;
  beforeAll(async () => {
    chart = await loadChart(id, params);
    svg = chartSvg(chart, { address: address(chart) });
    png = await chartPng(svg, mkdtempSync(join(tmpdir(), 'png-')));
    px = chartPixels(svg).pixels;
  });

  it('is a standalone, well-formed SVG document of SVG elements only, 1200×675', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<!--');
    const names = xmlElements(svg);
    expect(names[0]).toBe('svg');
    expect(names.filter((n) => !SVG_ELEMENTS.has(n))).toEqual([]);
    const root = svg.slice(0, svg.indexOf('>'));
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(root).toMatch(/ width="1200"/);
    expect(root).toMatch(/ height="675"/);
    expect(root).toContain('viewBox="0 0 1200 675"');
  });

  it('draws the title, subtitle, sources, data date, release, license and address from the ChartData', () => {
    const text = svgText(svg);
    expect(text).toContain(chart.title);
    expect(text).toContain(chart.subtitle);
    expect(text).toContain(`Source: ${chart.sources.map((s) => `${s.publisher}, ${s.title}`).join('; ')}.`);
    expect(text).toContain(`Data as of ${date(chart.asOf)}; release ${chart.release}. License: ${chart.licenses.join(', ')}.`);
    expect(text).toContain('Detention Data Dashboard');
    expect(text).toContain(address(chart));
  });

  it('is a 1200×675 PNG', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = new DataView(png.buffer, png.byteOffset + 16, 8);
    expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([W, H]);
    expect(px.length).toBe(W * H * 4);
  });

  it('shows text and the chart in its colour, inside the margins', () => {
    expect(countPixels(px, dark)).toBeGreaterThan(2000);
    expect(countPixels(px, near(CHART_BLUE))).toBeGreaterThan(500);
    // Nothing overflows the side margins (text wider than estimated would).
    const white = (r: number, g: number, b: number) => r > 250 && g > 250 && b > 250;
    expect(countPixels(px, white, { x0: 0, y0: 0, x1: 20, y1: H })).toBe(20 * H);
    expect(countPixels(px, white, { x0: W - 20, y0: 0, x1: W, y1: H })).toBe(20 * H);
  });

  it('draws its text with the packaged fonts (the title area is not blank)', () => {
    expect(countPixels(px, dark, { x0: 0, y0: 0, x1: W, y1: 60 })).toBeGreaterThan(500);
  });
});

describe('every chart kind', () => {
  for (const spec of Object.values(CHARTS)) {
    it(`${spec.id} renders a well-formed SVG of SVG elements only`, async () => {
      const chart = await loadChart(spec.id, spec.param ? { [spec.param]: spec.param === 'facility' ? 'stwrtga' : 'tx' } : {});
      const svg = chartSvg(chart, { address: address(chart) });
      expect(xmlElements(svg).filter((n) => !SVG_ELEMENTS.has(n))).toEqual([]);
      expect(svgText(svg)).toContain(chart.title);
    });
  }
});

describe('routes', () => {
  const saved = process.env.SITE_URL;
  const savedBase = process.env.BASE_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = saved;
    if (savedBase === undefined) delete process.env.BASE_PATH;
    else process.env.BASE_PATH = savedBase;
  });
  // The handlers read only params; the rest of kit's RequestEvent is not needed here.
  const event = (chart: string) => ({ params: { chart } }) as never;

  it('SITE_URL gives images their address and oEmbed its origin; without it images name no address and oEmbed says localhost', () => {
    delete process.env.SITE_URL;
    expect(siteUrl()).toBeNull();
    expect(imageAddress('/charts/#chart-x')).toBeNull();
    expect(absoluteUrl('/embed/x/')).toBe(`${LOCAL_ORIGIN}/embed/x/`);
    process.env.SITE_URL = 'https://example.org/';
    expect(imageAddress('/charts/#chart-x')).toBe('https://example.org/charts/#chart-x');
    expect(absoluteUrl('/embed/x/')).toBe('https://example.org/embed/x/');
    process.env.SITE_URL = 'example.org';
    expect(() => siteUrl()).toThrow(/SITE_URL="example.org" is not the site's address/);
  });

  it("BASE_PATH puts the images' address and oEmbed's URLs under the base, with SITE_URL or without", () => {
    process.env.BASE_PATH = '/dashboard';
    delete process.env.SITE_URL;
    expect(absoluteUrl('/embed/x/')).toBe(`${LOCAL_ORIGIN}/dashboard/embed/x/`);
    expect(siteAddress()).toBe(`${LOCAL_ORIGIN}/dashboard`);
    process.env.SITE_URL = 'https://org.github.io';
    expect(imageAddress('/charts/#chart-x')).toBe('https://org.github.io/dashboard/charts/#chart-x');
    expect(absoluteUrl('/')).toBe('https://org.github.io/dashboard/');
  });

  it('prerender an SVG and a 1200×675 PNG for every variant, and a square PNG for every variant without a facility', async () => {
    const svgKeys = (await svgRoute.entries()).map((e) => e.chart);
    const pngKeys = (await pngRoute.entries()).map((e) => e.chart);
    const squareKeys = (await squareRoute.entries()).map((e) => e.chart);
    expect(pngKeys).toEqual(svgKeys);
    expect(pngKeys).toContain('facility-adp--stwrtga');
    expect(squareKeys).toContain('state-ice-adp--tx');
    expect(squareKeys.filter((k) => k.startsWith('facility-'))).toEqual([]);
    expect(squareKeys.length).toBe(svgKeys.filter((k) => !k.startsWith('facility-')).length);
  });

  it('serve image/svg+xml and image/png with the address under SITE_URL, and 404 otherwise', async () => {
    process.env.SITE_URL = 'https://example.org';
    const svg = await svgRoute.GET(event('facility-adp--stwrtga'));
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('https://example.org/facilities/stwrtga/#chart-facility-adp');
    for (const [route, key, size] of [[pngRoute, 'facility-adp--stwrtga', [1200, 675]], [squareRoute, 'ice-national-monthly', [1080, 1080]]] as const) {
      const png = await route.GET(event(key));
      expect(png.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await png.arrayBuffer());
      const ihdr = new DataView(bytes.buffer, 16, 8);
      expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual(size);
    }
    await expect(svgRoute.GET(event('no-such-chart'))).rejects.toMatchObject({ status: 404 });
    await expect(squareRoute.GET(event('facility-adp--stwrtga'))).rejects.toMatchObject({ status: 404 });
  });
});

describe('the PNG cache', () => {
  it('rasterises an SVG once: the second time the PNG comes from the cache, and a changed SVG is drawn again', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'png-'));
    const chart = await loadChart('ice-national-monthly');
    const svg = chartSvg(chart, { address: null });
    const first = await chartPng(svg, cache);
    const [entry] = readdirSync(cache);
    const before = statSync(join(cache, entry!)).mtimeMs;
    const again = await chartPng(svg, cache);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(readdirSync(cache)).toEqual([entry]);
    expect(statSync(join(cache, entry!)).mtimeMs).toBeGreaterThanOrEqual(before);
    await chartPng(svg.replace(chart.title, `${chart.title} (changed)`), cache);
    expect(readdirSync(cache).length).toBe(2);
  });
});
