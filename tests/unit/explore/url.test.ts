import { describe, expect, it } from 'vitest';
import { readState, stateParams, type State } from '../../../src/lib/explore/url';

const roundTrip = (s: State) => readState(new URLSearchParams(stateParams(s).toString()));

describe('explorer address', () => {
  it('round-trips an example, SQL and a guided question', () => {
    const states: State[] = [
      { mode: 'example', example: 'doubled' },
      { mode: 'sql', sql: "SELECT state, count(*)\nFROM facilities WHERE name LIKE '%&?#=~%'\nGROUP BY 1" },
      {
        mode: 'guided',
        guided: { dataset: 'ice_facility_fy', filters: [{ column: 'name', op: 'contains', value: 'a~b&c' }, { column: 'adp_total', op: 'missing', value: '' }], group: 'fiscal_year', aggregate: 'sum', measure: 'adp_total' },
      },
    ];
    for (const s of states) expect(roundTrip(s)).toEqual(s);
  });
  it('asks for nothing when the address says nothing, and drops malformed filters', () => {
    expect(readState(new URLSearchParams(''))).toBeNull();
    expect(readState(new URLSearchParams('sql=%20%20'))).toBeNull();
    const g = readState(new URLSearchParams('mode=guided&dataset=facilities&filter=state~like~x&filter=state~=~TX&agg=median'));
    expect(g).toEqual({ mode: 'guided', guided: { dataset: 'facilities', filters: [{ column: 'state', op: '=', value: 'TX' }], group: '', aggregate: 'count', measure: '' } });
  });
});
