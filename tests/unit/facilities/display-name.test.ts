import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/lib/facilities/display-name';
import type { FacilitiesFile } from '../../../src/lib/map/facilities';

describe('displayName', () => {
  it('writes capitalised names in normal case, keeping acronyms, codes and Roman numerals', () => {
    expect(displayName('STEWART DETENTION CENTER')).toBe('Stewart Detention Center');
    expect(displayName('AUSTIN DRO HOLD ROOM')).toBe('Austin DRO Hold Room');
    expect(displayName('IAH SECURE ADULT DETENTION FACILITY (POLK)')).toBe('IAH Secure Adult Detention Facility (Polk)');
    expect(displayName('FCI BERLIN')).toBe('FCI Berlin');
    expect(displayName('USP LEAVENWORTH')).toBe('USP Leavenworth');
    expect(displayName('CBP CHULA VISTA BPS')).toBe('CBP Chula Vista BPS');
    expect(displayName('DENVER CONTRACT DETENTION FACILITY II')).toBe('Denver Contract Detention Facility II');
    expect(displayName('ST. CLAIR COUNTY JAIL')).toBe('St. Clair County Jail');
    expect(displayName('MCHENRY COUNTY CORRECTIONAL FACILITY')).toBe('McHenry County Correctional Facility');
    expect(displayName("O'NEILL SHERIFF'S OFFICE")).toBe("O'Neill Sheriff's Office");
    expect(displayName('SOFT-SIDED FACILITY-SOUTH')).toBe('Soft-Sided Facility-South');
    // An initialism in brackets stays; a place in brackets does not.
    expect(displayName('AZ REM OP COORD CENTER (AROCC)')).toBe('AZ Rem Op Coord Center (AROCC)');
    expect(displayName('PHELPS COUNTY JAIL (MO)')).toBe('Phelps County Jail (MO)');
    expect(displayName('BUREAU OF PRISONS AT THE BORDER')).toBe('Bureau of Prisons at the Border');
  });
  it('leaves a name the source writes in mixed case as written', () => {
    expect(displayName('Stewart Detention Center')).toBe('Stewart Detention Center');
    expect(displayName('ICE McHenry County jail')).toBe('ICE McHenry County jail');
  });
  it('leaves no long all-capital word in any built facility name, other than an acronym or a bracketed initialism', () => {
    const file = JSON.parse(readFileSync('static/data/geo/facilities.json', 'utf8')) as FacilitiesFile;
    const caps = new Set(file.columns.name.flatMap((n) => displayName(n).replace(/\([A-Z]+\)/g, '').match(/\b[A-Z]{5,}\b/g) ?? []));
    expect([...caps].filter((w) => /[AEIOU]/.test(w) && w !== 'DIGSA')).toEqual([]);
  });
});
