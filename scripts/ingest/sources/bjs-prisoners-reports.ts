/**
 * BJS "Prisoners in 1998" … "Prisoners in 2021": the yearly table of prisoners under state or
 * federal jurisdiction by state (SOURCES-other.md §A1b), as kept in mitsuoxv/us-prison/data/.
 * The layout changes almost every edition (table number, header wording, year labels "1998",
 * "12/31/02" or a "2012" group over Total/Male/Female, names in column A or B, June 30 columns,
 * typos in names), so the header row is found by its labels, year columns by their labels, and
 * every table is checked against its own totals. `readJurisdictionTable` also reads p22stt02.
 * Also Prisoners in 2021 table 7, the latest imprisonment rates by state in the collection, with
 * BJS's footnotes on each state (`readStateRateTable`).
 */
import { footnoteText, footnotesOf, headerRow, isNoteLine, RATE_COLUMNS, rateCell, reportYearOf, totalColumnsByYear, type RateRow } from '../lib/bjs-rates';
import { IngestError } from '../lib/errors';
import { parseCell, type CellRule } from '../lib/cells';
import { cellText, columnLetter, findRow, type Cell, type Grid } from '../lib/grid';
import type { ColumnType, SourceDecl } from '../lib/types';
import { STATE_CODES } from '../lib/us-places';

// BJS counts the territories in a table of their own; here a name is a state or DC.
const TERRITORIES = new Set(['PR', 'GU', 'VI', 'MP', 'AS']);
const FIFTY = Object.values(STATE_CODES).filter((c) => c !== 'DC' && !TERRITORIES.has(c));
const NATIONAL: Record<string, [string, string]> = { 'u.s. total': ['US', 'U.S. total'], federal: ['FED', 'Federal'], state: ['STATE', 'State total'] };
const REGIONS = new Set(['northeast', 'midwest', 'south', 'west']);

// Names BJS misspelt or whose footnote marker is not a plain "/a" suffix, by the file that has them.
const ALIASES: Record<string, string> = {
  'U.S. tota/la': 'U.S. total', // p14t02.csv: "/a" typed inside the word
  'Idah/oc,e': 'Idaho', // p15t02.csv
  Alaskab: 'Alaska', // p10at01.csv: marker without the slash
  Utahc: 'Utah', // p14t02.csv
  Callifornia: 'California', // P9803.csv
  Virgina: 'Virginia', // P9803.csv
  Wisconsing: 'Wisconsin', // p13t02.csv, p14t02.csv
  'Dist. of Columbia': 'District of Columbia', // P9803.csv
};

/** "Alaska/b", "Illinois /d /e", "U.S. total/a,b", "Federal*" → the bare name. */
export const stripMarkers = (s: string): string => s.replace(/\s*(\/\s*[a-z](\s*,\s*[a-z])*\s*)+$|\*+$/i, '').replace(/\s+/g, ' ').trim();

/** A row name as [code, name], 'region' for the regional subtotals of older editions, or null. */
export function jurisdictionOf(raw: string): [string, string] | 'region' | null {
  const bare = stripMarkers(raw);
  const name = ALIASES[bare] ?? bare;
  const code = STATE_CODES[name];
  if (code && !TERRITORIES.has(code)) return [code, name];
  const lower = name.toLowerCase();
  if (NATIONAL[lower]) return NATIONAL[lower]!;
  return REGIONS.has(lower) ? 'region' : null;
}

/** BJS's missing markers (stated in each table's notes); never read as 0. */
const MARKERS: Record<string, string> = { ':': 'not calculated', '/': 'not reported', '~': 'not applicable', '--': 'not calculated' };
export const COUNT: CellRule = { kind: 'integer', min: 0, footnotes: true, missing: Object.keys(MARKERS) };
export const reason = (m: string | undefined) => (m && MARKERS[m] ? `${m} (${MARKERS[m]})` : (m ?? null));

/** "Prisoners in 2008" and "appendix table 2" from the title block, for `report` and for latest-report-wins. */
export function reportOf(grid: Grid): { report: string; reportYear: number; table: number } {
  const where = { file: grid.file };
  const rt = findRow(grid, /report title:\s*Prisoners in \d{4}/i);
  if (rt < 0) throw new IngestError(where, 'expected a "Report title: Prisoners in YYYY" line');
  const year = Number(grid.rows[rt]!.map(cellText).join(' ').match(/Prisoners in (\d{4})/i)![1]);
  const title = /^(appendix )?table #?:?\s*(\d+)[a-z]?[.:]?\s+Prisoners under/i;
  const tr = findRow(grid, title);
  if (tr < 0) throw new IngestError(where, 'expected a title "Table N. Prisoners under … jurisdiction …"');
  const m = grid.rows[tr]!.map((c) => cellText(c).match(title)).find(Boolean)!;
  return { report: `Prisoners in ${year}, ${m[1] ? 'appendix table' : 'table'} ${Number(m[2])}`, reportYear: year, table: Number(m[2]) };
}

