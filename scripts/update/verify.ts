/**
 * A downloaded file is a release only if the ingest can read it: a real workbook (not an error
 * page saved under the name, not a cut-off download) with ICE's three sheets, and a Facilities
 * table in a layout the source declaration knows. The ingest's own readers decide, so the check
 * and the ingest cannot disagree; each failure is an IngestError naming the file, sheet, row and
 * column where it is known.
 */
import { IngestError } from '../ingest/lib/errors';
import { openWorkbook, sheetGrid } from '../ingest/lib/read-xlsx';
import { readFacilities } from '../ingest/sources/ice-workbooks';

/** The sheets every edition has had, FY2019 on (SOURCES-ice.md §1); names carry the year and sometimes trailing spaces. */
export const SHEETS = [/^Facilities/, /^Detention/, /^Footnotes/];

export interface Verified {
  facilitiesSheet: string;
  facilityRows: number;
}

/** `path` holds the bytes; `name` is ICE's file name, which also labels every error. */
export async function verifyWorkbook(path: string, name: string): Promise<Verified> {
  const wb = await openWorkbook(path, name);
  const [facilities] = SHEETS.map((s) => sheetGrid(wb, s, name));
  const { records } = readFacilities(facilities!, { name, label: name });
  if (!records.length) throw new IngestError({ file: name, sheet: facilities!.sheet }, 'expected at least one facility row in the Facilities table, found none');
  return { facilitiesSheet: facilities!.sheet!, facilityRows: records.length };
}
