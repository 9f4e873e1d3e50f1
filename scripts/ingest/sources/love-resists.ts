/**
 * Love Resists, "Liberation During Social Isolation: #FreeThemAll" (spring 2020): the organizers'
 * text this project started from (SOURCES.md, love-resists/). Its two figures are claims to check
 * against the data, so each is read from the text by the sentence that states it, never typed in.
 */
import { readFileSync } from 'node:fs';
import { IngestError } from '../lib/errors';
import { decode } from '../lib/read-csv';
import type { SourceDecl } from '../lib/types';

const CLAIMS = [
  { claim_id: 'us_incarcerated', sentence: /[^.]*has ([\d.]+) million people in prison[^.]*\./, scale: 1e6 },
  { claim_id: 'ice_detained', sentence: /[^.]*There are ([\d,]+) immigrants and asylum seekers in ICE detention[^.]*\./, scale: 1 },
];

export default {
  id: 'love-resists',
  title: 'Liberation During Social Isolation: #FreeThemAll (spring 2020)',
  publisher: 'Love Resists',
  homepage: null,
  license: 'quote-with-link',
  attribution: 'Love Resists, "Liberation During Social Isolation: #FreeThemAll", spring 2020 (quoted).',
  via: "The organizers' text this project started from, kept in ../shared/sources/love-resists/; no public address is recorded for it.",
  files: [{ dir: 'love-resists', name: 'free-them-all-2020.txt' }],
  async stage(ctx) {
    const [file] = ctx.files();
    const lines = decode(readFileSync(file!.path), 'utf-8', file!.label).split(/\r?\n/);
    const rows = CLAIMS.map((c) => {
      const line = lines.findIndex((l) => c.sentence.test(l));
      if (line < 0) throw new IngestError({ file: file!.label, value: String(c.sentence) }, `expected the sentence stating the "${c.claim_id}" claim`);
      const m = lines[line]!.match(c.sentence)!;
      return { claim_id: c.claim_id, quote: m[0].trim(), stated_value: Number(m[1]!.replace(/,/g, '')) * c.scale, source_file: file!.label, source_line: line + 1 };
    });
    await ctx.stage('stg_claims', { claim_id: 'VARCHAR', quote: 'VARCHAR', stated_value: 'DOUBLE', source_file: 'VARCHAR', source_line: 'INTEGER' }, rows);
  },
} satisfies SourceDecl;
