import { CHARTS } from '$lib/charts/registry';

/** Plain HTML: /js/embed-frame.js names an unknown id when the server sends this page for one. */
export const csr = false;

/** The charts that can be embedded: each one's id, title and, for per-facility or per-state charts, its parameter. */
export function load() {
  return {
    charts: Object.values(CHARTS)
      .map((s) => ({ id: s.id, title: s.title(s.param ? { [s.param]: s.param === 'state' ? 'tx' : 'stwrtga' } : {}), param: s.param ?? null }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
