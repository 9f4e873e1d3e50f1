/** Citation text for a chart: plain, naming the chart, its sources, the data release and the address. */
import type { ChartData } from './types';

export const SITE_NAME = 'Detention Data Dashboard';

export function citation(c: ChartData, origin: string): string {
  const sources = [...new Set(c.sources.map((s) => s.publisher))].join('; ');
  return `${SITE_NAME}, "${c.title}" (data release ${c.release}; sources: ${sources}), ${origin}${c.pagePath}#chart-${c.id}`;
}
