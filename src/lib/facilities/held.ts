/**
 * The one "held anyone" rule: an ICE facility held people in the latest data when the registry's
 * status says so (ice_facilities.status "holding people": people at midnight on the last day of
 * the Deportation Data Project's daily data, or an average of one or more in ICE's newest
 * workbook; see scripts/ingest/datasets/ice_facilities.ts). Actions are addressed about these
 * places, never about a hold room where no one was held. Framework-free: /near/, the action
 * panel on facility pages and the tests import it.
 */

/** The status value that means people were held at the latest count. */
export const HOLDING_PEOPLE = 'holding people';
/** The status of an ICE facility no one was held in lately (neither in ICE's newest workbook nor in the last 30 days of DDP's data). */
export const INACTIVE = 'inactive';

export interface HeldFacts {
  kind: string;
  status: string | null;
}

/** True for an ICE facility that held anyone in the latest data. */
export const heldAnyone = (f: HeldFacts): boolean => f.kind === 'ice' && f.status === HOLDING_PEOPLE;

/**
 * A population a script may be written around: a reported figure of at least one person. Zero
 * and "not reported" are no figure at all (a script never says "where 0 people were held").
 */
export const usableFigure = (population: number | null | undefined): population is number =>
  typeof population === 'number' && Number.isFinite(population) && Math.round(population) >= 1;
