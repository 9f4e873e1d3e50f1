/**
 * Browser look-ups for "near me" and "who represents this place", derived at build from the
 * committed data and fetched whole by /near, so a ZIP, city or location typed by a reader never
 * appears in any request: ZIP centroids with their congressional districts (geo/zips.json), city
 * centres (geo/cities.json), the members of Congress with their Washington office phone, address
 * and contact page (legislators.json), and the ICE field offices (geo/field-offices.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { packCities, packZips, type CityCentroids, type ZctaDistricts, type ZipCentroids } from '../src/lib/geo/packed';

/** `sources`: where the members and the ZIP → district look-up come from (datapackage.json), for the pages to cite. */
export async function writeNearData(con: DuckDBConnection, out: string, sources: { source: object; districtSource: object }): Promise<void> {
  mkdirSync(join(out, 'geo'), { recursive: true });
  const cols = async <T>(sql: string) => (await con.runAndReadAll(sql)).getColumnsObjectJson() as unknown as T;
  const zips = await cols<ZipCentroids>(`SELECT zip, latitude AS lat, longitude AS lon FROM zip_centroids ORDER BY zip`);
  // "NY-10|NY-12": every (state, district) pair a ZCTA touches; district 0 is at-large.
  const districts = await cols<ZctaDistricts>(`SELECT zcta, string_agg(state || '-' || district, '|' ORDER BY state, district) AS districts FROM zcta_districts GROUP BY zcta ORDER BY zcta`);
  writeFileSync(join(out, 'geo', 'zips.json'), JSON.stringify(packZips(zips, districts)));
  // The source lists some cities once per county: keep one centre per (city, state).
  const cities = await cols<CityCentroids>(`SELECT city, state, latitude AS lat, longitude AS lon FROM city_centroids WHERE latitude IS NOT NULL
                                            QUALIFY row_number() OVER (PARTITION BY state, city ORDER BY city_id) = 1 ORDER BY state, city, city_id`);
  writeFileSync(join(out, 'geo', 'cities.json'), JSON.stringify(packCities(cities)));

  const members = (
    await con.runAndReadAll(`SELECT bioguide_id AS id, name, type, state, district::INT AS district, party, phone, url, contact_form, address, source_file, source_row::INT AS source_row
                             FROM legislators ORDER BY state, type, district, name`)
  ).getRowObjectsJson();
  writeFileSync(join(out, 'legislators.json'), JSON.stringify({ ...sources, members }));
  // ICE field office of each ICE facility (by its workbook AOR), for "call the field office" on /near.
  const offices = (
    await con.runAndReadAll(`SELECT office_id, aor_code, aor_name, office_name, address, city, state, zip, zip4, phone, phone_note, outreach_email, area_of_responsibility, source_file, source_row::INT AS source_row
                             FROM ice_field_offices WHERE aor_code IS NOT NULL ORDER BY aor_code`)
  ).getRowObjectsJson();
  const aor = (await con.runAndReadAll(`SELECT facility_id, aor FROM ice_facilities WHERE aor IS NOT NULL ORDER BY facility_id`)).getRows();
  writeFileSync(join(out, 'geo', 'field-offices.json'), JSON.stringify({ offices: Object.fromEntries(offices.map((o) => [o.aor_code, o])), facilityAor: Object.fromEntries(aor) }));
}
