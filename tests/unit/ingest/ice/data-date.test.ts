/** The data date and day count of a release, on hand-made evidence shaped like ICE's real mistakes (ice-detention-stats-releases/README.md). */
import { describe, expect, it } from 'vitest';
import { dataDate, dateOfDay, dayCount, dayOfFy, monthsAgree, type DateEvidence } from '../../../../scripts/ingest/ice/data-date';
import { fileNameDate } from '../../../../scripts/ingest/ice/read-release';

/** Averages over `days` days: whole person-days divided by the day count, as ICE computes them. */
const averages = (days: number, n = 40) => Array.from({ length: n }, (_, i) => (1000 + 37 * i * i + 11 * i) / days);
/** National ADP by month, reached through the month of `date` (FY2025). */
const months = (through: number) => Array.from({ length: 12 }, (_, i) => (i <= through ? 40000 + i : 0));

const base: DateEvidence = { fiscalYear: 2025, footnote: '2025-05-31', snapshot: '2025-06-01', fileName: '2025-06-05', archived: '2025-06-06', months: months(7), facilityDays: null };

describe('dayCount: the days behind year-to-date averages', () => {
  it('finds the count that makes every average a whole number of person-days', () => {
    expect(dayCount(averages(238), dayOfFy('2025-05-31', 2025))).toBe(238);
  });
  it('takes the count nearest the data date, not a multiple of it', () => {
    // 143 and 286 both fit; the data date is day 150.
    expect(dayCount(averages(143), 150)).toBe(143);
  });
  it('a table left from months before has the smallest count that fits (none near the data date)', () => {
    expect(dayCount(averages(143), 234)).toBe(143);
  });
  it('is null when ICE rounded the averages to whole people', () => {
    expect(dayCount(averages(238).map(Math.round), 240)).toBeNull();
  });
  it('tolerates a few figures that fit no count (5 %)', () => {
    const v = averages(120, 60);
    v[3] = 12.3456789;
    expect(dayCount(v, 125)).toBe(120);
  });
});

describe('dataDate: the first date that fits the workbook', () => {
  it('is the footnote date when it is in the year, before the file and the monthly table reaches its month', () => {
    expect(dataDate(base)).toEqual({ date: '2025-05-31', source: 'footnote', notes: [] });
  });
  it('allows a handful of people in the month after (ICE: 9 in June with data through 05/31)', () => {
    const m = months(7);
    m[8] = 9;
    expect(dataDate({ ...base, months: m }).source).toBe('footnote');
    m[8] = 30000;
    expect(dataDate({ ...base, months: m }).notes).toContain('the footnote date is not used: the national monthly table runs through June, not May');
  });
  it('a footnote of another year (06/20/2020 in a June 2021 file) gives way to the snapshot, said in notes', () => {
    const d = dataDate({ ...base, footnote: '2024-06-20' });
    expect(d).toMatchObject({ date: '2025-06-01', source: 'snapshot' });
    expect(d.notes[0]).toBe('the footnote date is not used: 2024-06-20 is not in FY2025, the year of the Facilities sheet');
  });
  it('with both wrong, the release is named by where the Facilities averages end', () => {
    const d = dataDate({ ...base, footnote: '2020-09-30', snapshot: '2020-10-02', facilityDays: 241 });
    expect(d.source).toBe('facility day count');
    expect(d.date).toBe(dateOfDay(2025, 241));
    expect(d.notes).toHaveLength(2);
  });
  it('a date after the file existed is not used', () => {
    expect(dataDate({ ...base, footnote: '2025-06-20' }).notes[0]).toBe('the footnote date is not used: 2025-06-20 is after the file existed (2025-06-06)');
  });
  it('a file name dated a year off (FY21_detentionStats07222020, posted July 2021) is reported', () => {
    expect(dataDate({ ...base, fileName: '2024-06-05' }).notes).toEqual(["the file name's date, 2024-06-05, does not fit the day the file was first archived, 2025-06-06"]);
  });
  it('says when the Facilities averages end far from the data date (a table left from before)', () => {
    const d = dataDate({ ...base, facilityDays: 143 });
    expect(d.source).toBe('footnote');
    expect(d.notes).toEqual([`the Facilities averages cover 143 days (to ${dateOfDay(2025, 143)}), ${dayOfFy('2025-05-31', 2025) - 143} days before the footnote date`]);
  });
});

describe('helpers', () => {
  it('days of the fiscal year', () => {
    expect(dayOfFy('2024-10-01', 2025)).toBe(1);
    expect(dayOfFy('2025-09-30', 2025)).toBe(365);
    expect(dateOfDay(2024, 366)).toBe('2024-09-30');
  });
  it('monthsAgree names the month the table runs to', () => {
    expect(monthsAgree(months(7), '2025-05-10')).toBeNull();
    expect(monthsAgree(months(3), '2025-05-10')).toBe('the national monthly table runs through January, not May');
    expect(monthsAgree(Array(12).fill(0), '2025-05-10')).toBe('the national monthly table has no figures');
  });
  it('reads the date in each of ICE\'s file-name forms', () => {
    expect(fileNameDate('FY26_detentionStats_04092026.xlsx')).toBe('2026-04-09');
    expect(fileNameDate('FY22_detentionStats03172022b.xlsx')).toBe('2022-03-17');
    expect(fileNameDate('FY23_detentionStats221207.xlsx')).toBe('2022-12-07');
    expect(fileNameDate('FY21_detentionStats060921.xlsx')).toBe('2021-06-09');
    expect(fileNameDate('FY23_detentionStats112822.xlsx')).toBe('2022-11-28');
    expect(fileNameDate('FY21_detention-stats_0301.xlsx')).toBeNull();
    expect(fileNameDate('FY19-detentionstats.xlsx')).toBeNull();
  });
});