export interface JurisdictionRow {
  jurisdiction: string;
  jurisdiction_name: string;
  year: number;
  prisoners: number | null;
  male: number | null;
  female: number | null;
  missing: string | null;
  source_row: number;
  source_column: string;
}

// "Jurisdiction", "Region and jurisdiction", "Region and juridiction" (p06t01), "State/federal" (p18t02, p19t02).
const NAME_HEADER = /^(region and )?juri?s?diction$|^state\/federal$/i;
/** A Dec 31 column: "1998", "12/31/2000" or "12/31/02"; June 30 columns and "2000-2005" changes are not. */
function yearOfLabel(t: string): number | null {
  const m = t.match(/^(?:12\/31\/)?((?:19|20)\d\d)$/) ?? t.match(/^12\/31\/(\d\d)$/);
  return m ? (m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1])) : null;
}

interface YearColumns { year: number; total: number; male?: number; female?: number }

function yearColumns(grid: Grid, h: number): YearColumns[] {
  const labels = grid.rows[h]!.map(cellText);
  const totals = labels.flatMap((l, i) => (l === 'Total' ? [i] : []));
  if (totals.length) {
    // Two-row header: years in the row above, one per Total/Male/Female block, not always over
    // the Total cell (p15t02 centres "2014" over Male), so the k-th year goes with the k-th block.
    const above = (grid.rows[h - 1] ?? []).map(cellText);
    const years = above.flatMap((l, i) => (/^(19|20)\d\d$/.test(l) ? [{ year: Number(l), at: i }] : []));
    return years.map(({ year, at }, k) => {
      const start = totals[k]!;
      const end = totals[k + 1] ?? labels.length;
      const male = labels.indexOf('Male', start);
      const female = labels.indexOf('Female', start);
      if (at < start || at >= end || male < 0 || male >= end || female < 0 || female >= end)
        throw new IngestError({ file: grid.file, row: h, column: columnLetter(at), value: String(year) }, 'expected each year label over its own Total, Male, Female columns');
      return { year, total: start, male, female };
    });
  }
  // One-row header: the first column labelled with a year is the total; "sentenced" and rate
  // groups to its right repeat the same year labels (P9803, p9905, p0003).
  const out: YearColumns[] = [];
  labels.forEach((l, i) => {
    const y = yearOfLabel(l);
    if (y !== null && !out.some((c) => c.year === y)) out.push({ year: y, total: i });
  });
  return out;
}

const isNote = (s: string) => /^(note|source)\b|^[a-z]\/|^[~:*]|^--/i.test(s);

/**
 * A table row's name: the first filled cell before the figures (names sit in column A or B). A row
 * with values but no name stops the run, naming the row.
 */
function rowLabel(grid: Grid, r: number, first: number): { at: number; label: string } {
  const raw = grid.rows[r]!;
  const at = raw.slice(0, first).findIndex((c) => cellText(c) !== '');
  const label = at < 0 ? '' : cellText(raw[at]);
  if (label === '' && raw.some((c) => cellText(c) !== '')) throw new IngestError({ file: grid.file, row: r + 1, column: 'A' }, 'expected a jurisdiction name on a row with values');
  return { at, label };
}

