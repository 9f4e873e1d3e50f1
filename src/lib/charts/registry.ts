/** Every chart, by id: one file per chart in ./specs, found at build time. */
import type { ChartSpec } from './types';

const modules = import.meta.glob<{ default: ChartSpec }>('./specs/*.ts', { eager: true });
export const CHARTS: Record<string, ChartSpec> = Object.fromEntries(Object.values(modules).map((m) => [m.default.id, m.default]));

export function chartSpec(id: string): ChartSpec {
  const spec = CHARTS[id];
  if (!spec) throw new Error(`unknown chart "${id}"; known: ${Object.keys(CHARTS).sort().join(', ')}`);
  return spec;
}
