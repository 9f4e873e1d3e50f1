/**
 * Checks shared by the pages that ship no framework (home, /charts/, states, embeds): that the
 * first load asks for none of SvelteKit's JavaScript, and that a prerendered chart's tooltip
 * answers the keyboard and the pointer with what the chart's own data hold (/charts/<key>.json, the
 * rows its CSV and embeds are made from), formatted as its table formats them: the expected text
 * is built from those rows and the chart's spec, never typed in.
 */
import type { Locator, Page } from 'playwright-core';
import { CHARTS } from '../../src/lib/charts/registry';
import { cell } from '../../src/lib/format';
import { fetchChart } from '../../src/lib/charts/chart-file';
import type { Row } from '../../src/lib/charts/types';

/** The SvelteKit JavaScript (runtime, hydration) a page asked for: none on a framework-free page. */
export const frameworkJs = (requests: string[]) => requests.filter((u) => /\/_app\/immutable\/(entry|nodes|chunks)\/.*\.js$/.test(new URL(u).pathname));

/** The chart's rows, as its data file holds them (null: not reported). */
export async function chartRows(origin: string, key: string): Promise<Row[]> {
  return (await fetchChart(origin, key))!.rows;
}

/** A bar's or a state's tooltip: every column of its row as the table writes it. */
export function rowTip(id: string, row: Row): string {
  return CHARTS[id]!.columns.map((c) => `${c.label}: ${cell(row[c.field], c.format)}`).join(', ');
}

/** A line chart's tooltip at the time of `row`: that time, then each series' value there, as sorted parts. */
export function lineTip(id: string, rows: Row[], x: string) {
  const spec = CHARTS[id]!;
  const fmt = (field: string) => spec.columns.find((c) => c.field === field)?.format ?? 'text';
  const at = rows.filter((r) => String(r[spec.x.field]) === x);
  const name = (r: Row) => (spec.series ? (spec.series.labels[String(r[spec.series.field])] ?? String(r[spec.series.field])) : spec.y.label);
  return { time: cell(x, fmt(spec.x.field)), parts: at.map((r) => `${name(r)} ${cell(r[spec.y.field], fmt(spec.y.field))}`).sort() };
}

/** The status text split as lineTip gives it. */
export const splitLineTip = (text: string | null) => {
  const [time, rest = ''] = (text ?? '').split(/: (.*)/s);
  return { time, parts: rest.split('; ').sort() };
};

/** The drawing shown at this width (a chart is prerendered at several) and its tooltip. */
export function shownChart(frame: Locator) {
  const svg = frame.locator('svg[data-plot]:visible');
  return { svg, status: frame.locator('p.tooltip[role="status"]:visible') };
}

/** Focus the chart and press these keys, the pointer out of the way first (focus scrolls the page, which could leave a bar under a resting pointer, whose tooltip is the pointer's). */
export async function pressOn(page: Page, svg: Locator, ...keys: string[]) {
  await page.mouse.move(0, 0);
  await svg.focus();
  for (const k of keys) await page.keyboard.press(k);
}

/** The line chart's x values in time order. */
export function times(id: string, rows: Row[]) {
  const x = CHARTS[id]!.x.field;
  return [...new Set(rows.map((r) => String(r[x])))].sort();
}
