/**
 * BJS "Correctional Populations in the United States, 2016" (NCJ 251211): table 1 (everyone under
 * adult correctional systems, 2000 and 2006–2016) and appendix tables 2 (other adult systems) and
 * 3 (persons in custody), SOURCES.md §bjs/cpus16. Footnote markers sit in their own column
 * ("621,100",**) or on the value ("621,100**"); 2016 has a January 1 and a December 31 row.
 */
import { IngestError } from '../lib/errors';
import { cellText, columnLetter, type Cell } from '../lib/grid';
import type { ColumnDecl, Table, TableDecl, Value } from '../lib/table';
import type { SourceDecl, StageContext } from '../lib/types';
import { COUNT, reason, stripMarkers } from './bjs-prisoners-reports';

const count = (header: ColumnDecl['header'], group?: RegExp): ColumnDecl => ({ ...COUNT, header, ...(group ? { group } : {}) });
const blank = (raw: Cell[]) => raw.every((c) => cellText(c) === '');

const TABLE_1: TableDecl = {
  header: ['Year', /^Total correctional population/, 'Probation', 'Parole', 'Prison'],
  columns: {
    year: { kind: 'text', header: 'Year' },
    // "Total correctional populationa": footnote a glued on without a slash.
    total_correctional: count(/^Total correctional population/),
    // Two columns are labelled "Total…": the merged group label above tells them apart.
    community_supervision: count(/^Total\b/, /^Community supervision/),
    probation: count('Probation'),
    parole: count('Parole'),
    incarcerated_total: count(/^Total\b/, /^Incarcerated/),
    local_jail: count(/^Local jail/),
    prison: count('Prison'),
  },
  // Year rows, the "2016*" heading with its "January 1/e" and "December 31" rows; then change rows.
  row: (raw, get) => {
    const y = cellText(get('Year'));
    if (/^\d{4}\*?$/.test(y) || (y === '' && /^(January 1|December 31)\b/.test(cellText(raw[1])))) return true;
    return blank(raw) ? false : 'stop';
  },
};

/** Appendix tables: one row per category, one column per year (2000, 2010, 2015, 2016). */
const YEARS = ['2000', '2010', '2015', '2016'];
const appendix = (title: RegExp): TableDecl => ({
  header: [title, ...YEARS],
  columns: Object.fromEntries(YEARS.map((y) => [y, count(y)])),
  row: (raw) => {
    const first = raw.map(cellText).find((t) => t !== '') ?? '';
    if (first === '') return false;
    return /^(note|source)\b|^[a-z]\//i.test(first) ? 'stop' : true;
  },
});

/** Pick labelled rows of an appendix table (name in column A, B or C) into year → field → value. */
function byYear(t: Table, wanted: Record<string, RegExp>, label: string): Record<string, Value>[] {
  const header = t.grid.rows[t.headerRow - 1]!.map(cellText);
  const out = YEARS.map((y) => ({ values: { year: Number(y), source: `${label} column ${columnLetter(header.indexOf(y))}` } as Record<string, Value>, missing: [] as string[] }));
  for (const [field, re] of Object.entries(wanted)) {
    const hits = t.records.filter((r) => re.test(stripMarkers(t.grid.rows[r.row - 1]!.slice(0, 3).map(cellText).find((s) => s !== '') ?? '')));
    if (hits.length !== 1) throw new IngestError({ file: t.grid.file }, `expected one row labelled ${re}, found ${hits.length}`);
    const hit = hits[0]!;
    YEARS.forEach((y, i) => {
      out[i]!.values[field] = hit.values[y] ?? null;
      if (hit.missing[y]) out[i]!.missing.push(`${field}: ${reason(hit.missing[y])}`);
    });
  }
  return out.map((o) => ({ ...o.values, missing: o.missing.join('; ') || null }));
}

