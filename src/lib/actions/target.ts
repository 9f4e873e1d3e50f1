/**
 * Which facility /near/'s actions are about. By default the nearest ICE facility that held anyone
 * in the latest data (the one rule in $lib/facilities/held), searched among every facility, not
 * only the results shown: the nearest ICE record is often a hold room where no one was held, and a
 * script about an empty room asks nothing of anyone. The reader may pick any result instead.
 */
import { heldAnyone, type HeldFacts } from '$lib/facilities/held';
import { nearest, type Point } from '$lib/geo/near';

export type Ranked<F> = F & { km: number; miles: number };

export interface Target<F> {
  facility: Ranked<F>;
  /** "nearest-held": chosen by the rule; "chosen": the reader pressed "Act on this one". */
  why: 'nearest-held' | 'chosen';
}

/** The nearest ICE facility that held anyone in the latest data, or null when none has a location. */
export function nearestHeld<F extends Point & HeldFacts & { id: string }>(from: Point, facilities: F[]): Ranked<F> | null {
  return nearest(from, facilities, { n: 1, keep: heldAnyone })[0] ?? null;
}

/** The target: the reader's pick when there is one, else the nearest that held people. */
export function actionTarget<F extends Point & HeldFacts & { id: string }>(from: Point, facilities: F[], picked: Ranked<F> | null): Target<F> | null {
  if (picked) return { facility: picked, why: 'chosen' };
  const held = nearestHeld(from, facilities);
  return held ? { facility: held, why: 'nearest-held' } : null;
}

/** "12.3 miles", "120 miles": how far, as said in a sentence. */
export const miles = (m: number) => `${m < 10 ? m.toFixed(1) : Math.round(m).toLocaleString('en-US')} miles`;

/** Which facility the actions are about and why, in one sentence (the panel and "What you can do" say it). */
export function whyText(t: Target<{ name: string }>, from: string, name: (n: string) => string): string {
  const f = t.facility;
  return t.why === 'chosen'
    ? `These actions are about ${name(f.name)}, which you chose from the list (${miles(f.miles)} from ${from}).`
    : `These actions are about ${name(f.name)}, the nearest ICE facility that held people in the latest data (${miles(f.miles)} from ${from}).`;
}
