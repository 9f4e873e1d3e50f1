/**
 * Words the charts write: axis labels (thousands and millions short, anything under a thousand as
 * written, never SI's milli: "500m" for half a person), and one person as a person.
 */
import { describe, expect, it } from 'vitest';
import { axis, people, was } from '../../../src/lib/format';

describe('axis labels', () => {
  it('write a value under a thousand as it is, and larger ones short', () => {
    expect([0, 0.1, 0.5, 2.5, 15, 250, 999].map(axis)).toEqual(['0', '0.1', '0.5', '2.5', '15', '250', '999']);
    expect([1000, 63_000, 2_300_000, -5000].map(axis)).toEqual(['1k', '63k', '2.3M', '−5k']);
    expect([0.2, 0.4, 0.6000000000000001].map(axis)).toEqual(['0.2', '0.4', '0.6']);
  });
});

describe('people', () => {
  it('is "1 person … was" for one, as count writes it, and "N people … were" otherwise', () => {
    expect([1, 0.96, 0, 0.4, 2, 1500].map((v) => `${people(v)} ${was(v)}`)).toEqual(['1 person was', '1 person was', '0 people were', '0 people were', '2 people were', '1,500 people were']);
  });
});
