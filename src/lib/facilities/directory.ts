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
  /** ICE facilities: ADP in the last fiscal year listed minus the one before, rounded. */
  change: number | null;
  /** The two fiscal years compared, e.g. "FY2025 to FY2026 (partial)". */
  changeYears: string | null;
}

/** One prerendered page of the directory (name order), for reading without JavaScript. */
export interface DirectoryPage {
  page: number;
  rows: DirectoryRow[];
  total: number;
  pages: { n: number; href: string; first: string; last: string }[];
  /** The facilities dataset's publishers and licenses (datapackage.json), cited under the list. */
  sources: DatasetSources;
}

export const FIELDS = ['id', 'name', 'aka', 'kind', 'state', 'city', 'type', 'operator', 'population', 'measure', 'change', 'changeYears'] as const satisfies readonly (keyof DirectoryRow)[];

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


export type SortKey = 'name' | 'population' | 'rise' | 'fall';
export const SORTS: Record<SortKey, string> = {
  name: 'Name, A to Z',
  population: 'Population, largest first',
  rise: 'Change in ICE ADP, largest rise first',
  fall: 'Change in ICE ADP, largest fall first',
};

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
const desc = (key: 'population' | 'change', sign: 1 | -1) => (a: DirectoryRow, b: DirectoryRow) => {
  const x = a[key];
  const y = b[key];
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
  if (f.sort === 'population') return out.sort(desc('population', 1));
  if (f.sort === 'rise' || f.sort === 'fall') return out.sort(desc('change', f.sort === 'rise' ? 1 : -1));
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
    sort: sort in SORTS ? (sort as SortKey) : 'name',
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
