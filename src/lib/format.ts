/** The one format module: numbers and dates as the site prints them. */
import { format, utcFormat, utcParse } from 'd3';

const int = format(',.0f');

/** 37687.97 -> "37,688"; null -> "not reported" (never 0). */
export function count(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? 'not reported' : int(v);
}

/** 2300000 -> "2.3 million" (for figures a source itself states in millions). */
export function millions(v: number): string {
  return `${format('.2~r')(v / 1e6)} million`;
}

const parseDay = utcParse('%Y-%m-%d');
const parseMonth = utcParse('%Y-%m');

/** "2026-04-04" -> "April 4, 2026"; "2020-03" -> "March 2020". */
export function date(iso: string): string {
  const d = parseDay(iso);
  if (d) return utcFormat('%B %-d, %Y')(d);
  const m = parseMonth(iso);
  if (m) return utcFormat('%B %Y')(m);
  return iso;
}

const one = format(',.1f');

/** A table or tooltip cell in a column's format; null is "not reported", never 0. */
export function cell(v: string | number | boolean | null | undefined, kind: 'count' | 'number' | 'text' | 'month' | 'date' | 'year'): string {
  if (v === null || v === undefined || v === '') return 'not reported';
  switch (kind) {
    case 'count':
      return count(Number(v));
    case 'number':
      return one(Number(v));
    case 'month':
    case 'date':
      return date(String(v));
    default:
      return String(v);
  }
}

/** "1 person" or "N people", N as `count` writes it (so 0.96, written "1", is one person). */
export const people = (v: number) => (count(v) === '1' ? '1 person' : `${count(v)} people`);
/** The verb after `people(v)`: "was" for one person, else "were". */
export const was = (v: number) => (count(v) === '1' ? 'was' : 'were');

const si = format('~s');
const plain = format(',~r');
/** Short axis labels: 63,277 -> "63k", 2,310,300 -> "2.3M"; under a thousand as written (0.5 -> "0.5", not SI's "500m"). */
export const axis = (v: number) => (Math.abs(v) >= 1000 ? si(v) : plain(v));

const pct = format('+,.1f');

/** A change in percent: 12.345 -> "+12.3%", 2249 -> "+2,249.0%", -4 -> "−4.0%"; null is "not reported", never 0. */
export function percent(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? 'not reported' : `${pct(v)}%`;
}
