/**
 * A release's summary (what the change log compares) and the change log's entries. A release is
 * one ICE workbook (ice_releases), named by its data date and identified by its sha256; its summary
 * holds every facility's latest figure per fiscal year as of that release (./replay.ts).
 */

/** Where a figure was read: file, sheet, row (the site's provenance, kept per release). */
export interface Cell {
  file: string;
  sheet: string | null;
  row: number;
}

/** "FY26….xlsx, sheet “Facilities FY26”, row 191": how the change log names a cell. */
export const cellLabel = (c: Cell) => `${c.file}${c.sheet ? `, sheet “${c.sheet}”` : ''}, row ${c.row}`;

export interface FacilitySummary {
  name: string;
  state: string | null;
  /** ICE's average daily population per fiscal year ("2025": …), with the cell it was read from; null where not reported. */
  fy: Record<string, { adp: number | null; source: Cell }>;
  /** The data date of the last release listing it (summaries replayed from ICE's releases). */
  last_listed?: string;
}

export interface ReleaseSummary {
  release: string;
  /** The workbook(s) of the release, with their sha256. */
  inputs: { file: string; sha256: string }[];
  /** ICE's fiscal-year statistics files in this release, by fiscal year. */
  fiscalYears: Record<string, string>;
  facilities: Record<string, FacilitySummary>;
}

export type ChangeKind = 'new-fiscal-year' | 'facility-added' | 'facility-dropped' | 'population-change' | 'revision' | 'table-left-out' | 'death-recorded' | 'death-removed';

/** Entries about the deaths file (./deaths.ts) rather than ICE's workbooks. */
export const isDeathChange = (c: { kind: ChangeKind }) => c.kind === 'death-recorded' || c.kind === 'death-removed';

export interface Change {
  /** Stable id (for feeds): release, kind and what it is about. */
  id: string;
  release: string;
  previous: string;
  kind: ChangeKind;
  facility_id: string | null;
  name: string | null;
  state: string | null;
  fiscal_year: number | null;
  before: number | null;
  after: number | null;
  /** One sentence saying what changed, with the figures. */
  text: string;
  /** The cells the figures were read from: before, then after. */
  sources: Cell[];
  /** The document a death entry rests on (ice_deaths.source_url). */
  document?: string;
}

/**
 * /data/changes.json (derived at build time from ice_releases and ice_facility_releases, and the
 * deaths file's versions in data/releases/deaths.json): every release, newest first, and its changes.
 */
export interface ChangeLog {
  releases: { release: string; previous: string | null; inputs: number; changes: number }[];
  /** The versions of the deaths file the ingest met, newest first, named by their latest date of death. */
  deathFiles?: { as_of: string; previous: string | null; deaths: number; changes: number }[];
  changes: Change[];
}

export interface Thresholds {
  /** A population change is logged when it moves by at least this many people… */
  minPeople: number;
  /** …and by at least this share of the earlier figure. */
  minShare: number;
}

export const THRESHOLDS: Thresholds = { minPeople: 50, minShare: 0.25 };

export const KIND_LABELS: Record<ChangeKind, string> = {
  'new-fiscal-year': 'New fiscal-year file',
  'facility-added': 'Facility added',
  'facility-dropped': 'No longer reported',
  'population-change': 'Population change',
  revision: 'Revised past figure',
  'table-left-out': 'Table left out',
  'death-recorded': 'Death recorded',
  'death-removed': 'Death no longer listed',
};
