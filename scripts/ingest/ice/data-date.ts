/**
 * A release's data date and the day count behind its averages, from the evidence a workbook gives.
 *
 * ICE's own dates are sometimes wrong (ice-detention-stats-releases/README.md: "EID as of 06/20/2020"
 * in a June 2021 file, "9/30/2020" in October 2021 files, a file named 07222020 posted in July 2021),
 * so no one date is trusted alone: each candidate must lie in the fiscal year of the Facilities sheet,
 * be no later than the file existed, and agree with the national monthly table. The first candidate
 * that passes names the release; every one that fails is said in `notes`, never dropped unseen.
 */
import { utcDay } from 'd3';

export interface DateEvidence {
  /** From the Facilities sheet's name ("Facilities FY25"): ICE put FY2025 data in a file named FY24. */
  fiscalYear: number;
  /** "ICE Detention data are updated through …" (Footnotes). */
  footnote: string | null;
  /** "National Docket data are a snapshot as of …" (Footnotes). */
  snapshot: string | null;
  /** The date in ICE's file name (FY25_detentionStats06052025.xlsx). */
  fileName: string | null;
  /** The day an archive first saved the file (the release folder's name prefix): the file existed by then. */
  archived: string | null;
  /** National ADP by month, October first; 0 where ICE has no figure (months not reached show 0). */
  months: (number | null)[];
  /** Days behind the Facilities sheet's fiscal-year-to-date averages (dayCount). */
  facilityDays: number | null;
}

export type DateSource = 'footnote' | 'snapshot' | 'facility day count' | 'file name' | 'archived';
export interface DataDate {
  date: string;
  source: DateSource;
  /** Every disagreement between the workbook's dates, in words. */
  notes: string[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
export const fyStart = (fy: number) => `${fy - 1}-10-01`;
export const fyEnd = (fy: number) => `${fy}-09-30`;
/** Day of the fiscal year: October 1 is day 1. */
export const dayOfFy = (date: string, fy: number) => utcDay.count(new Date(fyStart(fy)), new Date(date)) + 1;
/** The date of day `n` of the fiscal year. */
export const dateOfDay = (fy: number, n: number) => iso(utcDay.offset(new Date(fyStart(fy)), n - 1));

const MONTH_NAMES = ['October', 'November', 'December', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];
/** 0-based position of a date's month in the fiscal year (October = 0). */
const fyMonth = (date: string) => (Number(date.slice(5, 7)) + 2) % 12;

/**
 * Does the monthly table reach the date's month and no further? A month after it may show a
 * handful of people (2025-06-06: 9 in June with data through 05/31), under 1 % of the month before;
 * a date in a month's first week may come before that month's figures.
 */
export function monthsAgree(months: (number | null)[], date: string): string | null {
  const m = fyMonth(date);
  const last = months.reduce<number>((at, v, i) => (v ? i : at), -1);
  if (last === m) return null;
  if (last === m + 1 && (months[last] ?? 0) < 0.01 * (months[m] ?? 0)) return null;
  // A snapshot a day or two after a month ends (06/01 for data through 05/31) precedes the new month's figures.
  if (last === m - 1 && Number(date.slice(8, 10)) <= 7) return null;
  if (last < 0) return 'the national monthly table has no figures';
  return `the national monthly table runs through ${MONTH_NAMES[last]}, not ${MONTH_NAMES[m]}`;
}

/**
 * The number of days behind fiscal-year-to-date averages. ICE's averages are sums of whole
 * people over whole days, so ADP × days is a whole number for the right count (and its
 * multiples), for 95 % of the fractional figures at least; null when the figures are whole
 * numbers (ICE rounded them) or no count fits. `near` is the data date's day of the year.
 */
export function dayCount(values: number[], near: number, max = 366): number | null {
  const fractional = values.filter((v) => v > 0 && !Number.isInteger(v));
  if (fractional.length < 5) return null;
  const fits = (d: number) => fractional.filter((v) => Math.abs(v * d - Math.round(v * d)) < 1e-4).length >= 0.95 * fractional.length;
  const all: number[] = [];
  for (let d = 1; d <= max; d++) if (fits(d)) all.push(d);
  // Every multiple of the true count fits too: take the one nearest the data date among counts that
  // end at most 60 days before it or 15 after; a table ICE left from months earlier (none in that
  // window) has the smallest count that fits.
  const near_ = all.filter((d) => d >= near - 60 && d <= near + 15).sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  return near_[0] ?? all[0] ?? null;
}

/** The data date: the footnote's, else the snapshot's, else where the Facilities averages end, else the file's own dates. */
export function dataDate(e: DateEvidence): DataDate {
  const notes: string[] = [];
  const bound = e.archived ?? e.fileName;
  const fy = e.fiscalYear;
  const problem = (d: string): string | null => {
    if (d < fyStart(fy) || d > fyEnd(fy)) return `${d} is not in FY${fy}, the year of the Facilities sheet`;
    if (bound && d > bound) return `${d} is after the file existed (${bound})`;
    return monthsAgree(e.months, d);
  };
  if (e.fileName && e.archived && (e.fileName > e.archived || e.fileName < iso(utcDay.offset(new Date(e.archived), -60))))
    notes.push(`the file name's date, ${e.fileName}, does not fit the day the file was first archived, ${e.archived}`);
  const candidates: [DateSource, string | null][] = [['footnote', e.footnote], ['snapshot', e.snapshot]];
  for (const [source, d] of candidates) {
    if (!d) {
      notes.push(`no ${source} date`);
      continue;
    }
    const p = problem(d);
    if (!p) {
      if (e.facilityDays !== null) {
        const lag = dayOfFy(d, fy) - e.facilityDays;
        if (lag < 0 || lag > 21) notes.push(`the Facilities averages cover ${e.facilityDays} days (to ${dateOfDay(fy, e.facilityDays)}), ${Math.abs(lag)} days ${lag < 0 ? 'after' : 'before'} the ${source} date`);
      }
      return { date: d, source, notes };
    }
    notes.push(`the ${source} date is not used: ${p}`);
  }
  if (e.facilityDays !== null) return { date: dateOfDay(fy, e.facilityDays), source: 'facility day count', notes };
  for (const [source, d] of [['file name', e.fileName], ['archived', e.archived]] as const)
    if (d && d >= fyStart(fy) && d <= fyEnd(fy)) return { date: d, source, notes };
  notes.push('no date in the workbook fits its fiscal year: the end of that year is used');
  return { date: fyEnd(fy), source: 'file name', notes };
}
