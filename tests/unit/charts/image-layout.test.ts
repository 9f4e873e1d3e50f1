/**
 * Chart images laid out for their own size: on real charts (the 41-state bar chart, the top 20
 * facilities with their long names, a line chart, a facility's chart and the map), at 1200×675 and
 * 1080×1080, no text is cut short with "…", every bar label is drawn whole, nothing is drawn
 * outside the image's margins (resvg's own box of the ink), each label ends before its bar, and no
 * text is smaller than 14 px at the output size. Each check is also shown catching a planted fault.
 */
import { Resvg } from '@resvg/resvg-js';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartLayout, chartSvg } from '$lib/charts/image';
import { IMAGE_SIZES, MIN_TEXT, type ImageSize } from '$lib/charts/image-layout';
import type { ChartData, Params } from '$lib/charts/types';
import { loadChart } from '$lib/server/charts';
import { FONT_OPTIONS } from '$lib/server/fonts';
import { textWidth } from '$lib/charts/text-width';

const ADDRESS = 'https://example.org/charts/#chart-x';
const bbox = (svg: string) => new Resvg(svg, { font: FONT_OPTIONS }).getBBox();

/** The size of every piece of text at the output size: its font-size times the scale of the groups around it. */
function textSizes(svg: string): { text: string; size: number }[] {
  const out: { text: string; size: number }[] = [];
  const walk = (nodes: ChildNode[], size: number, scale: number) => {
    for (const n of nodes) {
      if (n.type === 'text') {
        if (n.data.trim()) out.push({ text: n.data.trim(), size: size * scale });
        continue;
      }
      const el = n as Element;
      if (!el.attribs || el.name === 'title' || el.name === 'desc') continue;
      const k = Number(/scale\(([\d.]+)\)/.exec(el.attribs.transform ?? '')?.[1] ?? 1);
      walk(el.children, el.attribs['font-size'] ? Number(el.attribs['font-size']) : size, scale * k);
    }
  };
  walk(parseDocument(svg, { xmlMode: true }).children, 16, 1);
  return out;
}

/** resvg's box of everything drawn but the white background. */
const inkBox = (svg: string, size: ImageSize) => bbox(svg.replace(`<rect width="${IMAGE_SIZES[size].w}" height="${IMAGE_SIZES[size].h}" fill="#fff"></rect>`, ''))!;

/** Whether the ink stays inside the image, at least `inset` px from each side edge and the bottom. */
function insideImage(svg: string, size: ImageSize, inset = 16): boolean {
  const b = inkBox(svg, size);
  const { w, h } = IMAGE_SIZES[size];
  return b.x >= inset && b.x + b.width <= w - inset && b.y >= 0 && b.y + b.height <= h - 4;
}

const CASES: [string, Params][] = [
  ['ice-by-state', {}],
  ['ice-top-facilities', {}],
  ['ice-national-monthly', {}],
  ['facility-adp', { facility: 'stwrtga' }],
  ['prisoners-by-state', {}],
];

describe.each(CASES)('image of %s', (id, params) => {
  let chart: ChartData;
  beforeAll(async () => {
    chart = await loadChart(id, params);
  });

  describe.each<ImageSize>(['wide', 'square'])('%s', (size) => {
    let svg: string;
    beforeAll(() => {
      svg = chartSvg(chart, { address: ADDRESS, size });
    });

    it('cuts no text short and draws nothing outside the margins', () => {
      expect(textSizes(svg).filter((t) => t.text.includes('…'))).toEqual([]);
      expect(insideImage(svg, size)).toBe(true);
    });

    it(`draws no text under ${MIN_TEXT} px at the output size`, () => {
      const sizes = textSizes(svg);
      expect(sizes.length).toBeGreaterThan(5);
      expect(sizes.filter((t) => t.size < MIN_TEXT)).toEqual([]);
    });

    it('draws every bar label whole, ending before its bar (measured by resvg)', () => {
      const layout = chartLayout(chart, { address: ADDRESS, size });
      if (chart.kind !== 'bar') return expect(layout.bars).toBeNull();
      const bars = layout.bars!;
      expect(bars.cells.map((c) => c.label.join(' '))).toEqual(chart.rows.map((r) => String(r[chart.x.field])));
      for (const c of bars.cells) {
        const label = `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.w}" height="${layout.h}"><text x="${c.x}" y="${c.y + bars.rowH / 2}" font-size="${bars.font}" font-family="DejaVu Sans" text-anchor="end">${c.label.map((l, j) => `<tspan x="${c.x}" dy="${j ? '1.15em' : '0.35em'}">${l.replace(/&/g, '&amp;')}</tspan>`).join('')}</text></svg>`;
        const b = bbox(label)!;
        expect(b.x, c.label.join(' ')).toBeGreaterThanOrEqual(layout.box.x - 1);
        expect(b.x + b.width, c.label.join(' ')).toBeLessThanOrEqual(c.barX);
        // The estimate used for the layout is never narrower than the drawn label.
        expect(Math.max(...c.label.map((l) => textWidth(l, bars.font)))).toBeGreaterThanOrEqual(b.width - 1);
      }
    });
  });
});

describe('the checks catch what they look for', () => {
  it('a label cut short, text past the edge and 12 px text are found', async () => {
    const chart = await loadChart('ice-top-facilities');
    const svg = chartSvg(chart, { address: ADDRESS, size: 'wide' });
    const name = String(chart.rows[0]!.label);
    expect(textSizes(svg.replace(name, `${name.slice(0, 10)}…`)).some((t) => t.text.includes('…'))).toBe(true);
    expect(insideImage(svg.replace('</svg>', '<text x="1190" y="300" font-size="20">Texas 11,666</text></svg>'), 'wide')).toBe(false);
    expect(textSizes(svg.replace('</svg>', '<g transform="scale(0.5)"><text font-size="24">small</text></g></svg>')).some((t) => t.size < MIN_TEXT)).toBe(true);
  });
});
