import { CHARTS } from '$lib/charts/registry';
import type { Params } from '$lib/charts/types';
import type { Figure } from '$lib/figures';
import { query } from '$lib/server/data';
import * as m from '$lib/server/methodology';

/** Chart titles take the chart's parameter: show them for one example state and facility, from the data. */
async function exampleParams(): Promise<Record<'state' | 'facility', Params>> {
  const [f] = await query<{ id: string }>(`SELECT facility_id AS id FROM ice_facilities WHERE last_fiscal_year IS NOT NULL ORDER BY last_fiscal_year DESC, latest_adp DESC NULLS LAST LIMIT 1`);
  return { state: { state: 'tx' }, facility: { facility: f?.id ?? '' } };
}

export async function load() {
  const examples = await exampleParams();
  const charts = Object.values(CHARTS)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((s) => {
      const p = s.param ? examples[s.param] : {};
      let title = s.id;
      // A title that cannot be made for the example parameter must not break the page: fall back to the id.
      try {
        title = s.title(p);
      } catch {
        /* keep the id */
      }
      return { id: s.id, kind: s.kind, param: s.param ?? null, title, method: s.method, caveats: s.caveats ?? [], datasets: s.datasets };
    });
  const [figures, workbooks, missing, adpMissing, revisions, rounding, sums, annual, snapshots, ppi, matching, ucla, marshallSystems, unified] = await Promise.all([
    query<Figure>('SELECT * FROM headline_figures ORDER BY as_of DESC, id'),
    m.workbookYears(),
    m.facilityMissing(),
    m.adpNotReported(),
    m.bjsRevisions(),
    m.cpusRounding(),
    m.facilitySums(),
    m.marshallVsCraig(),
    m.snapshotVsDaily(),
    m.ppiVsBjs(),
    m.facilityRegistry(),
    m.uclaCoverage(),
    m.marshallSystems(),
    m.unifiedSystems(),
  ]);
  // The facility-sum caveat is the state ICE chart's own: one text, shown there and here.
  const facilitySumCaveat = CHARTS['state-ice-adp']?.caveats?.[0] ?? '';
  return { facilitySumCaveat, unified, charts, figures, workbooks, missing, adpMissing, revisions, rounding, sums, annual, snapshots, ppi, matching, ucla, marshallSystems, nearbyDays: m.NEARBY_DAYS };
}