/** Read one "prisoners under jurisdiction by state" table: one row per jurisdiction and year. */
export function readJurisdictionTable(grid: Grid, reportYear: number): JurisdictionRow[] {
  const where = { file: grid.file };
  // p0103 has no label over its name column: there the first "12/31/2001" header marks the row.
  let h = findRow(grid, NAME_HEADER);
  if (h < 0) h = findRow(grid, /^12\/31\/\d{4}$/);
  if (h < 0) throw new IngestError(where, 'expected a header row labelled "Jurisdiction" (or a 12/31/YYYY column)');
  const cols = yearColumns(grid, h);
  if (cols.length < 2 || Math.max(...cols.map((c) => c.year)) !== reportYear)
    throw new IngestError({ ...where, row: h + 1 }, `expected year columns up to ${reportYear}; found ${cols.map((c) => c.year).join(', ') || 'none'}`);
  const first = Math.min(...cols.map((c) => c.total));

  const out: JurisdictionRow[] = [];
  const seen = new Set<string>();
  for (let r = h + 1; r < grid.rows.length; r++) {
    const raw = grid.rows[r]!;
    const { at, label } = rowLabel(grid, r, first);
    if (label === '') continue;
    const j = jurisdictionOf(label);
    if (j === 'region') continue;
    if (j === null) {
      if (isNote(label)) break;
      throw new IngestError({ ...where, row: r + 1, column: columnLetter(at), value: label }, 'expected a state, "Federal", "State", "U.S. total" or a region');
    }
    if (seen.has(j[0])) throw new IngestError({ ...where, row: r + 1, column: columnLetter(at), value: label }, `expected ${j[1]} once in the table`);
    seen.add(j[0]);
    for (const c of cols) {
      const cell = (i: number | undefined) => (i === undefined ? { value: null } : parseCell(raw[i] as Cell, COUNT, { ...where, row: r + 1, column: columnLetter(i) }));
      const [t, m, f] = [cell(c.total), cell(c.male), cell(c.female)];
      const missing = Object.entries({ prisoners: t, male: m, female: f }).flatMap(([k, p]) => ('missing' in p && p.missing ? [`${k}: ${reason(p.missing)}`] : []));
      if (c.male === undefined) missing.push('male, female: not in this table');
      out.push({ jurisdiction: j[0], jurisdiction_name: j[1], year: c.year, prisoners: t.value as number | null, male: m.value as number | null, female: f.value as number | null, missing: missing.join('; ') || null, source_row: r + 1, source_column: columnLetter(c.total) });
    }
  }
  const absent = ['US', 'FED', 'STATE', ...FIFTY].filter((c) => !seen.has(c));
  if (absent.length) throw new IngestError(where, `expected every state and the U.S., Federal and State totals; missing ${absent.join(', ')}`);
  checkTotals(grid, out);
  return out;
}

/** Each table adds up (it does in every edition): U.S. = Federal + State, State = sum of the states, Total = Male + Female. */
export function checkTotals(grid: Grid, rows: JurisdictionRow[]): void {
  for (const year of new Set(rows.map((r) => r.year))) {
    const y = rows.filter((r) => r.year === year);
    const v = (code: string) => y.find((r) => r.jurisdiction === code)!;
    const [us, fed, st] = [v('US'), v('FED'), v('STATE')];
    if (us.prisoners !== (fed.prisoners ?? NaN) + (st.prisoners ?? NaN))
      throw new IngestError({ file: grid.file, row: us.source_row, column: us.source_column, value: us.prisoners }, `expected U.S. total ${year} = Federal + State (${fed.prisoners} + ${st.prisoners})`);
    // A state BJS marks not reported (Nevada 2013 in p14t02) is still inside the State total.
    const states = y.filter((r) => r.jurisdiction.length === 2 && r.jurisdiction !== 'US');
    const sum = states.reduce((a, r) => a + (r.prisoners ?? 0), 0);
    if (states.length && states.every((r) => r.prisoners !== null) && sum !== st.prisoners)
      throw new IngestError({ file: grid.file, row: st.source_row, column: st.source_column, value: st.prisoners }, `expected State total ${year} = sum of the states (${sum})`);
    for (const r of y)
      if (r.male !== null && r.female !== null && r.prisoners !== r.male + r.female)
        throw new IngestError({ file: grid.file, row: r.source_row, column: r.source_column, value: r.prisoners }, `expected ${r.jurisdiction_name} ${year} total = male + female (${r.male} + ${r.female})`);
  }
}

/**
 * A by-state imprisonment-rate table (Prisoners in 2021 table 7): the "Total" (all ages) rate of
 * each year for the U.S. total, Federal, State and every state, with the footnotes on its name.
 * Names sit in column A (Federal, State) or B (U.S. total, the states).
 */
