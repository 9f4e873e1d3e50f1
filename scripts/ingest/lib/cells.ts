/**
 * Typed cell parsers. Each returns a value, or `null` with the reason it is missing, and throws
 * an IngestError naming the cell when the content is neither a value nor a known missing marker.
 * "Not reported" stays null with its reason: it is never turned into 0.
 */
import { utcFormat, utcParse } from 'd3';
import { IngestError, type Where } from './errors';
import { cellText, type Cell } from './grid';

export type Kind = 'text' | 'number' | 'integer' | 'date';
export type Parsed = { value: string | number | null; missing?: string };

export interface CellRule {
  kind: Kind;
  /** Cell texts meaning "not reported" (compared after trimming). Blank is always missing. */
  missing?: readonly string[];
  /** Strip BJS footnote markers such as "621,100**" or "Alaska/b". */
  footnotes?: boolean;
  min?: number;
  max?: number;
  /** Text dates: d3-time-format specifiers tried in order. */
  formats?: string[];
  /** Dates: the latest possible, as ISO YYYY-MM-DD, and what it is ("the date in the file name"); default the day of the run. */
  notAfter?: { date: string; what: string };
}

/**
 * Dates are observations (a snapshot, a scrape, an inspection): none can be later than the day
 * the ingest runs, whatever the year, so there is no fixed upper year (a FY2031 file is valid).
 * 1970 stays as a floor: no source here has earlier dates, and it tells "3/5/20" (2020) from the year 20.
 */
export const EARLIEST_DATE = '1970-01-01';

const DEFAULT_DATE_FORMATS = ['%Y-%m-%d', '%m/%d/%Y', '%-m/%-d/%Y', '%m/%d/%y'];
// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug is absorbed by that offset).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const today = (): string => isoDate(new Date());

export function parseCell(cell: Cell | undefined, rule: CellRule, where: Where): Parsed {
  const text = cellText(cell);
  if (text === '') return { value: null, missing: 'blank' };
  if (rule.missing?.includes(text)) return { value: null, missing: text };
  const at = { ...where, value: cell instanceof Date ? cellText(cell) : cell };
  switch (rule.kind) {
    case 'text':
      return { value: text };
    case 'number':
    case 'integer': {
      let n: number;
      if (typeof cell === 'number') n = cell;
      else {
        let t = rule.footnotes ? text.replace(/\*+$|\/[a-z](,[a-z])*$/i, '') : text;
        // Commas only as thousands separators: "1,2" or "12,5" is not read as 12 or 125.
        if (/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
        n = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t) ? Number(t) : NaN;
      }
      if (!Number.isFinite(n)) throw new IngestError(at, `expected ${rule.kind === 'integer' ? 'a whole number' : 'a number'}`);
      if (rule.kind === 'integer' && !Number.isInteger(n)) throw new IngestError(at, 'expected a whole number');
      if (rule.min !== undefined && n < rule.min) throw new IngestError(at, `expected a number ≥ ${rule.min}`);
      if (rule.max !== undefined && n > rule.max) throw new IngestError(at, `expected a number ≤ ${rule.max}`);
      return { value: n };
    }
    case 'date': {
      let d: Date | null = null;
      if (cell instanceof Date) d = cell;
      else if (typeof cell === 'number' && cell > 20000 && cell < 80000) d = new Date(EXCEL_EPOCH + cell * 86400000);
      else {
        // %Y also reads "3/5/20" as the year 20: prefer the first format giving a plausible year.
        const all = (rule.formats ?? DEFAULT_DATE_FORMATS).map((f) => strictParse(f, text)).filter((x): x is Date => x !== null);
        d = all.find((x) => x.getTime() >= Date.parse(EARLIEST_DATE)) ?? all[0] ?? null;
      }
      if (!d || Number.isNaN(d.getTime())) throw new IngestError(at, `expected a date (${(rule.formats ?? DEFAULT_DATE_FORMATS).join(' or ')}) or an Excel date serial`);
      const latest = rule.notAfter ?? { date: today(), what: 'the day of this run' };
      if (d.getTime() < Date.parse(EARLIEST_DATE)) throw new IngestError(at, `expected a date from ${EARLIEST_DATE} on`);
      if (d.getTime() > Date.parse(latest.date)) throw new IngestError(at, `expected a date no later than ${latest.date} (${latest.what})`);
      return { value: isoDate(d) };
    }
  }
}

// utcParse accepts 2/30/2020 as March 1st and 13/1/2020 as 2021-01-01: keep a date only when
// formatting it back gives the same numbers as the text.
const parsers = new Map<string, { parse: (s: string) => Date | null; format: (d: Date) => string }>();
function strictParse(format: string, text: string): Date | null {
  let p = parsers.get(format);
  if (!p) parsers.set(format, (p = { parse: utcParse(format), format: utcFormat(format) }));
  const d = p.parse(text);
  if (!d) return null;
  const nums = (s: string) => (s.match(/\d+/g) ?? []).map(Number).join(',');
  return nums(p.format(d)) === nums(text) ? d : null;
}
