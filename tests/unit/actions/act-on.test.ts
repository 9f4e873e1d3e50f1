import { describe, expect, it } from 'vitest';
import { actOn } from '../../../src/lib/actions/act-on';

describe('actOn', () => {
  it('sends a facility chart to that facility’s own actions', () => {
    expect(actOn('ice', { facility: 'stwrtga' }, '/facilities/stwrtga/')).toEqual([expect.objectContaining({ href: '/facilities/stwrtga/#actions' })]);
  });
  it('sends national charts to /near, by topic', () => {
    const [ice] = actOn('ice', {}, '/charts/');
    const [prisons] = actOn('prisons', {}, '/charts/');
    expect(ice).toMatchObject({ href: '/near/' });
    expect(ice!.text).toMatch(/ICE/);
    expect(prisons).toMatchObject({ href: '/near/' });
    expect(prisons!.text).toMatch(/prisons/);
  });
  it('adds the state’s facilities for a state chart (state pages pass the lower-case code of their address)', () => {
    expect(actOn('ice', { state: 'ga' }, '/states/ga/').map((l) => l.href)).toEqual(['/near/', '/states/ga/#facilities']);
    expect(actOn('prisons', { state: 'ga' }, '/states/ga/')[1]).toMatchObject({ href: '/facilities/?state=GA&kind=prison', text: expect.stringContaining('Georgia') });
  });
});
