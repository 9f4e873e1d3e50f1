import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { districtsOf, findMembers, findMembersNear, NEAREST_ZCTAS, type Legislators } from '../../../src/lib/geo/representatives';
import { unpackZips } from '../../../src/lib/geo/packed';

const zd = unpackZips(JSON.parse(readFileSync('static/data/geo/zips.json', 'utf8'))).districts;
const leg = JSON.parse(readFileSync('static/data/legislators.json', 'utf8')) as Legislators;

describe('representatives of a ZIP (legislators/zccd.csv spot values)', () => {
  it('10001 spans NY-10 and NY-12; 30165 spans AL-3 and GA-14; 05401 is VT at large', () => {
    expect(districtsOf(zd, '10001')).toEqual([{ state: 'NY', district: 10 }, { state: 'NY', district: 12 }]);
    expect(districtsOf(zd, '30165')).toEqual([{ state: 'AL', district: 3 }, { state: 'GA', district: 14 }]);
    expect(districtsOf(zd, '05401')).toEqual([{ state: 'VT', district: 0 }]);
    expect(districtsOf(zd, '20500')).toEqual([]);
  });
  it('gives the House member(s) and both senators, with phones from the source', () => {
    const vt = findMembers(zd, leg, '05401');
    const sanders = vt.members.find((m) => m.id === 'S000033');
    expect(sanders).toMatchObject({ type: 'sen', state: 'VT', phone: '202-224-5141' });
    expect(vt.members.filter((m) => m.type === 'sen')).toHaveLength(2);
    expect(vt.members.filter((m) => m.type === 'rep')).toHaveLength(1);
    const twoStates = findMembers(zd, leg, '30165');
    expect(twoStates.members.filter((m) => m.type === 'sen')).toHaveLength(4);
  });
});

describe('representatives of a point (the nearest ZIP code areas)', () => {
  const { zips } = unpackZips(JSON.parse(readFileSync('static/data/geo/zips.json', 'utf8')));
  it('at a ZIP’s own centroid: that ZIP first, and every district of the nearest ZIP areas', () => {
    const i = zips.zip.indexOf('10001');
    const r = findMembersNear(zips, zd, leg, { lat: zips.lat[i]!, lon: zips.lon[i]! });
    expect(r.zctas).toHaveLength(NEAREST_ZCTAS);
    expect(r.zctas[0]).toBe('10001');
    const expected = new Set(r.zctas.flatMap((z) => districtsOf(zd, z).map((d) => `${d.state}-${d.district}`)));
    expect(new Set(r.districts.map((d) => `${d.state}-${d.district}`))).toEqual(expected);
    for (const d of districtsOf(zd, '10001')) expect(r.districts).toContainEqual(d);
    expect(r.members.filter((m) => m.type === 'sen').map((m) => m.state)).toEqual(['NY', 'NY']);
    expect(r.members.filter((m) => m.type === 'rep')).toHaveLength(expected.size);
  });
});
