/**
 * What a chart's tooltip says, worked out by the one format module so that the framework-free
 * pages need no formatting code: static/js/charts.js reads it from the chart's `data-tips`
 * attribute (JSON) and moves the tooltip by pointer and keyboard. A chart drawn at several widths
 * carries it once (ChartPlot's first drawing); each drawing carries only its own scales (a few
 * numbers), from which the script places the focus line and dots. A prerendered line chart carries
 * instead its chart file's address (`data-tips-file`): the tips island (src/lib/islands/tips.ts)
 * runs lineTips over that file on the chart's first use.
 */
import { cell } from '$lib/format';
import { parseTime, seriesIds } from './line-layout';
import type { PlotData, Row } from './types';

/** A bar's or a state's tooltip: the row as the chart's table gives it. */
export const rowTip = (chart: PlotData, r: Row) => chart.columns.map((c) => `${c.label}: ${cell(r[c.field], c.format)}`).join(', ');

/** Bars and maps: one tooltip per row, in the table's order (the order arrow keys step through). */
export const rowTips = (chart: PlotData): string[] => chart.rows.map((r) => rowTip(chart, r));

/**
 * A line chart's tooltips, compact (a facility's daily series has over a thousand times, at every
 * page's cost): lists are joined with "|"; each time's label starts with one letter saying how many
 * characters it shares with the one before ("A" none, "B" one, …: "October 2, 2022" after
 * "October 1, 2022" is "I2, 2022"), the rest is new.
 */
export interface LineTips {
  /** Days since 1970-01-01 (UTC) of each time the chart draws, in order: the first, then the gap to the previous one (space-separated). */
  d: string;
  /** Each time as the table writes it ("March 2020"), prefix-coded. */
  x: string;
  /** The series' names, in the order their lines are drawn (the y label for a single series). */
  s: string[];
  /** Per series, its value at each time as the table writes it; empty where the series has no row at that time. */
  v: string[];
}

const DAY = 86_400_000;
const SEP = '|';
/** Most characters a label can take from the one before it (one letter says how many: A–Z). */
const MAX_SHARED = 25;

function joined(parts: string[], chart: PlotData): string {
  const bad = parts.find((p) => p.includes(SEP));
  if (bad !== undefined) throw new Error(`chart ${chart.id}: tooltip text ${JSON.stringify(bad)} contains "${SEP}", which separates them`);
  return parts.join(SEP);
}

/** Each label as the letter of the characters it shares with the one before (A = none), then the rest. */
export function prefixCoded(labels: string[]): string[] {
  return labels.map((label, i) => {
    const prev = labels[i - 1] ?? '';
    let k = 0;
    while (k < MAX_SHARED && k < label.length && label[k] === prev[k]) k++;
    return String.fromCharCode(65 + k) + label.slice(k);
  });
}

/** The time axis of a line chart and each series' value at every time (a gap is "not reported", never 0). */
export function lineTips(chart: PlotData): LineTips {
  const xf = chart.columns.find((c) => c.field === chart.x.field)?.format ?? 'text';
  const yf = chart.columns.find((c) => c.field === chart.y.field)?.format ?? 'count';
  const series = seriesIds(chart);
  const byTime = new Map<number, { label: string; values: Map<string, string> }>();
  for (const r of chart.rows) {
    const t = parseTime(String(r[chart.x.field]));
    if (!t) continue;
    const day = Math.round(t.getTime() / DAY);
    const at = byTime.get(day) ?? byTime.set(day, { label: cell(r[chart.x.field], xf), values: new Map() }).get(day)!;
    at.values.set(chart.series ? String(r[chart.series.field]) : '', cell(r[chart.y.field], yf));
  }
  const days = [...byTime.keys()].sort((a, b) => a - b);
  return {
    d: days.map((day, i) => (i ? day - days[i - 1]! : day)).join(' '),
    x: joined(prefixCoded(days.map((day) => byTime.get(day)!.label)), chart),
    s: chart.series ? series.map((s) => chart.series!.labels[s] ?? s) : [chart.y.label],
    v: series.map((s) => joined(days.map((day) => byTime.get(day)!.values.get(s) ?? ''), chart)),
  };
}
