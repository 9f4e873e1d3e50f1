/**
 * A prerendered line chart's tooltips are read from its chart file (/charts/<key>.json, through the
 * tips island, src/lib/islands/tips.ts) instead of being carried in the page: for the line chart
 * variants the build writes, the file, through JSON as a browser gets it, gives exactly the tooltips
 * the page carried inline, gaps ("not reported") and every series included. A lossy file is caught.
 * All of them (over a thousand) take half a minute: every chart without a parameter, and of each chart with
 * one, SAMPLE variants spread evenly over its list (its first and last included).
 */
import { group } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { packChart, unpackChart, type ChartFile } from '$lib/charts/chart-file';
import { CHARTS } from '$lib/charts/registry';
import { lineTips } from '$lib/charts/tips';
import type { ChartData, Row } from '$lib/charts/types';
import { chartVariants, loadChart } from '$lib/server/charts';

/** A chart's file as a browser reads it. */
const fileOf = (chart: ChartData) => JSON.parse(JSON.stringify(packChart(chart))) as ChartFile;

/** The keys of the charts whose file gives other tooltips than the chart itself. */
const differing = (charts: ChartData[], file: (c: ChartData) => ChartFile) => charts.filter((c) => JSON.stringify(lineTips(unpackChart(file(c)))) !== JSON.stringify(lineTips(c))).map((c) => c.key);

const hasGap = (c: ChartData) => c.rows.some((r) => r[c.y.field] === null);

/** Variants checked of each chart with a parameter. */
const SAMPLE = 40;

let charts: ChartData[] = [];
let total = 0;
beforeAll(async () => {
  const lines = (await chartVariants()).filter((v) => CHARTS[v.id]!.kind === 'line');
  total = lines.length;
  const spread = [...group(lines, (v) => v.id).values()].flatMap((vs) => (vs.length <= SAMPLE ? vs : Array.from({ length: SAMPLE }, (_, i) => vs[Math.round((i * (vs.length - 1)) / (SAMPLE - 1))]!)));
  charts = await Promise.all(spread.map((v) => loadChart(v.id, v.params)));
}, 120_000);

describe('line chart tooltips from the chart file', () => {
  it('are the inline tooltips, for every line chart and a spread of its variants, gaps and several series included', () => {
    console.log(`${charts.length} of ${total} line chart variants`);
    expect(new Set(charts.map((c) => c.id)).size).toBe(Object.values(CHARTS).filter((s) => s.kind === 'line').length);
    expect(charts.some((c) => c.series && hasGap(c))).toBe(true);
    expect(differing(charts, fileOf)).toEqual([]);
    // Deep equality as well, on the first variant of each chart.
    for (const c of charts.filter((x, i) => charts.findIndex((y) => y.id === x.id) === i)) expect(lineTips(unpackChart(fileOf(c))), c.key).toEqual(lineTips(c));
  });

  it('catches a lossy file: a gap written as 0, a figure rounded', () => {
    const lossy = (change: (v: Row[string]) => Row[string]) => (c: ChartData) => fileOf({ ...c, rows: c.rows.map((r) => ({ ...r, [c.y.field]: change(r[c.y.field]!) })) });
    const gapped = charts.filter((c) => c.series && hasGap(c)).slice(0, 20);
    expect(differing(gapped, lossy((v) => v ?? 0))).toEqual(gapped.map((c) => c.key));
    const fractional = charts.filter((c) => c.rows.some((r) => typeof r[c.y.field] === 'number' && Math.abs((r[c.y.field] as number) % 1) >= 0.05)).slice(0, 20);
    expect(fractional.length).toBeGreaterThan(0);
    expect(differing(fractional, lossy((v) => (typeof v === 'number' ? Math.round(v) : v)))).not.toEqual([]);
  });
});
