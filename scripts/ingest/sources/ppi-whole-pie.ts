/**
 * Prison Policy Initiative, "Mass Incarceration: The Whole Pie" (SOURCES.md, ppi/). PPI publishes
 * no data file: the CSV transcribes the report's headline sentence and the numbers it states.
 */
import type { SourceDecl } from '../lib/types';

export default {
  id: 'ppi-whole-pie',
  title: 'Mass Incarceration: The Whole Pie (2019 and 2020 editions), headline sentence',
  publisher: 'Prison Policy Initiative (Wendy Sawyer and Peter Wagner)',
  homepage: 'https://www.prisonpolicy.org/reports/pie2020.html',
  license: 'quote-with-link',
  attribution: 'Prison Policy Initiative, "Mass Incarceration: The Whole Pie 2020" by Wendy Sawyer and Peter Wagner, March 24, 2020, prisonpolicy.org/reports/pie2020.html.',
  files: [{ dir: 'ppi', name: 'whole-pie-headlines.csv' }],
  async stage(ctx) {
    const [file] = ctx.files();
    const t = ctx.table(ctx.csv(file!), {
      header: ['edition', 'url', 'quote', 'people'],
      columns: {
        edition: { kind: 'integer', header: 'edition', required: true, min: 2000, max: 2030 },
        title: { kind: 'text', header: 'title', required: true },
        authors: { kind: 'text', header: 'authors' },
        published: { kind: 'date', header: 'published', required: true },
        url: { kind: 'text', header: 'url', required: true },
        quote: { kind: 'text', header: 'quote', required: true },
        people_qualifier: { kind: 'text', header: 'people_qualifier' },
        people: { kind: 'integer', header: 'people', required: true, min: 0 },
      },
    });
    await ctx.stage(
      'stg_ppi',
      { edition: 'INTEGER', title: 'VARCHAR', authors: 'VARCHAR', published: 'DATE', url: 'VARCHAR', quote: 'VARCHAR', people_qualifier: 'VARCHAR', people: 'BIGINT', source_file: 'VARCHAR', source_row: 'INTEGER' },
      t.records.map((r) => ({ ...r.values, source_file: file!.label, source_row: r.row })),
    );
  },
} satisfies SourceDecl;
