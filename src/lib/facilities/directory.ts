/**
 * The facility directory as the browser filters it: one compact row per facility, the filters
 * and sorts the page offers, and the JSON shape of /facilities/index.json (an array per row, in
 * FIELDS order, so 2,700 rows stay small). Pure functions: the page and the tests share them.
 */
import type { DatasetSources } from './types';

export interface DirectoryRow {
  id: string;
  name: string;
  /** Other names the sources give it (earlier workbook names, DDP's, the Marshall Project's): search finds them. */
  aka: string[];
  /** ice, prison, federal prison, jail, youth or psychiatric (the facilities dataset's kind). */
  kind: string;
  state: string | null;
  city: string | null;
  /** ICE facility type (IGSA, DIGSA, …) for ICE facilities, else UCLA's description (Prison, Jail, …). */
  type: string | null;
  operator: string | null;
  /** Latest population the sources give, rounded to a whole person; null when none is given. */
  population: number | null;
  /** What the population counts, and when (e.g. "ICE ADP, FY2026 (partial)"). */
  measure: string | null;
  /** ICE average daily population in the directory's earlier compared fiscal year (`Compared.from`); null when ICE does not list it that year. */
  adpFrom: number | null;
  /** The same in the later compared year (`Compared.to`). */
  adpTo: number | null;
}

/**
 * The two fiscal years every facility's change compares: the latest two in ICE's facility
 * workbooks, the same pair for every row, so a sort never sets FY2019→20 beside FY2025→26.
 * ADP is an average per day, so a year to date compares with a whole year; `toNote` says how far
 * a partial year runs (ICE's "through 2026-04-04").
 */
export interface Compared {
  from: number;
  to: number;
  fromNote: string | null;
  toNote: string | null;
}

/** "FY2025→FY2026": the column header and the sort names say which years. */
export const pairName = (c: Compared) => `FY${c.from}→FY${c.to}`;

/** "FY2025 (through 2025-09-20) with FY2026 (through 2026-04-04)": what the change compares, partial years said. */
export const pairSpan = (c: Compared, day: (iso: string) => string) =>
  [[c.from, c.fromNote], [c.to, c.toNote]].map(([fy, note]) => `FY${fy}${note ? ` (${String(note).replace(/\d{4}-\d{2}-\d{2}/, day)})` : ''}`).join(' with ');

/** Later minus earlier ADP; null ("not reported", sorted last, never 0) when either year is missing. */
export function change(r: DirectoryRow): number | null {
  return r.adpFrom === null || r.adpTo === null ? null : r.adpTo - r.adpFrom;
}

/** Change as a percent of the earlier year; null when either year is missing or the earlier year is 0 (no base). */
export function percentChange(r: DirectoryRow): number | null {
  const d = change(r);
  return d === null || r.adpFrom === 0 ? null : (100 * d) / r.adpFrom!;
}

/** Why a row has no change or no percent, in words; null when both are figures. */
export function changeGap(r: DirectoryRow, c: Compared): string | null {
  if (r.adpFrom === null && r.adpTo === null) return null;
  if (r.adpFrom === null) return `not listed in FY${c.from}`;
  if (r.adpTo === null) return `not listed in FY${c.to}`;
  if (r.adpFrom === 0) return r.adpTo === 0 ? 'no one held in either year' : `new: no one held in FY${c.from}, so no percent`;
  return null;
}

/** One prerendered page of the directory (name order), for reading without JavaScript. */
export interface DirectoryPage {
  page: number;
  rows: DirectoryRow[];
  total: number;
  /** The two fiscal years the change column compares, the same for every row. */
  compared: Compared;
  pages: { n: number; href: string; first: string; last: string }[];
  /** The facilities dataset's publishers and licenses (datapackage.json), cited under the list. */
  sources: DatasetSources;
}

export const FIELDS = ['id', 'name', 'aka', 'kind', 'state', 'city', 'type', 'operator', 'population', 'measure', 'adpFrom', 'adpTo'] as const satisfies readonly (keyof DirectoryRow)[];

export interface DirectoryJson {
  fields: typeof FIELDS;
  rows: (string | number | null)[][];
}

export function encode(rows: DirectoryRow[]): DirectoryJson {
  // Other names travel as one "; "-joined text (null when there are none).
  return { fields: FIELDS, rows: rows.map((r) => FIELDS.map((f) => (f === 'aka' ? r.aka.join('; ') || null : r[f]))) };
}

export function decode(json: DirectoryJson): DirectoryRow[] {
  if (json.fields.join() !== FIELDS.join()) throw new Error(`facility directory: expected fields ${FIELDS.join(', ')}, got ${json.fields.join(', ')}`);
  return json.rows.map((r) => Object.fromEntries(FIELDS.map((f, i) => [f, f === 'aka' ? (r[i] ? String(r[i]).split('; ') : []) : (r[i] ?? null)])) as unknown as DirectoryRow);
}


