/**
 * A chart component's drawing as a standalone SVG, and resvg's pixels of it, for the tests that
 * show a change of markup draws the same (./drawings.test.ts, ./path-data.test.ts).
 */
import { Resvg } from '@resvg/resvg-js';
import { render } from 'svelte/server';
import BarChart from '$lib/charts/BarChart.svelte';
import LineChart from '$lib/charts/LineChart.svelte';
import type { PlotData } from '$lib/charts/types';
import { FONT_OPTIONS } from '$lib/server/fonts';

/** The chart's <svg> as a page carries it (the component's HTML after it left out), made a standalone SVG document. */
export function drawing(chart: PlotData, width: number): string {
  const { body } = render(chart.kind === 'line' ? LineChart : BarChart, { props: { chart, width } });
  const svg = /<svg[\s\S]*<\/svg>/.exec(body.replace(/<!--[\s\S]*?-->/g, ''))![0];
  // The tooltips' text is not drawn (static/js/charts.js reads it): left out.
  return svg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"').replace(/ data-tips="[^"]*"/, '');
}

/** The RGBA pixels resvg draws for an SVG, on white, with the fonts the build ships. */
export const pixels = (svg: string) => new Resvg(svg, { fitTo: { mode: 'original' }, background: '#fff', font: FONT_OPTIONS, logLevel: 'off' }).render().pixels;

/** How many pixels differ between two drawings (a different size counts every pixel). */
export function differingPixels(a: string, b: string): number {
  const [pa, pb] = [pixels(a), pixels(b)];
  if (pa.length !== pb.length) return Math.max(pa.length, pb.length) / 4;
  let n = 0;
  for (let i = 0; i < pa.length; i += 4) if (pa[i] !== pb[i] || pa[i + 1] !== pb[i + 1] || pa[i + 2] !== pb[i + 2] || pa[i + 3] !== pb[i + 3]) n++;
  return n;
}
