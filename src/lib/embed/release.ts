/**
 * A chart as an earlier data release drew it. The archive (data/releases/<release>.json, written by
 * the ingest; split per chart at build into /data/releases/<release>/<key>.json) keeps only what
 * changes between releases and what an embed draws: the plotted fields of each row, the sentence
 * stating the figures, titles, sources and as-of date. Method, columns and drawing come from the
 * current registry.
 */
import type { ChartData, Row } from '$lib/charts/types';

export type Archived = Pick<ChartData, 'release' | 'asOf' | 'title' | 'subtitle' | 'alt' | 'rows' | 'sources' | 'annotations'>;

export function archive(c: ChartData): Archived {
  const fields = [c.x.field, c.y.field, ...(c.series ? [c.series.field] : [])];
  const rows = c.rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f] ?? null])) as Row);
  return { release: c.release, asOf: c.asOf, title: c.title, subtitle: c.subtitle, alt: c.alt, rows, sources: c.sources, annotations: c.annotations };
}

/** The current chart with an earlier release's figures. Its table and CSV links stay those of the current release. */
export const pinned = (current: ChartData, old: Archived): ChartData => ({ ...current, ...old });
