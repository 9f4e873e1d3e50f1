/**
 * Mitsuo Shiota's tidy table of prisoners under state jurisdiction, 50 states × 1997–2021
 * (bjs/mitsuoxv-us-prison/prisoners.csv, MIT), compiled from the same BJS tables that
 * bjs-prisoners-reports reads. It is not a source of values: prison_population checks that each
 * of its numbers is one BJS published for that state and year, an independent read of 23 layouts.
 */
import { IngestError } from '../lib/errors';
import { cellText, columnLetter } from '../lib/grid';
import type { ColumnDecl, TableDecl } from '../lib/table';
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

export default {
  id: 'mitsuoxv-prisoners',
  title: 'Prisoners under state jurisdiction by state, 1997–2021 (compiled from BJS Prisoners reports)',
  publisher: 'Mitsuo Shiota, from U.S. Bureau of Justice Statistics tables',
  homepage: 'https://github.com/mitsuoxv/us-prison',
  license: 'mit',
  attribution: 'Compiled by Mitsuo Shiota (MIT License, Copyright (c) 2023 Mitsuo Shiota) from Bureau of Justice Statistics "Prisoners in …" tables.',
  via: `GitHub mitsuoxv/us-prison@${VIA_COMMIT}`,
  files: [{ dir: 'bjs/mitsuoxv-us-prison', name: 'prisoners.csv', urls: [`https://raw.githubusercontent.com/mitsuoxv/us-prison/${VIA_COMMIT}/prisoners.csv`] }],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = ctx.table(ctx.csv(file!), TABLE);
    const header = t.grid.rows[t.headerRow - 1]!.map(cellText);
    const rows = t.records.flatMap((r) => {
      const j = jurisdictionOf(String(r.values.state));
      if (!Array.isArray(j)) throw new IngestError({ file: file!.label, row: r.row, column: 'state', value: r.values.state }, 'expected a state name');
      return YEARS.map((y) => ({ jurisdiction: j[0], year: Number(y), prisoners: r.values[y]!, source_file: file!.label, source_row: r.row, source_column: columnLetter(header.indexOf(y)) }));
    });
    await ctx.stage('stg_mitsuoxv_prisoners', { jurisdiction: 'VARCHAR', year: 'INTEGER', prisoners: 'BIGINT', source_file: 'VARCHAR', source_row: 'INTEGER', source_column: 'VARCHAR' }, rows);
  },
} satisfies SourceDecl;
