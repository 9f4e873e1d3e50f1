/**
 * The Marshall Project / AP weekly COVID-19 counts in state and federal prisons, March 2020 to
 * June 2021 (SOURCES-other.md §A4c), and the monthly prison populations they were rated against.
 * Counts are cumulative; a blank cell is "not provided by the system that week", never 0.
 */
import { csvTable, type Correction } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import type { ColumnDecl } from '../lib/table';
import type { ColumnType, SourceDecl } from '../lib/types';

const COMMIT = 'fb84e4dc71ad0075139b6601d4b36d6428df7eac';
const RAW = `https://raw.githubusercontent.com/themarshallproject/COVID_prison_data/${COMMIT}/data`;
const DATE: Omit<ColumnDecl, 'header'> = { kind: 'date', formats: ['%m/%d/%Y'], required: true };

export const COUNTS = [
  'staff_tests', 'staff_tests_with_multiples', 'total_staff_cases', 'staff_recovered', 'total_staff_deaths', 'staff_partial_dose', 'staff_full_dose',
  'prisoner_tests', 'prisoner_tests_with_multiples', 'total_prisoner_cases', 'prisoners_recovered', 'total_prisoner_deaths', 'prisoners_partial_dose', 'prisoners_full_dose',
] as const;

/** Marshall's "US" is the federal Bureau of Prisons, not a national total: call it FED, as UCLA's "Federal". */
const system = (abbr: string) => (abbr === 'US' ? 'FED' : abbr);

// prison_populations.csv labels each monthly update; a label without a year is 2020.
const MONTHS = ['jan', 'feb', 'march', 'april', 'may', 'june', 'july', 'aug', 'sept', 'oct', 'nov', 'dec'];

// Four jan_2021 counts are dated a year early, before the tracker began (SOURCES-other.md §A4c
// names Texas; the date check of covid_prison_populations found the other three).
const yearTypo = (abbreviation: string, from: string): Correction => ({
  row: { abbreviation, month: 'jan_2021' }, column: 'as_of_date', from, to: from.replace(/2020$/, '2021'), why: 'a jan_2021 count dated in early 2020, a year before its update',
});
const POPULATION_CORRECTIONS = [yearTypo('NC', '01/31/2020'), yearTypo('ND', '01/31/2020'), yearTypo('OR', '02/01/2020'), yearTypo('TX', '01/31/2020')];

export default {
  id: 'marshall-covid-prisons',
  title: 'A State-by-State Look at Coronavirus in Prisons (The Marshall Project and AP)',
  publisher: 'The Marshall Project, with The Associated Press',
  homepage: 'https://www.themarshallproject.org/2020/05/01/a-state-by-state-look-at-coronavirus-in-prisons',
  license: 'attribution-requested',
  attribution:
    'According to an analysis of state prison coronavirus cases by The Marshall Project, a nonprofit investigative newsroom dedicated to the U.S. criminal justice system, and The Associated Press.',
  via: `GitHub themarshallproject/COVID_prison_data@${COMMIT} (final update, 2021-07-02)`,
  files: [
    { dir: 'marshall', name: 'covid_prison_cases.csv', urls: [`${RAW}/covid_prison_cases.csv`] },
    { dir: 'marshall', name: 'prison_populations.csv', urls: [`${RAW}/prison_populations.csv`] },
  ],
  async stage(ctx) {
    const [cases] = ctx.files(0);
    const count: ColumnDecl = { kind: 'integer', min: 0, header: '' };
    const c = csvTable(ctx, cases!, {
      header: ['name', 'abbreviation', 'as_of_date', ...COUNTS],
      columns: {
        system_name: { kind: 'text', header: 'name', required: true },
        system: { kind: 'text', header: 'abbreviation', required: true },
        as_of_date: { ...DATE, header: 'as_of_date', required: false },
        ...Object.fromEntries(COUNTS.map((k) => [k, { ...count, header: k }])),
        notes: { kind: 'text', header: 'notes' },
      },
    });
    // 17 rows are a system that sent nothing that week: no date, no count (two carry a note saying
    // so). Without a date they have no place in the series; left out, and only while they hold no count.
    const dated = c.records.filter((r) => {
      if (r.values.as_of_date !== null) return true;
      const k = COUNTS.find((k) => r.values[k] !== null);
      if (k) throw new IngestError({ file: cases!.label, row: r.row, column: 'as_of_date', value: null }, `expected a date for the counts of this row (${k} = ${r.values[k]})`);
      return false;
    });
    await ctx.stage(
      'stg_marshall_cases',
      { system: 'VARCHAR', system_name: 'VARCHAR', as_of_date: 'DATE', ...Object.fromEntries(COUNTS.map((k) => [k, 'INTEGER' as ColumnType])), notes: 'VARCHAR', source_file: 'VARCHAR', source_row: 'INTEGER' },
      dated.map((r) => ({
        ...r.values,
        system: system(String(r.values.system)),
        // Notes span lines; keep one line-break form whatever the file's line endings.
        notes: r.values.notes === null ? null : String(r.values.notes).replace(/\r\n?/g, '\n'),
        source_file: cases!.label,
        source_row: r.row,
      })),
    );

    const [pops] = ctx.files(1);
    const p = csvTable(ctx, pops!, {
      header: ['name', 'abbreviation', 'month', 'as_of_date', 'pop'],
      columns: {
        system_name: { kind: 'text', header: 'name', required: true },
        system: { kind: 'text', header: 'abbreviation', required: true },
        label: { kind: 'text', header: 'month', required: true },
        as_of_date: { ...DATE, header: 'as_of_date' },
        population: { kind: 'integer', header: 'pop', min: 0 },
      },
    }, POPULATION_CORRECTIONS);
    await ctx.stage(
      'stg_marshall_populations',
      { system: 'VARCHAR', system_name: 'VARCHAR', month: 'VARCHAR', label: 'VARCHAR', as_of_date: 'DATE', population: 'INTEGER', source_file: 'VARCHAR', source_row: 'INTEGER' },
      p.records.map((r) => {
        const label = String(r.values.label);
        const [, name, year] = label.match(/^([a-z]+)(?:_(\d{4}))?$/) ?? [];
        const m = MONTHS.indexOf(name ?? '');
        if (m < 0) throw new IngestError({ file: pops!.label, row: r.row, column: 'month', value: label }, `expected a month label such as "march" or "jan_2021" (${MONTHS.join(', ')})`);
        const month = `${year ?? '2020'}-${String(m + 1).padStart(2, '0')}`;
        return { ...r.values, system: system(String(r.values.system)), month, source_file: pops!.label, source_row: r.row };
      }),
    );
  },
} satisfies SourceDecl;
