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
import { describe, expect, it } from 'vitest';
import { PRERENDERED_WIDTHS } from '$lib/charts/widths';
import { differingPixels, drawing } from './drawing';
import { BAR_CHART, LINE_CHART } from '../../fixtures/charts/plot-data';

const GOLDEN = 'tests/fixtures/charts/golden';

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
