/**
 * The ranking rule of /near/'s actions: the nearest ICE facility that held anyone in the latest
 * data (the registry's status), not the nearest ICE record. Checked on a hand-made set and on the
 * built facilities file against a brute-force ranking with d3's great-circle distance.
 */
import { readFileSync } from 'node:fs';
import { geoDistance } from 'd3';
import { describe, expect, it } from 'vitest';
import { actionTarget, nearestHeld, whyText } from '../../../src/lib/actions/target';
import { heldAnyone, HOLDING_PEOPLE } from '../../../src/lib/facilities/held';
import { facilityRows, type FacilitiesFile } from '../../../src/lib/map/facilities';

const at = { lat: 30.27, lon: -97.74 };
const place = (id: string, kind: string, status: string | null, dLat: number) => ({ id, name: id, kind, status, lat: at.lat + dLat, lon: at.lon });

describe('heldAnyone', () => {
  it('is true only for an ICE facility whose status is “holding people”', () => {
    expect(heldAnyone({ kind: 'ice', status: HOLDING_PEOPLE })).toBe(true);
    expect(heldAnyone({ kind: 'ice', status: 'empty at the latest count' })).toBe(false);
    expect(heldAnyone({ kind: 'ice', status: 'inactive' })).toBe(false);
    expect(heldAnyone({ kind: 'ice', status: null })).toBe(false);
    expect(heldAnyone({ kind: 'prison', status: HOLDING_PEOPLE })).toBe(false);
  });
});

describe('nearestHeld / actionTarget', () => {
  const set = [
    place('hold-room', 'ice', 'empty at the latest count', 0.001), // the nearest ICE record: no one held
    place('prison', 'prison', null, 0.002),
    place('old', 'ice', 'inactive', 0.003),
    place('far', 'ice', HOLDING_PEOPLE, 0.5),
    place('near', 'ice', HOLDING_PEOPLE, 0.3),
  ];
  it('skips places that held no one and ranks the rest by distance', () => {
    expect(nearestHeld(at, set)?.id).toBe('near');
    expect(actionTarget(at, set, null)).toMatchObject({ why: 'nearest-held', facility: { id: 'near' } });
  });
  it('lets the reader’s pick win, whatever its status', () => {
    const pick = { ...set[0]!, km: 0.1, miles: 0.07 };
    expect(actionTarget(at, set, pick)).toEqual({ why: 'chosen', facility: pick });
  });
  it('gives no target when no facility held anyone', () => {
    expect(actionTarget(at, set.slice(0, 3), null)).toBeNull();
  });
  it('says which facility and why', () => {
    const t = actionTarget(at, set, null)!;
    expect(whyText(t, 'ZIP 78701', (n) => n)).toMatch(/^These actions are about near, the nearest ICE facility that held people in the latest data \(\d+ miles from ZIP 78701\)\.$/);
    expect(whyText({ ...t, why: 'chosen' }, 'ZIP 78701', (n) => n)).toContain('which you chose');
  });

  it('on the built data: from every ICE record where no one was held, picks the nearest that held people', () => {
    const rows = facilityRows(JSON.parse(readFileSync('static/data/geo/facilities.json', 'utf8')) as FacilitiesFile);
    const held = rows.filter((f) => f.kind === 'ice' && f.status === HOLDING_PEOPLE);
    const empty = rows.filter((f) => f.kind === 'ice' && f.status !== HOLDING_PEOPLE);
    expect(held.length).toBeGreaterThan(0);
    expect(empty.length).toBeGreaterThan(0);
    for (const e of empty) {
      const t = nearestHeld(e, rows)!;
      const best = Math.min(...held.map((h) => geoDistance([e.lon, e.lat], [h.lon, h.lat])));
      expect(t.status).toBe(HOLDING_PEOPLE);
      expect(t.population ?? 0).toBeGreaterThanOrEqual(1);
      expect(geoDistance([e.lon, e.lat], [t.lon, t.lat])).toBeCloseTo(best, 12);
    }
  });
});
