/**
 * Where a facility is on the locator map: d3-geo only, so the same code runs at
 * build time and in tests. The projection is the one us-atlas pre-projected its Albers files
 * with (geoAlbersUsa, scale 1300, translate [487.5, 305]; see us-atlas README), so a projected
 * point lands on the states drawn from states-albers-10m.json.
 */
import { geoAlbersUsa } from 'd3';

/** The us-atlas Albers frame, in SVG units. */
export const ALBERS = { width: 975, height: 610 } as const;
const projection = geoAlbersUsa().scale(1300).translate([487.5, 305]);

/** [x, y] on the us-atlas Albers frame, or null outside it (Puerto Rico, Guam and the other territories). */
export function project(longitude: number, latitude: number): [number, number] | null {
  const p = projection([longitude, latitude]);
  return p ? [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10] : null;
}
