/** The one field-office rule, on a small fixture: AOR first, then the state, then the county where a state is split. */
import { describe, expect, it } from 'vitest';
import { officeFor, officeOf, type Coverage, type FacilityActionsFile } from '$lib/facilities/field-office';
import type { FieldOffice } from '$lib/actions/contacts';

const office = (office_id: string, aor_code: string): FieldOffice => ({
  office_id, aor_code, aor_name: `${aor_code} area`, office_name: `${office_id} Field Office`, address: '1 Main St', city: 'X', state: 'GA', zip: '00000', zip4: null,
  phone: null, phone_note: null, outreach_email: null, area_of_responsibility: '', source_file: 'offices.csv', source_row: 2,
});
const offices = [office('atlanta', 'ATL'), office('houston', 'HOU'), office('dallas', 'DAL')];
const cover = (state_code: string, county: string | null, office_id: string, source_row: number): Coverage => ({ state_code, state: state_code === 'TX' ? 'Texas' : 'Georgia', county, office_id, source_file: 'aor.csv', source_row });
const coverage = [cover('GA', null, 'atlanta', 2), cover('TX', 'Harris', 'houston', 3), cover('TX', 'Dallas', 'dallas', 4)];

describe('officeFor', () => {
  it('takes the office of ICE’s own AOR code first, citing where ICE gives it', () => {
    const l = officeFor({ aor: 'HOU', aorSource: 'ICE workbook FY2026: f.xlsx row 9', state: 'GA', county: null }, offices, coverage);
    expect(l).toMatchObject({ how: 'aor', basis: 'AOR code HOU (ICE workbook FY2026: f.xlsx row 9)' });
    expect(l!.office.office_id).toBe('houston');
  });
  it('falls back to the office covering the whole state, then to the county in a split state', () => {
    expect(officeFor({ aor: 'NOPE', aorSource: null, state: 'GA', county: null }, offices, coverage)).toMatchObject({ how: 'state', basis: 'covers Georgia: aor.csv row 2' });
    expect(officeFor({ aor: null, aorSource: null, state: 'TX', county: 'DALLAS COUNTY' }, offices, coverage)).toMatchObject({ how: 'county', basis: 'covers Dallas County, Texas: aor.csv row 4' });
  });
  it('names no office where the place does not settle one', () => {
    expect(officeFor({ aor: null, aorSource: null, state: 'TX', county: null }, offices, coverage)).toBeNull();
    expect(officeFor({ aor: null, aorSource: null, state: 'TX', county: 'Travis' }, offices, coverage)).toBeNull();
    expect(officeFor({ aor: null, aorSource: null, state: null, county: null }, offices, coverage)).toBeNull();
  });
});

describe('officeOf', () => {
  it('reads back from the look-up file what officeFor gave', () => {
    const link = officeFor({ aor: null, aorSource: null, state: 'GA', county: null }, offices, coverage)!;
    const file: FacilityActionsFile = { offices: { atlanta: link.office }, bases: [link.basis], office: { x: ['atlanta', link.how, 0] }, populationSource: {}, deaths: {} };
    expect(officeOf(file, 'x')).toEqual(link);
    expect(officeOf(file, 'y')).toBeNull();
  });
});
