/**
 * The one measure of chart text (src/lib/charts/text-width.ts): its committed table of DejaVu Sans
 * advances is what scripts/build-text-advances.ts measures from the fonts in node_modules today,
 * and on the labels of real charts a line's width is never short of what resvg draws (nor more than
 * a little wider); a character outside the table counts as at least an em. Each check is also shown
 * catching a planted fault.
 */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHARS, REGULAR, UNITS_PER_EM } from '$lib/charts/text-advances';
import { textWidth } from '$lib/charts/text-width';
import { loadChart } from '$lib/server/charts';
import { FONT_OPTIONS } from '$lib/server/fonts';
import { advancesModule, OUT } from '../../../scripts/build-text-advances';

/** The width resvg gives a whole line, kerned: where its ink starts anchored at its start less where it starts anchored at its end. */
function drawn(text: string, size: number, bold: boolean): number {
  const inkX = (anchor: string) => {
    const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size * 200}" height="${size * 4}"><text x="${size * 100}" y="${size * 2}" font-size="${size}" font-family="DejaVu Sans"${bold ? ' font-weight="bold"' : ''} text-anchor="${anchor}" xml:space="preserve">${esc}</text></svg>`;
    return new Resvg(svg, { font: FONT_OPTIONS }).getBBox()!.x;
  };
  return inkX('start') - inkX('end');
}

type Measure = (s: string, size: number, bold?: boolean) => number;
/** Lines the measure makes narrower than drawn, or more than 5% and 2.5 px wider (the kerning that narrows "Te" or "AY" is not counted, on purpose). */
const off = (labels: string[], measure: Measure, size: number, bold: boolean) =>
  labels.filter((l) => {
    const d = drawn(l, size, bold);
    const m = measure(l, size, bold);
    return m < d - 0.01 || m > d * 1.05 + 2.5;
  });

describe('the table of advances', () => {
  // About 100,000 pairs measured by resvg: some 15 s.
  it('is what the generator measures from the fonts in node_modules', { timeout: 120_000 }, () => {
    const committed = readFileSync(OUT, 'utf8');
    const measured = advancesModule();
    expect(committed).toBe(measured);
    // A changed advance is caught.
    expect(committed.replace(/REGULAR = \[(\d+)/, (_, n: string) => `REGULAR = [${Number(n) - 1}`)).not.toBe(measured);
  });
});

describe('textWidth on the labels of real charts', () => {
  let labels: string[];
  beforeAll(async () => {
    const charts = await Promise.all(['ice-by-state', 'ice-top-facilities', 'ice-national-daily', 'facility-releases'].map((id) => loadChart(id, id === 'facility-releases' ? { facility: 'stwrtga' } : {})));
    labels = [...new Set(charts.flatMap((c) => [c.title, c.subtitle, ...c.annotations.map((a) => a.label), ...(c.kind === 'bar' ? c.rows.map((r) => String(r[c.x.field])) : [])]))];
  });

  it('is never short of the line resvg draws, and at most 5% wider, regular and bold', () => {
    expect(labels.length).toBeGreaterThan(40);
    expect(off(labels, textWidth, 12, false)).toEqual([]);
    expect(off(labels, textWidth, 16.8, true)).toEqual([]);
  });

  it('would catch a measure that falls short or over-estimates', () => {
    expect(off(labels, (s, size, bold) => textWidth(s, size, bold) * 0.97, 12, false).length).toBeGreaterThan(0);
    // Advances alone, without the spacing kerning adds after some characters, fall short of a name ending ", LA".
    const advance = new Map([...CHARS].map((c, i) => [c, REGULAR[i]! / UNITS_PER_EM]));
    const sumOfAdvances = (s: string, size: number) => [...s].reduce((t, c) => t + advance.get(c)!, 0) * size;
    expect(off(['HOLD ROOM, LA'], sumOfAdvances, 12, false)).toEqual(['HOLD ROOM, LA']);
    expect(off(['HOLD ROOM, LA'], textWidth, 12, false)).toEqual([]);
    expect(off(labels, (s, size) => textWidth(s, size, true), 12, false).length).toBeGreaterThan(0);
  });
});

describe('a character outside the table', () => {
  it('counts as at least an em, and as wide as the widest character measured', () => {
    for (const c of ['中', '🙂', 'Ω']) {
      expect(textWidth(c, 10)).toBeGreaterThanOrEqual(10);
      expect(textWidth(c, 10)).toBeGreaterThanOrEqual(textWidth('W', 10));
      expect(textWidth(c, 10, true)).toBeGreaterThanOrEqual(textWidth('W', 10, true));
    }
  });
});
