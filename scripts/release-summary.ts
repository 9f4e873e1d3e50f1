/**
 * The summary of the release just ingested (src/lib/changes/types.ts): the hash of every raw file
 * the sources declare, ICE's fiscal-year files, and each facility's fiscal-year populations with
 * the cell they were read from. Read from the published data/, like the charts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { datapackage, query } from '../src/lib/server/data';
import type { ReleaseSummary } from '../src/lib/changes/types';
import { resolveFiles } from './ingest/lib/files';
import { loadSources } from './ingest/lib/registry';

export async function summarizeRelease(sources: string): Promise<ReleaseSummary> {
  const inputs: ReleaseSummary['inputs'] = [];
  for (const src of await loadSources())
    for (const decl of src.files)
      for (const f of resolveFiles(sources, decl)) inputs.push({ file: f.label, sha256: createHash('sha256').update(readFileSync(f.path)).digest('hex') });
  inputs.sort((a, b) => a.file.localeCompare(b.file));

  const years = await query<{ fiscal_year: number; file: string }>('SELECT fiscal_year, min(source_file) AS file FROM ice_facility_fy GROUP BY 1 ORDER BY 1');
  const rows = await query<{ facility_id: string; fiscal_year: number; name: string; state: string | null; adp_total: number | null; source_file: string; source_sheet: string | null; source_row: number }>(
    'SELECT facility_id, fiscal_year, name, state, adp_total, source_file, source_sheet, source_row FROM ice_facility_fy ORDER BY facility_id, fiscal_year',
  );
  const facilities: ReleaseSummary['facilities'] = {};
  for (const r of rows) {
    // Names and states as of the facility's latest year (rows are in year order).
    const f = (facilities[r.facility_id] ??= { name: r.name, state: r.state, fy: {} });
    f.name = r.name;
    f.state = r.state;
    f.fy[r.fiscal_year] = { adp: r.adp_total, source: { file: r.source_file, sheet: r.source_sheet, row: r.source_row } };
  }
  return { release: datapackage().version, inputs, fiscalYears: Object.fromEntries(years.map((y) => [y.fiscal_year, y.file])), facilities };
}
