/**
 * Golden drawings: the line and bar chart components, on two hand-made charts
 * (tests/fixtures/charts/plot-data.ts) at every prerendered width, rasterise (resvg, the fonts the
 * build ships) to exactly the pixels of their golden SVGs in tests/fixtures/charts/golden/. The
 * markup may change (shorter path data, attributes set once on a group); what is drawn may not,
 * unless on purpose: then `UPDATE_GOLDEN=1 npx vitest run tests/unit/charts/drawings.test.ts`
 * rewrites the goldens, and the diff shows the change. A planted fault (one step of a series
 * dropped) is shown to be caught.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import BarChart from '$lib/charts/BarChart.svelte';
import LineChart from '$lib/charts/LineChart.svelte';
import { PRERENDERED_WIDTHS } from '$lib/charts/widths';
import type { PlotData } from '$lib/charts/types';
import { FONT_OPTIONS } from '$lib/server/fonts';
import { BAR_CHART, LINE_CHART } from '../../fixtures/charts/plot-data';

const GOLDEN = 'tests/fixtures/charts/golden';

/** The chart's <svg> as a page carries it (the component's HTML after it left out), made a standalone SVG document. */
export function drawing(chart: PlotData, width: number): string {
  const { body } = render(chart.kind === 'line' ? LineChart : BarChart, { props: { chart, width } });
  const svg = /<svg[\s\S]*<\/svg>/.exec(body.replace(/<!--[\s\S]*?-->/g, ''))![0];
  // The tooltips' text is not drawn (static/js/charts.js reads it): left out of the goldens.
  return svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"').replace(/ data-tips="[^"]*"/, '');
}

/** The RGBA pixels resvg draws for an SVG, on white. */
export const pixels = (svg: string) => new Resvg(svg, { fitTo: { mode: 'original' }, background: '#fff', font: FONT_OPTIONS, logLevel: 'off' }).render().pixels;

/** How many pixels differ between two drawings (a different size counts every pixel). */
export function differingPixels(a: string, b: string): number {
  const [pa, pb] = [pixels(a), pixels(b)];
  if (pa.length !== pb.length) return Math.max(pa.length, pb.length) / 4;
  let n = 0;
  for (let i = 0; i < pa.length; i += 4) if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2] || pa[i + 3] !== pb[i + 3]) n++;
  return n;
}

describe.each([LINE_CHART, BAR_CHART])('$id', (chart) => {
  it.each([...PRERENDERED_WIDTHS])('draws the pixels of its golden SVG at %i px', (width) => {
    const file = join(GOLDEN, `${chart.id}-${width}.svg`);
    const svg = drawing(chart, width);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, `${svg}\n`);
    }
    expect(differingPixels(svg, readFileSync(file, 'utf8'))).toBe(0);
  });
});

it('catches a drawing that lost one step of a series', () => {
  const svg = drawing(LINE_CHART, PRERENDERED_WIDTHS[2]);
  // The last number of the first series' path dropped: its last step goes elsewhere, or goes.
  const planted = svg.replace(/(<path class="series[^>]*? d="[^"]*?)[\s,]?-?\d+"/, '$1"');
  expect(planted).not.toBe(svg);
  expect(differingPixels(svg, planted)).toBeGreaterThan(0);
});
