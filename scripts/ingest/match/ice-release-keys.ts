/**
 * Facility ids for the rows of every ICE release. The registry (./ice-facilities.ts) is built from
 * the yearly tables; a release row takes the id of the registry facility ICE listed under the same
 * name in the same state (names are grouped the same way there), else at the same street address
 * and ZIP. A facility listed only between year ends keeps a workbook id of its own
 * ("wb-<name>-<state>"), with the reason, and is added to the registry by ice_facilities.
 */
import type { StageContext } from '../lib/types';
import { addressKey, nameKey, slug } from './normalize';

interface Row { sha256: string; fiscal_year: number; source_file: string; source_row: number; name: string; address: string | null; state: string | null; zip: string | null }

const rowsOf = async <T>(ctx: StageContext, sql: string) => (await ctx.con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];

export async function keyReleaseRows(ctx: StageContext): Promise<void> {
  const yearly = await rowsOf<Row & { facility_id: string }>(ctx, `SELECT w.name, w.address, w.state, w.zip, k.facility_id FROM stg_ice_wb_facilities w JOIN stg_ice_facility_keys k USING (fiscal_year, source_file, source_row) ORDER BY w.fiscal_year, w.source_row`);
  const byName = new Map<string, string>();
  const byAddr = new Map<string, Set<string>>();
  for (const r of yearly) {
    byName.set(`${nameKey(r.name)}|${r.state ?? ''}`, r.facility_id);
    const a = addressKey(r.address);
    if (a && r.zip) byAddr.set(`${a}|${r.zip}`, (byAddr.get(`${a}|${r.zip}`) ?? new Set()).add(r.facility_id));
  }
  const rows = await rowsOf<Row>(ctx, `SELECT sha256, fiscal_year::INT fiscal_year, source_file, source_row::INT source_row, name, address, state, zip FROM stg_ice_rel_facilities ORDER BY release_date, source_file, source_row`);
  const out: Record<string, string | number | null>[] = [];
  let own = 0;
  for (const r of rows) {
    const named = byName.get(`${nameKey(r.name)}|${r.state ?? ''}`);
    const a = addressKey(r.address);
    const at = a && r.zip ? byAddr.get(`${a}|${r.zip}`) : undefined;
    let facility_id: string;
    let key_method: string;
    if (named) [facility_id, key_method] = [named, 'same name and state as in a yearly table'];
    else if (at?.size === 1) [facility_id, key_method] = [[...at][0]!, 'same street address and ZIP as in a yearly table'];
    else {
      facility_id = `wb-${slug(r.name)}-${(r.state ?? 'xx').toLowerCase()}`;
      key_method = at ? `listed only between year ends; its address is shared by ${[...at].join(', ')}, so it is not tied to either` : 'listed only between year ends: a workbook id of its own';
      own++;
      byName.set(`${nameKey(r.name)}|${r.state ?? ''}`, facility_id);
    }
    out.push({ sha256: r.sha256, source_file: r.source_file, source_row: r.source_row, facility_id, key_method });
  }
  await ctx.stage('stg_ice_release_keys', { sha256: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER', facility_id: 'VARCHAR', key_method: 'VARCHAR' }, out);
  const known = new Set(yearly.map((y) => y.facility_id));
  const between = out.filter((o) => !known.has(String(o.facility_id)));
  ctx.log(`match   ice release rows: ${rows.length} rows of ${new Set(rows.map((r) => r.sha256)).size} releases; ${rows.length - between.length} tied to a facility of the yearly tables, ${between.length} rows of ${own} facilities listed only between year ends`);
}
