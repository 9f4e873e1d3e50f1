/**
 * Browser look-ups for "near me" and "who represents this place", derived at build from the
 * committed data and fetched whole by /near, so a ZIP, city or location typed by a reader never
 * appears in any request: ZIP centroids with their congressional districts (geo/zips.json), city
 * centres (geo/cities.json), the members of Congress with their Washington office phone, address
 * and contact page (legislators.json), and what the actions need about each facility: its ICE field office and the source of its
 * population, and its deaths in custody on record (geo/facility-actions.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { packCities, packZips, type CityCentroids, type ZctaDistricts, type ZipCentroids } from '../src/lib/geo/packed';
import { officeFor, type Coverage, type FacilityActionsFile, type OfficeQuery } from '../src/lib/facilities/field-office';
import type { FieldOffice } from '../src/lib/actions/contacts';
import { onRecordByFacility, type DeathRow } from '../src/lib/deaths/on-record';

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
  // Each facility's field office by the same rule (and words) as its facility page, and its population's source cell.
  const offices = (await con.runAndReadAll(`SELECT * REPLACE (source_row::INT AS source_row) FROM ice_field_offices ORDER BY office_id`)).getRowObjectsJson() as unknown as FieldOffice[];
  const coverage = (await con.runAndReadAll(`SELECT state_code, state, county, office_id, source_file, source_row::INT AS source_row FROM ice_aor_coverage ORDER BY source_row`)).getRowObjectsJson() as unknown as Coverage[];
  const places = (
    await con.runAndReadAll(`SELECT f.facility_id AS id, f.population_source AS "populationSource", i.aor, i.address_source AS "aorSource", coalesce(z.state, f.state) AS state, u.county
                             FROM facilities f LEFT JOIN ice_facilities i ON i.facility_id = f.ice_facility_id
                             LEFT JOIN ucla_facilities u ON u.ucla_id = f.ucla_id LEFT JOIN zip_centroids z ON z.zip = f.zip ORDER BY f.facility_id`)
  ).getRowObjectsJson() as unknown as (OfficeQuery & { id: string; populationSource: string | null })[];
  // Deaths in custody per facility by the one rule (in_custody rows only) the facility pages use, for /near/'s scripts.
  // The pipeline has no $lib/server, so it reads the same columns src/lib/server/deaths.ts does from its own connection.
  const deathRows = (
    await con.runAndReadAll(`SELECT facility_id, strftime(death_date, '%Y-%m-%d') AS death_date, source_kind, in_custody FROM ice_deaths WHERE facility_id IS NOT NULL ORDER BY facility_id, death_date`)
  ).getRowObjectsJson() as unknown as (DeathRow & { facility_id: string })[];
  const file: FacilityActionsFile = { offices: {}, bases: [], office: {}, populationSource: {}, deaths: onRecordByFacility(deathRows) };
  const basisIndex = new Map<string, number>();
  for (const p of places) {
    if (p.populationSource) file.populationSource[p.id] = p.populationSource;
    const link = officeFor(p, offices, coverage);
    if (!link) continue;
    file.offices[link.office.office_id] = link.office;
    if (!basisIndex.has(link.basis)) basisIndex.set(link.basis, file.bases.push(link.basis) - 1);
    file.office[p.id] = [link.office.office_id, link.how, basisIndex.get(link.basis)!];
  }
  writeFileSync(join(out, 'geo', 'facility-actions.json'), JSON.stringify(file));
}
