import { describe, expect, it } from 'vitest';
import { parseMissing, reasonFor, reasonText } from '$lib/facilities/missing';

describe('missing', () => {
  const m = parseMissing('alos: blank; guaranteed_minimum: N/A; level_a: #N/A; last_inspection_date: Scheduled FY27');

  it('reads the ingest’s "column: cell" list', () => {
    expect(m).toEqual({ alos: 'blank', guaranteed_minimum: 'N/A', level_a: '#N/A', last_inspection_date: 'Scheduled FY27' });
    expect(parseMissing(null)).toEqual({});
  });

  it('finds a reason under the dataset field name or the workbook column name', () => {
    expect(reasonFor(m, 'adp_level_a')).toBe('#N/A');
    expect(reasonFor(m, 'alos_days')).toBe('blank');
    expect(reasonFor(m, 'last_inspection_date')).toBe('Scheduled FY27');
    expect(reasonFor(m, 'adp_total')).toBeNull();
  });

  it('words a reason', () => {
    expect(reasonText('blank')).toBe('blank in ICE’s file');
    expect(reasonText('Scheduled FY27')).toBe('ICE wrote “Scheduled FY27”');
    expect(reasonText(null)).toBe('');
  });
});
