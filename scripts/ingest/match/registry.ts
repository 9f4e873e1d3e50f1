/**
 * Tie ICE facilities to UCLA COVID Behind Bars' list of prisons and jails, so that a county jail
 * holding ICE detainees is one place: by name within the state (UCLA writes ICE facilities as
 * "ICE STEWART DETENTION CENTER"), by street address + ZIP, or by a point within 1 km whose name
 * shares a distinctive word.
 */
import { geoDistance } from 'd3';
import type { StageContext } from '../lib/types';
import { addressKey, nameKey, similarity } from './normalize';

interface Place { id: string; name: string; state: string | null; address: string | null; zip: string | null; latitude: number | null; longitude: number | null }

const EARTH_KM = 6371;
const rowsOf = async <T>(ctx: StageContext, sql: string) => (await ctx.con.runAndReadAll(sql)).getRowObjectsJson() as unknown as T[];
const strip = (n: string) => nameKey(n).replace(/^ICE /, '');

export async function linkRegistry(ctx: StageContext): Promise<void> {
  const ice = await rowsOf<Place>(ctx, `SELECT facility_id AS id, name, state, address, zip, latitude, longitude FROM ice_facilities`);
  const ucla = await rowsOf<Place & { jurisdiction: string }>(ctx, `SELECT ucla_id::VARCHAR AS id, name, state, address, zip, latitude, longitude, jurisdiction FROM ucla_facilities WHERE jurisdiction IN ('immigration', 'county', 'federal', 'state')`);
  const byName = new Map<string, Place[]>();
  for (const u of ucla) byName.set(`${strip(u.name)}|${u.state}`, [...(byName.get(`${strip(u.name)}|${u.state}`) ?? []), u]);
  const byAddr = new Map(ucla.filter((u) => addressKey(u.address) && u.zip).map((u) => [`${addressKey(u.address)}|${u.zip}`, u]));
  const taken = new Set<string>();
  const links: { facility_id: string; ucla_id: string; link_method: string }[] = [];
  for (const f of ice) {
    let hit: Place | undefined;
    let how = '';
    const named = byName.get(`${strip(f.name)}|${f.state}`)?.filter((u) => !taken.has(u.id));
    if (named?.length === 1) [hit, how] = [named[0], 'same name and state'];
    if (!hit && addressKey(f.address) && f.zip) {
      const u = byAddr.get(`${addressKey(f.address)}|${f.zip}`);
      if (u && !taken.has(u.id)) [hit, how] = [u, 'same street address and ZIP'];
    }
    if (!hit && f.latitude !== null && f.longitude !== null) {
      const near = ucla
        .filter((u) => !taken.has(u.id) && u.latitude !== null && u.longitude !== null)
        .map((u) => ({ u, km: geoDistance([f.longitude!, f.latitude!], [u.longitude!, u.latitude!]) * EARTH_KM }))
        .filter((x) => x.km < 1 && similarity(strip(f.name), strip(x.u.name)) > 0)
        .sort((a, b) => a.km - b.km);
      if (near[0]) [hit, how] = [near[0].u, `within ${near[0].km.toFixed(2)} km, similar name`];
    }
    if (hit) {
      taken.add(hit.id);
      links.push({ facility_id: f.id, ucla_id: hit.id, link_method: how });
    }
  }
  await ctx.stage('stg_registry_links', { facility_id: 'VARCHAR', ucla_id: 'BIGINT', link_method: 'VARCHAR' }, links.map((l) => ({ ...l, ucla_id: Number(l.ucla_id) })));
  ctx.log(`match   registry: ${links.length} ICE facilities tied to a UCLA prison or jail entry (${ucla.length} UCLA entries)`);
}
