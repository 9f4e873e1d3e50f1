/**
 * Call scripts and letters, read aloud in a test: every facility that held people, one with a
 * zero, one without a figure, a figure from 2020 and the office without a phone. Figures, names
 * and sources come from the built look-up files (the data /near/ and facility pages use).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fill, figureSentence, type Place, type TemplateId } from '../../../src/lib/actions/templates';
import { MEMBER_PLACEHOLDER, scriptsFor, officeHasNoPhone } from '../../../src/lib/actions/scripts';
import { officeOf, type FacilityActionsFile } from '../../../src/lib/facilities/field-office';
import { displayName } from '../../../src/lib/facilities/display-name';
import { heldAnyone } from '../../../src/lib/facilities/held';
import { facilityRows, type FacilitiesFile, type Facility } from '../../../src/lib/map/facilities';
import { count } from '../../../src/lib/format';
import { memberTitle, type Member } from '../../../src/lib/actions/contacts';
import { spokenFaults } from './spoken';

const rows = facilityRows(JSON.parse(readFileSync('static/data/geo/facilities.json', 'utf8')) as FacilitiesFile);
const facts = JSON.parse(readFileSync('static/data/geo/facility-actions.json', 'utf8')) as FacilityActionsFile;
const TEMPLATES: TemplateId[] = ['call-field-office', 'letter-field-office', 'call-representative', 'letter-representative'];
const placeOf = (f: Facility): Place => ({ name: f.name, city: f.city, state: f.state, kind: f.kind, population: f.population, populationMeasure: f.measure, populationSource: facts.populationSource[f.id] ?? null });
const member: Member = { id: 'X000001', name: 'Jane Doe', type: 'rep', state: 'TX', district: 10, party: null, phone: '202-225-0000', url: null, contact_form: null, address: null };
const COVID = /health at risk|higher risk from illness|visits are limited|most at risk/;

describe('spokenFaults (the test’s ear)', () => {
  it('hears each planted fault', () => {
    expect(spokenFaults('I am calling about STEWART DETENTION CENTER.')).toEqual(['capitals: STEWART DETENTION CENTER']);
    expect(spokenFaults('where 0 people were held')).toContain('zero figure');
    expect(spokenFaults('source: ice/ice-detention-stats-xlsx/FY26.xlsx, sheet “Facilities FY26”, row 194')).toEqual(['file path', 'sheet name', 'row number']);
    expect(spokenFaults('where not reported people were held (DDP people held at midnight)')).toEqual(['missing figure said', 'dataset words']);
    expect(spokenFaults('I am calling about Stewart Detention Center, where 1,250 people a day were held, and ICE’s El Paso SPC.')).toEqual([]);
  });
});

describe('call scripts and letters', () => {
  const held = rows.filter(heldAnyone);

  it('read well for every ICE facility that held people: name in normal case, figure in words, source apart', () => {
    expect(held.length).toBeGreaterThan(50);
    for (const f of held) {
      const place = placeOf(f);
      for (const t of TEMPLATES) {
        const s = fill(t, place, { name: 'ICE Houston Field Office' });
        expect(spokenFaults(s.text), `${f.id} ${t}: ${s.text}`).toEqual([]);
        expect(s.text).toContain(displayName(f.name));
        expect(s.text).toContain(count(f.population));
        // The cell the figure comes from is under the script, not in it.
        expect(s.source).toContain(facts.populationSource[f.id]!);
        expect(s.text).not.toContain(facts.populationSource[f.id]!);
      }
    }
  });

  it('say no zero: a facility whose latest figure is 0 is named without a figure, and its source is not cited', () => {
    const zero = rows.find((f) => f.kind === 'ice' && f.population === 0 && facts.populationSource[f.id]);
    expect(zero, 'an ICE facility with a zero in the built data').toBeDefined();
    for (const t of TEMPLATES) {
      const s = fill(t, placeOf(zero!), { name: 'ICE Houston Field Office' });
      expect(spokenFaults(s.text), s.text).toEqual([]);
      expect(s.text).toContain(`${displayName(zero!.name)}, an ICE detention facility`);
      expect(s.source).toBeNull();
    }
  });

  it('say no missing figure: a facility with none is named by its kind', () => {
    const none = rows.find((f) => f.kind === 'prison' && f.population === null && f.city);
    expect(none).toBeDefined();
    const s = fill('call-representative', placeOf(none!), member);
    expect(spokenFaults(s.text), s.text).toEqual([]);
    expect(s.text).toContain(`${displayName(none!.name)}, a state prison in ${displayName(none!.city!)}, ${none!.state}.`);
    // A state prison is not ICE's: the ask is not to press ICE.
    expect(s.text).not.toContain('ICE');
  });

  it('speak of an ICE facility no one is held in now in the past, and ask nothing for “everyone held there”', () => {
    const inactive = rows.filter((f) => f.kind === 'ice' && f.status === 'inactive' && f.city);
    const withDeaths = inactive.find((f) => facts.deaths[f.id] && f.population === null);
    const withFigure = inactive.find((f) => (f.population ?? 0) >= 1);
    expect(withDeaths && withFigure, 'inactive ICE facilities in the built data: one with deaths on record and no figure, one with a figure').toBeTruthy();
    for (const f of [withDeaths!, withFigure!])
      for (const t of TEMPLATES) {
        const s = fill(t, { ...placeOf(f), status: f.status, deaths: facts.deaths[f.id] ?? null }, t.endsWith('representative') ? member : { name: 'ICE Houston Field Office' });
        expect(spokenFaults(s.text), `${f.id} ${t}: ${s.text}`).toEqual([]);
        expect(s.text).toContain('ICE’s latest data show no one held there now.');
        expect(s.text).not.toMatch(/everyone held there|the people held there|check conditions there/);
        expect(s.text).not.toContain('an ICE detention facility');
      }
    const s = fill('call-field-office', { ...placeOf(withDeaths!), status: 'inactive', deaths: facts.deaths[withDeaths!.id] }, { name: 'ICE Los Angeles Field Office' });
    expect(s.text).toContain(`${displayName(withDeaths!.name)} in ${displayName(withDeaths!.city!)}, ${withDeaths!.state}, where ICE has held people.`);
    expect(s.text).toMatch(/ICE has reported (one death|\d+ deaths) of people in its custody at this facility/);
  });

  it('use the 2020 COVID-19 wording only for a figure from 2020 or 2021', () => {
    const current = held.find((f) => /FY20(2[2-9])/.test(f.measure ?? ''))!;
    const old = rows.find((f) => f.kind === 'ice' && /FY202[01]/.test(f.measure ?? '') && (f.population ?? 0) >= 1)!;
    expect(current && old).toBeTruthy();
    for (const t of ['call-field-office', 'letter-field-office'] as const) {
      expect(fill(t, placeOf(current), member).text).not.toMatch(COVID);
      expect(fill(t, placeOf(old), member).text).toMatch(COVID);
    }
    const y = figureSentence({ population: old.population, populationMeasure: old.measure })!.year;
    expect([2020, 2021]).toContain(y);
  });

  it('write no call script to an office with no phone: the letter only, and the members’ scripts', () => {
    const link = Object.keys(facts.office).map((id) => ({ id, link: officeOf(facts, id)! })).find((x) => !x.link.office.phone);
    expect(link, 'a field office ICE lists without a phone, in the built data').toBeDefined();
    expect(officeHasNoPhone(link!.link)).toBe(true);
    const f = rows.find((r) => r.id === link!.id) ?? rows[0]!;
    const items = scriptsFor({ place: placeOf(f), office: link!.link, members: [member] });
    expect(items.map((i) => i.action.id)).toEqual(['write-ice-release', 'call-rep', 'write-rep']);
    const withPhone = Object.keys(facts.office).map((id) => officeOf(facts, id)!).find((o) => o.office.phone)!;
    expect(scriptsFor({ place: placeOf(f), office: withPhone, members: [] }).map((i) => i.action.id)).toEqual(['call-ice-release', 'write-ice-release']);
  });
});

describe('the members’ call script and letter', () => {
  const legislators = JSON.parse(readFileSync('static/data/legislators.json', 'utf8')) as { members: Member[] };
  const f = rows.filter(heldAnyone)[0]!;
  // Senators and representatives of one state as the source lists them, and one member with no phone.
  const state = legislators.members.find((m) => m.type === 'rep')!.state;
  const members = legislators.members.filter((m) => m.state === state && m.phone).slice(0, 4);
  const noPhone = legislators.members.find((m) => !m.phone) ?? { ...member, phone: null };

  it('are one text each, whatever the number of members, with every member to choose from', () => {
    expect(members.length).toBeGreaterThan(1);
    const items = scriptsFor({ place: placeOf(f), office: null, members });
    expect(items.map((i) => i.action.id)).toEqual(['call-rep', 'write-rep']);
    for (const it of items) {
      expect(it.choices.map((c) => c.name)).toEqual(members.map(memberTitle));
      expect(it.text).toContain(MEMBER_PLACEHOLDER);
      for (const m of members) expect(it.text).not.toContain(m.name);
    }
    // The call's choice shows the number to call.
    const call = items[0]!;
    for (const [i, m] of members.entries()) expect(call.choices[i]!.label).toContain(m.phone!);
  });

  it('read, once a member is put in for the placeholder, exactly as the text written to that member', () => {
    const items = scriptsFor({ place: placeOf(f), office: null, members });
    for (const it of items)
      for (const m of members) {
        const filled = it.text.split(MEMBER_PLACEHOLDER).join(memberTitle(m));
        expect(filled).toBe(fill(it.action.template!, placeOf(f), { name: memberTitle(m) }).text);
        expect(spokenFaults(filled), filled).toEqual([]);
      }
    const letter = items.find((i) => i.action.kind === 'write')!;
    expect(letter.text.startsWith(`Dear ${MEMBER_PLACEHOLDER},`)).toBe(true);
  });

  it('offer no call to a member the source lists no phone for, as an office with none gets no call script', () => {
    const items = scriptsFor({ place: placeOf(f), office: null, members: [...members, noPhone] });
    expect(items.find((i) => i.action.kind === 'call')!.choices.map((c) => c.name)).toEqual(members.map(memberTitle));
    expect(items.find((i) => i.action.kind === 'write')!.choices.map((c) => c.name)).toContain(memberTitle(noPhone));
    // Only members without a phone: the letter alone.
    expect(scriptsFor({ place: placeOf(f), office: null, members: [noPhone] }).map((i) => i.action.id)).toEqual(['write-rep']);
  });
});