async function stageTable1(ctx: StageContext) {
  const [file] = ctx.files(0);
  const t = ctx.table(ctx.csv(file!), TABLE_1);
  let heading: number | null = null;
  const rows = [];
  for (const r of t.records) {
    const { year, ...v } = r.values;
    const y = year === null ? null : Number(String(year).replace(/\*$/, ''));
    const sub = cellText(t.grid.rows[r.row - 1]![1]);
    // "2016*" carries no values: it heads the January 1 and December 31 rows below it.
    if (y !== null && Object.values(v).every((x) => x === null)) {
      heading = y;
      continue;
    }
    const yr = y ?? heading;
    if (yr === null) throw new IngestError({ file: file!.label, row: r.row, column: 'Year' }, 'expected a year above this January 1/December 31 row');
    const asOf = y !== null || /^December 31/.test(sub) ? `${yr}-12-31` : `${yr}-01-01`;
    const missing = Object.entries(r.missing).filter(([k]) => k !== 'year').map(([k, m]) => `${k}: ${reason(m)}`);
    rows.push({ year: yr, as_of: asOf, ...v, missing: missing.join('; ') || null, source_file: file!.label, source_row: r.row });
  }
  const n = 'BIGINT' as const;
  await ctx.stage('stg_cpus16_t01', { year: 'INTEGER', as_of: 'DATE', total_correctional: n, community_supervision: n, probation: n, parole: n, incarcerated_total: n, local_jail: n, prison: n, missing: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' }, rows);
}

const VIA_COMMIT = '56575878e675bee9acd84a15379eef547ee45aa2';
const via = (f: string) => `https://raw.githubusercontent.com/lorarjohns/US_Incarceration_Prelim/${VIA_COMMIT}/Code/Crime%20and%20Incarceration%20in%20the%20United%20States/correctional_pop_us_2016/${f}`;

export default {
  id: 'bjs-cpus16',
  title: 'BJS Correctional Populations in the United States, 2016 (NCJ 251211): table 1, appendix tables 2 and 3',
  publisher: 'U.S. Bureau of Justice Statistics (Danielle Kaeble and Mary Cowhig)',
  homepage: 'https://bjs.ojp.gov/library/publications/list?series_filter=Correctional%20Populations',
  license: 'public-domain-us',
  attribution: 'Source: Bureau of Justice Statistics, "Correctional Populations in the United States, 2016" (NCJ 251211, bjs.ojp.gov).',
  via: `GitHub lorarjohns/US_Incarceration_Prelim@${VIA_COMMIT} (unmodified BJS files)`,
  // BJS ships the CSVs in one zip archive (bjs.gov/index.cfm?ty=pbdetail&iid=6226); these are the pinned copies.
  files: [
    { dir: 'bjs/cpus16', name: 'cpus16t01.csv', encoding: 'windows-1252', urls: [via('cpus16t01.csv')] },
    { dir: 'bjs/cpus16', name: 'cpus16at02.csv', encoding: 'windows-1252', urls: [via('cpus16at02.csv')] },
    { dir: 'bjs/cpus16', name: 'cpus16at03.csv', encoding: 'windows-1252', urls: [via('cpus16at03.csv')] },
  ],
  async stage(ctx) {
    await stageTable1(ctx);

    const [f2] = ctx.files(1);
    const other = byYear(ctx.table(ctx.csv(f2!), appendix(/^Other adult correctional systems$/)), {
      other_adult_systems_total: /^Total$/,
      territorial_prisons: /^Territorial prisons$/,
      military_facilities: /^Military facil/, // "facilties" in the file
      indian_country_jails: /^Jails in Indian country$/,
    }, f2!.label);
    const n = 'BIGINT' as const;
    await ctx.stage('stg_cpus16_other', { year: 'INTEGER', other_adult_systems_total: n, territorial_prisons: n, military_facilities: n, indian_country_jails: n, missing: 'VARCHAR', source: 'VARCHAR' }, other);

    const [f3] = ctx.files(2);
    const custody = byYear(ctx.table(ctx.csv(f3!), appendix(/^Persons in custody$/)), {
      custody_total: /^Total$/,
      custody_federal: /^Federal prisoners$/,
      custody_state: /^State prisoners$/,
      custody_local_jail: /^Local jails$/,
      incarceration_rate: /^Incarceration rate$/,
      adult_incarceration_rate: /^Adult incarceration rate$/,
    }, f3!.label);
    await ctx.stage('stg_cpus16_custody', { year: 'INTEGER', custody_total: n, custody_federal: n, custody_state: n, custody_local_jail: n, incarceration_rate: n, adult_incarceration_rate: n, missing: 'VARCHAR', source: 'VARCHAR' }, custody);
  },
} satisfies SourceDecl;