export const SORT_KEYS = ['name', 'population', 'rise', 'fall', 'rise-pct', 'fall-pct'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** What each sort is called, naming the compared years. */
export function sortNames(c: Compared): Record<SortKey, string> {
  const pair = pairName(c);
  return {
    name: 'Name, A to Z',
    population: 'Population, largest first',
    rise: `Change in ICE ADP ${pair}, largest rise first`,
    fall: `Change in ICE ADP ${pair}, largest fall first`,
    'rise-pct': `Percent change ${pair}, largest rise first`,
    'fall-pct': `Percent change ${pair}, largest fall first`,
  };
}

export interface Filters {
  q: string;
  kind: string;
  state: string;
  type: string;
  operator: string;
  sort: SortKey;
}

export const NO_FILTERS: Filters = { q: '', kind: '', state: '', type: '', operator: '', sort: 'name' };

/** Upper-case words without punctuation, so "st. mary's" finds "ST MARYS". */
export const fold = (s: string) => s.toUpperCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/['’.]/g, '').replace(/[^A-Z0-9]+/g, ' ').trim();

const byName = (a: DirectoryRow, b: DirectoryRow) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id);
/** Nulls ("not reported") sort last whatever the direction: they are unknown, not 0. */
const desc = (value: (r: DirectoryRow) => number | null, sign: 1 | -1) => (a: DirectoryRow, b: DirectoryRow) => {
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
  return sign * (y - x) || byName(a, b);
};

const matches = (words: string[], text: string) => {
  const hay = ` ${fold(text)} `;
  return words.every((w) => hay.includes(` ${w}`));
};

/** The one name search (directory, map list, /near/): every word of q starts a word of one of the names or of the city. */
export function findsName(q: string, names: string[], city: string | null): boolean {
  const words = fold(q).split(' ').filter(Boolean);
  return !words.length || names.some((n) => matches(words, `${n} ${city ?? ''}`));
}

/** The other name a search found a row by, when its own name and city do not match. */
export function matchedAlias(r: DirectoryRow, q: string): string | null {
  const words = fold(q).split(' ').filter(Boolean);
  if (!words.length || matches(words, `${r.name} ${r.city ?? ''}`)) return null;
  return r.aka.find((n) => matches(words, `${n} ${r.city ?? ''}`)) ?? null;
}

/** Rows matching every filter (search: every word of q in the name, another name, or the city), in the chosen order. */
export function applyFilters(rows: DirectoryRow[], f: Filters): DirectoryRow[] {
  const out = rows.filter((r) => {
    if (f.kind && r.kind !== f.kind) return false;
    if (f.state && r.state !== f.state) return false;
    if (f.type && r.type !== f.type) return false;
    if (f.operator && r.operator !== f.operator) return false;
    return findsName(f.q, [r.name, ...r.aka], r.city);
  });
  const sign = f.sort.startsWith('fall') ? -1 : 1;
  if (f.sort === 'population') return out.sort(desc((r) => r.population, 1));
  if (f.sort === 'rise' || f.sort === 'fall') return out.sort(desc(change, sign));
  if (f.sort === 'rise-pct' || f.sort === 'fall-pct') {
    // A rise from no one held has no percent: it follows the figures, ahead of the rows not reported.
    const fromZero = out.filter((r) => percentChange(r) === null && change(r) !== null).sort(desc(change, sign));
    const rest = out.filter((r) => !fromZero.includes(r)).sort(desc(percentChange, sign));
    const figures = rest.filter((r) => percentChange(r) !== null);
    return [...figures, ...fromZero, ...rest.slice(figures.length)];
  }
  return out.sort(byName);
}

/** Filters from a URL query (?q=&kind=&state=&type=&operator=&sort=), ignoring unknown values. */
export function filtersFrom(params: URLSearchParams): Filters {
  const sort = params.get('sort') ?? 'name';
  return {
    q: params.get('q') ?? '',
    kind: params.get('kind') ?? '',
    state: params.get('state') ?? '',
    type: params.get('type') ?? '',
    operator: params.get('operator') ?? '',
    sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'name',
  };
}

/** The query string of a set of filters, leaving out defaults. */
export function queryOf(f: Filters): string {
  const p = new URLSearchParams();
  for (const k of ['q', 'kind', 'state', 'type', 'operator'] as const) if (f[k]) p.set(k, f[k]);
  if (f.sort !== 'name') p.set('sort', f.sort);
  const s = p.toString();
  return s ? `?${s}` : '';
}
