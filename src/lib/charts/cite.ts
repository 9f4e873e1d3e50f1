/** Citation text for a chart: plain, naming the chart, its sources, the data release and the address. */
import type { ChartData } from './types';

export const SITE_NAME = 'Detention Data Dashboard';

/** The citation without the address, and the address's path (the page and the chart's anchor). */
export function citationParts(c: ChartData): { text: string; path: string } {
  const sources = [...new Set(c.sources.map((s) => s.publisher))].join('; ');
  return { text: `${SITE_NAME}, "${c.title}" (data release ${c.release}; sources: ${sources}), `, path: `${c.pagePath}#chart-${c.id}` };
}

export function citation(c: ChartData, origin: string): string {
  const { text, path } = citationParts(c);
  return `${text}${origin}${path}`;
}
