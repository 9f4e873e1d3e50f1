/**
 * Browser look-ups for "near me" and "who represents this place", derived at build from the
 * committed data: ZCTA → congressional districts, and the members of Congress with their
 * Washington office phone, address and contact page. Fetched whole by the page, so a ZIP typed by
 * a reader never appears in any request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

export async function writeNearData(con: DuckDBConnection, out: string, source: object): Promise<void> {
  mkdirSync(join(out, 'geo'), { recursive: true });
  // "NY-10|NY-12": every (state, district) pair a ZCTA touches; district 0 is at-large.
  const d = (await con.runAndReadAll(`SELECT zcta, string_agg(state || '-' || district, '|' ORDER BY state, district) AS districts FROM zcta_districts GROUP BY zcta ORDER BY zcta`)).getColumnsObjectJson();
  writeFileSync(join(out, 'geo', 'zcta-districts.json'), JSON.stringify(d));
  const members = (
    await con.runAndReadAll(`SELECT bioguide_id AS id, name, type, state, district::INT AS district, party, phone, url, contact_form, address, source_file, source_row::INT AS source_row
                             FROM legislators ORDER BY state, type, district, name`)
  ).getRowObjectsJson();
  writeFileSync(join(out, 'legislators.json'), JSON.stringify({ source, members }));
  // ICE field office of each ICE facility (by its workbook AOR), for "call the field office" on /near.
  const offices = (
    await con.runAndReadAll(`SELECT office_name, aor_code, address, city, state, zip, phone, phone_note, outreach_email, source_file, source_row::INT AS source_row
                             FROM ice_field_offices WHERE aor_code IS NOT NULL ORDER BY aor_code`)
  ).getRowObjectsJson();
  const aor = (await con.runAndReadAll(`SELECT facility_id, aor FROM ice_facilities WHERE aor IS NOT NULL ORDER BY facility_id`)).getRows();
  writeFileSync(join(out, 'geo', 'field-offices.json'), JSON.stringify({ offices: Object.fromEntries(offices.map((o) => [o.aor_code, o])), facilityAor: Object.fromEntries(aor) }));
}
