import { describe, expect, it } from 'vitest';
import { fragmentOf, parseFragment, type NearSearch } from '../../../src/lib/geo/fragment';

describe('the /near/ search in the address fragment', () => {
  it('round-trips a ZIP, a city and a facility', () => {
    const cases: NearSearch[] = [{ by: 'zip', zip: '78701' }, { by: 'city', city: 'Elizabeth, NJ' }, { by: 'city', city: 'Coeur d’Alene, ID' }, { by: 'facility', id: 'stwrtga' }];
    for (const s of cases) expect(parseFragment(fragmentOf(s))).toEqual(s);
    expect(fragmentOf({ by: 'city', city: 'Elizabeth, NJ' })).toBe('#city=Elizabeth,%20NJ');
  });
  it('reads a typed or older form: a bare ZIP, “+” for spaces', () => {
    expect(parseFragment('#31815')).toEqual({ by: 'zip', zip: '31815' });
    expect(parseFragment('#city=El+Paso,+TX')).toEqual({ by: 'city', city: 'El Paso, TX' });
  });
  it('ignores what is no search: a section link, a bad ZIP or id, a broken escape', () => {
    for (const h of ['', '#', '#take-action', '#zip=7870', '#zip=abcde', '#facility=../x', '#city=', '#city=%E0%A4%A', '#lat=30.2']) expect(parseFragment(h)).toBeNull();
  });
});
