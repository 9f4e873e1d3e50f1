/**
 * Mitsuo Shiota's tidy tables (MIT), compiled from BJS "Prisoners in …" tables:
 * - prisoners.csv, prisoners under state jurisdiction, 50 states × 1997–2021. It is not a source
 *   of values: prison_population checks that each of its numbers is one BJS published for that
 *   state and year, an independent read of 23 layouts.
 * - imprison_rate.csv, sentenced prisoners per 100,000 residents, 50 states × 2007–2021: BJS's
 *   own rates, each year copied from the imprisonment-rate table of the next year's report
 *   (2020 and 2021 from Prisoners in 2021 table 7; the compiler's README.qmd), without BJS's
 *   footnotes. It is the only by-state series before 2020 here.
 */
import { IngestError } from '../lib/errors';
import { cellText, columnLetter } from '../lib/grid';
import { RATE, RATE_COLUMNS, type RateRow } from '../lib/bjs-rates';
import type { ColumnDecl, Table, TableDecl } from '../lib/table';
import type { SourceDecl } from '../lib/types';
import { jurisdictionOf } from './bjs-prisoners-reports';

const YEARS = Array.from({ length: 2021 - 1997 + 1 }, (_, i) => String(1997 + i));
const TABLE: TableDecl = {
  header: ['state', '1997', '2021'],
  columns: {
    state: { kind: 'text', header: 'state', required: true },
    ...Object.fromEntries(YEARS.map((y) => [y, { kind: 'integer', min: 0, header: y, required: true } satisfies ColumnDecl])),
  },
};
const VIA_COMMIT = '8489092c20cca27d555dfbe8703e826c896f46d0';
const RATE_YEARS = Array.from({ length: 2021 - 2007 + 1 }, (_, i) => String(2007 + i));
export const RATE_TABLE: TableDecl = {
  header: ['state', '2007', '2021'],
  columns: {
    state: { kind: 'text', header: 'state', required: true },
    // "NA": R's write_csv for a cell BJS left without a rate ("--", ":": Illinois and Nevada 2012 did not report).
    ...Object.fromEntries(RATE_YEARS.map((y) => [y, { ...RATE, missing: [...RATE.missing!, 'NA'], header: y } satisfies ColumnDecl])),
  },
};

/** imprison_rate.csv → one row per state and year, cited to its cell. */
export function readRates(t: Table): RateRow[] {
  const header = t.grid.rows[t.headerRow - 1]!.map(cellText);
  return t.records.flatMap((r) => {
    const j = jurisdictionOf(String(r.values.state));
    if (!Array.isArray(j)) throw new IngestError({ file: t.grid.file, row: r.row, column: 'state', value: r.values.state }, 'expected a state name');
    return RATE_YEARS.map((y) => ({
      jurisdiction: j[0],
      jurisdiction_name: j[1],
      year: Number(y),
      rate: r.values[y] as number | null,
      missing: r.values[y] === null ? (r.missing[y] === 'NA' ? 'NA (no rate in the BJS table the compiler read)' : (r.missing[y] ?? null)) : null,
      footnotes: null,
      source_row: r.row,
      source_column: columnLetter(header.indexOf(y)),
    }));
  });
}

export default {
  id: 'mitsuoxv-prisoners',
  title: 'Prisoners (1997–2021) and imprisonment rates (2007–2021) by state, compiled from BJS Prisoners reports',
  publisher: 'Mitsuo Shiota, from U.S. Bureau of Justice Statistics tables',
  homepage: 'https://github.com/mitsuoxv/us-prison',
  license: 'mit',
  attribution: 'Compiled by Mitsuo Shiota (MIT License, Copyright (c) 2023 Mitsuo Shiota) from Bureau of Justice Statistics "Prisoners in …" tables.',
  via: `GitHub mitsuoxv/us-prison@${VIA_COMMIT}`,
  files: [
    { dir: 'bjs/mitsuoxv-us-prison', name: 'prisoners.csv', urls: [`https://raw.githubusercontent.com/mitsuoxv/us-prison/${VIA_COMMIT}/prisoners.csv`] },
    { dir: 'bjs/mitsuoxv-us-prison', name: 'imprison_rate.csv', urls: [`https://raw.githubusercontent.com/mitsuoxv/us-prison/${VIA_COMMIT}/imprison_rate.csv`] },
  ],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = ctx.table(ctx.csv(file!), TABLE);
    const header = t.grid.rows[t.headerRow - 1]!.map(cellText);
    const rows = t.records.flatMap((r) => {
      const j = jurisdictionOf(String(r.values.state));
      if (!Array.isArray(j)) throw new IngestError({ file: file!.label, row: r.row, column: 'state', value: r.values.state }, 'expected a state name');
      return YEARS.map((y) => ({ jurisdiction: j[0], year: Number(y), prisoners: r.values[y]!, source_file: file!.label, source_row: r.row, source_column: columnLetter(header.indexOf(y)) }));
    });
    const [rates] = ctx.files(1);
    const rateRows = readRates(ctx.table(ctx.csv(rates!), RATE_TABLE));
    await ctx.stage('stg_bjs_rates', RATE_COLUMNS, rateRows.map((x) => ({ source_id: 'mitsuoxv-prisoners', report: 'imprison_rate.csv (Mitsuo Shiota, from BJS Prisoners in 2008–2021)', report_year: null, ...x, source_file: rates!.label })));
    await ctx.stage('stg_mitsuoxv_prisoners', { jurisdiction: 'VARCHAR', year: 'INTEGER', prisoners: 'BIGINT', source_file: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, rows);
  },
} satisfies SourceDecl;
