/**
 * The chart registry's types. A ChartSpec (one file per chart in ./specs) says what a chart
 * shows and where its numbers come from; the server turns it into ChartData (plain JSON) at build
 * time, and the page, the CSV download (and later the embed and the image) are all made from that.
 */

import type { Topic } from '$lib/actions/act-on';

export type Params = Record<string, string>;
export type Row = Record<string, string | number | boolean | null>;

export interface Column {
  field: string;
  label: string;
  /** 'count' (37,688), 'number' (one decimal), 'text', 'month' (March 2020), 'date', 'year'. */
  format: 'count' | 'number' | 'text' | 'month' | 'date' | 'year';
}

export interface Annotation {
  x: string | number;
  y: number;
  label: string;
  series?: string;
}

export interface ChartSpec {
  id: string;
  kind: 'line' | 'bar' | 'choropleth';
  /** The variant a chart is drawn for (one facility, one state), if any. */
  param?: 'facility' | 'state';
  /** Every value of `param` the chart is drawn for (its embeds, images and JSON): SQL returning a column `value`, or a list. */
  variants?: string | string[];
  title: (p: Params) => string;
  /** SQL giving the `name` of what a variant is drawn for, put before the title ("STEWART DETENTION CENTER: …") so an embed or image names it. */
  subject?: (p: Params) => string;
  /** Ends with the period shown, read from the rows the query returned (./period), never typed in. */
  subtitle: (p: Params, rows: Row[]) => string;
  /** Datasets the query reads: sources, licenses and dates are taken from datapackage.json. */
  datasets: string[];
  /** SQL over the dataset views (one view per dataset, named after it). Params are validated ids. */
  query: (p: Params) => string;
  /** x: time ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD' text) for lines, category for bars, state code for maps. */
  x: { field: string; label: string; type: 'time' | 'category' | 'state' };
  y: { field: string; label: string; unit: string };
  /** Field naming the series of a multi-line chart, and the label of each series. */
  series?: { field: string; labels: Record<string, string> };
  columns: Column[];
  method: string;
  caveats?: string[];
  /** A sentence or two stating what the chart shows, with its key numbers. */
  describe: (rows: Row[], p: Params) => string;
  annotate?: (rows: Row[]) => Annotation[];
  /** What the chart is about, for its "Act on this" panel ($lib/actions/act-on). */
  topic: Topic;
  /** The page a chart without parameters lives on, when not /charts/ (its embeds and images link there). */
  page?: string;
  /** False for charts too large to keep per data release (pinned embeds then show current figures). */
  archived?: boolean;
}

export interface Source {
  title: string;
  publisher: string;
  /** Original address; null when none is recorded. */
  path: string | null;
}

/** What a page receives: everything needed to draw, describe, cite and download one chart. */
export interface ChartData {
  id: string;
  /** The variant's key in URLs: "ice-national-monthly", "facility-daily--stwrtga". */
  key: string;
  params: Params;
  kind: ChartSpec['kind'];
  title: string;
  subtitle: string;
  x: ChartSpec['x'];
  y: ChartSpec['y'];
  series: ChartSpec['series'] | null;
  columns: Column[];
  rows: Row[];
  alt: string;
  annotations: Annotation[];
  method: string;
  caveats: string[];
  sources: Source[];
  licenses: string[];
  attribution: string;
  /** Newest date among the datasets' temporal coverage. */
  asOf: string;
  /** Data release the chart was built from (datapackage version). */
  release: string;
  /** Same-origin path of the CSV of exactly these rows. */
  csvPath: string;
  /**
   * Same-origin paths of the chart's images: SVG and PNG at 1200×675 for every variant, and a
   * 1080×1080 PNG for social posts, not for per-facility variants (thousands of files more than
   * the build's file budget allows; see $lib/server/charts hasSquarePng).
   */
  images: { svg: string; png: string; square: string | null };
  /** The embed's height in CSS pixels at frame widths 320, 480, 640 and 800 (for plain iframes; $lib/server/embed-height). */
  embedHeights: Record<string, number>;
  /** Path of the page the chart lives on (for citations and "view full page" links). */
  pagePath: string;
  topic: Topic;
  /** For choropleths: state outlines drawn at build time (975×610, Albers USA). */
  geo?: { shapes: { code: string; name: string; d: string }[]; borders: string };
}

/**
 * What drawing a chart needs (ChartPlot and the line, bar and map components): a ChartData, or a
 * chart of an explorer result. `key`, a chart variant's (none for an explorer result), names the
 * file its rows are on (/charts/<key>.json), where a prerendered line chart's tooltips are read from.
 */
export type PlotData = Pick<ChartData, 'id' | 'kind' | 'x' | 'y' | 'series' | 'columns' | 'rows' | 'alt' | 'annotations' | 'geo'> & Partial<Pick<ChartData, 'key'>>;