export function readStateRateTable(grid: Grid): RateRow[] {
  const h = headerRow(grid, 'Jurisdiction', 'Total');
  const cols = totalColumnsByYear(grid, h);
  const first = Math.min(...cols.map((c) => c.column));
  const notes = footnotesOf(grid, h + 1);
  const out: RateRow[] = [];
  const seen = new Set<string>();
  for (let r = h + 1; r < grid.rows.length; r++) {
    const { at, label } = rowLabel(grid, r, first);
    if (label === '') continue;
    if (isNoteLine(label)) break;
    const where = { file: grid.file, row: r + 1, column: columnLetter(at) };
    const j = jurisdictionOf(label);
    if (!Array.isArray(j)) throw new IngestError({ ...where, value: label }, 'expected a state, "Federal", "State" or "U.S. total"');
    if (seen.has(j[0])) throw new IngestError({ ...where, value: label }, `expected ${j[1]} once in the table`);
    seen.add(j[0]);
    const footnotes = footnoteText(label, notes, where);
    for (const c of cols) out.push({ jurisdiction: j[0], jurisdiction_name: j[1], year: c.year, ...rateCell(grid, r, c.column), footnotes, source_row: r + 1, source_column: columnLetter(c.column) });
  }
  const absent = ['US', 'FED', 'STATE', ...FIFTY].filter((c) => !seen.has(c));
  if (absent.length) throw new IngestError({ file: grid.file }, `expected every state and the U.S., Federal and State totals; missing ${absent.join(', ')}`);
  return out;
}

export const JURISDICTION_COLUMNS: Record<string, ColumnType> = {
  report: 'VARCHAR',
  report_year: 'INTEGER',
  table_no: 'INTEGER',
  jurisdiction: 'VARCHAR',
  jurisdiction_name: 'VARCHAR',
  year: 'INTEGER',
  prisoners: 'BIGINT',
  male: 'BIGINT',
  female: 'BIGINT',
  missing: 'VARCHAR',
  source_file: 'VARCHAR',
  source_row: 'INTEGER',
  source_column: 'VARCHAR',
};

// The "prisoners under jurisdiction by state" table of each edition (the other tables in the
// folder are sentenced prisoners, rates, admissions, capacity). The collection has no table from
// "Prisoners in 2012"; 2011 and 2012 are covered by the 2011 and 2013 editions.
const TABLES = ['P9803', 'p9905', 'p0003', 'p0103', 'p0203', 'p0303', 'p0403', 'p05t03', 'p06t01', 'p07t02', 'p08at02', 'p09at01', 'p10at01', 'p11at01', 'p13t02', 'p14t02', 'p15t02', 'p16t02', 'p17t02', 'p18t02', 'p19t02', 'p20stt02', 'p21stt02'];
const VIA_COMMIT = '8489092c20cca27d555dfbe8703e826c896f46d0';

export default {
  id: 'bjs-prisoners-reports',
  title: 'BJS Prisoners in 1998–2021: prisoners under state or federal jurisdiction by state; imprisonment rates by state (Prisoners in 2021, table 7)',
  publisher: 'U.S. Bureau of Justice Statistics, National Prisoner Statistics program',
  homepage: 'https://bjs.ojp.gov/library/publications/list?series_filter=Prisoners',
  license: 'public-domain-us',
  attribution: 'Source: Bureau of Justice Statistics, National Prisoner Statistics, "Prisoners in 1998" to "Prisoners in 2021" (bjs.ojp.gov); tables collected by Mitsuo Shiota (github.com/mitsuoxv/us-prison).',
  via: `GitHub mitsuoxv/us-prison@${VIA_COMMIT} (unmodified BJS tables in data/)`,
  files: [
    {
      dir: 'bjs/mitsuoxv-us-prison/data',
      name: new RegExp(`^(${TABLES.join('|')})\\.csv$`),
      min: TABLES.length,
      encoding: 'windows-1252',
      // BJS ships these only inside per-report zip archives; these are the pinned copies.
      urls: TABLES.map((t) => `https://raw.githubusercontent.com/mitsuoxv/us-prison/${VIA_COMMIT}/data/${t}.csv`),
    },
    { dir: 'bjs/mitsuoxv-us-prison/data', name: 'p21stt07.csv', encoding: 'windows-1252', urls: [`https://raw.githubusercontent.com/mitsuoxv/us-prison/${VIA_COMMIT}/data/p21stt07.csv`] },
  ],
  async stage(ctx) {
    for (const file of ctx.files()) {
      const grid = ctx.csv(file);
      const r = reportOf(grid);
      const rows = readJurisdictionTable(grid, r.reportYear);
      await ctx.stage('stg_bjs_jurisdiction', JURISDICTION_COLUMNS, rows.map((x) => ({ report: r.report, report_year: r.reportYear, table_no: r.table, ...x, source_file: file.label })));
    }
    const [rates] = ctx.files(1);
    const grid = ctx.csv(rates!);
    const year = reportYearOf(grid);
    await ctx.stage('stg_bjs_rates', RATE_COLUMNS, readStateRateTable(grid).map((x) => ({ source_id: 'bjs-prisoners-reports', report: `Prisoners in ${year}, table 7`, report_year: year, ...x, source_file: rates!.label })));
  },
} satisfies SourceDecl;
