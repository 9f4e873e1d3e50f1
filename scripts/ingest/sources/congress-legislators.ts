/**
 * Current members of Congress and their district offices, @unitedstates/congress-legislators
 * (SOURCES-other.md §C1). The CSVs are generated from the YAML but leave out term dates, so the
 * current term's start and end are read from legislators-current.yaml, matched by bioguide ID and
 * checked against the CSV's type/state/district so the two files cannot drift apart unnoticed.
 */
import { LineCounter, parseDocument, isNode, isSeq, visit, type Document } from 'yaml';
import { csvTable, requireHttp, type Correction } from '../lib/csv-table';
import { IngestError } from '../lib/errors';
import { readBytes } from '../lib/files';
import { decode } from '../lib/read-csv';
import type { ResolvedFile, SourceDecl } from '../lib/types';

// The published files (gh-pages and main) change as members come and go: --download takes today's.
const PAGES = 'https://unitedstates.github.io/congress-legislators';
const RAW = 'https://raw.githubusercontent.com/unitedstates/congress-legislators/main';
const TEXT = { kind: 'text' } as const;

// Known errors, fixed in the raw cell (lib/csv-table.ts), found by office id.
const ROCK_ISLAND = { id: 'S001225-rock_island' };
const OFFICE_CORRECTIONS: Correction[] = [
  { row: ROCK_ISLAND, column: 'latitude', from: '441.5080197', to: null, why: 'a latitude above 90 is impossible; the office keeps its address and ZIP' },
  { row: ROCK_ISLAND, column: 'longitude', from: '-90.5783808', to: null, why: 'dropped with its impossible latitude' },
];

// Known errors in legislators-current.csv, found by bioguide ID. Every address is checked to be http(s) (requireHttp).
const MEMBER_CORRECTIONS: Correction[] = [
  {
    row: { bioguide_id: 'F000484' },
    column: 'contact_form',
    from: 'hhttps://fine.house.gov/address_authentication?form=/contact/email-me',
    to: 'https://fine.house.gov/address_authentication?form=/contact/email-me',
    why: 'a doubled "h" in the scheme; the host is the member\'s own site (url https://fine.house.gov)',
  },
];

/**
 * Aliases a YAML file may expand: congress-legislators uses none, and toJS() expands each one, so a
 * "billion laughs" file of nested aliases would take all memory. yaml's own default, stated here so
 * an upgrade cannot change it; past it toJS throws a ReferenceError, named below.
 */
const MAX_ALIASES = 100;

/** Line of the first alias (*name) in the document, for the error. */
function firstAlias(doc: Document, lines: LineCounter): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_, node) {
      at = lines.linePos(node.range?.[0] ?? 0).line;
      return visit.BREAK;
    },
  });
  return at;
}

interface Term {
  type: string;
  start: string;
  end: string;
  state: string;
  district?: number;
  caucus?: string;
}

/** bioguide → its current (last) term, with the YAML line of the member for error messages. */
function currentTerms(file: ResolvedFile): Map<string, Term & { line: number }> {
  const lines = new LineCounter();
  const doc = parseDocument(decode(readBytes(file.path, file.label), 'utf-8', file.label), { lineCounter: lines });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new IngestError({ file: file.label, row: e.linePos?.[0]?.line }, `expected valid YAML (${e.message.split('\n')[0]})`);
  }
  if (!isSeq(doc.contents)) throw new IngestError({ file: file.label, row: 1 }, 'expected a list of members');
  const out = new Map<string, Term & { line: number }>();
  let members: { id?: { bioguide?: string }; terms?: Term[] }[];
  try {
    members = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = (e as Error).message;
    if (/alias/i.test(msg)) throw new IngestError({ file: file.label, row: firstAlias(doc, lines) }, `expected YAML without an alias bomb (at most ${MAX_ALIASES} alias expansions; yaml: ${msg})`);
    throw new IngestError({ file: file.label }, `expected YAML that reads as data (${msg})`);
  }
  doc.contents.items.forEach((node, i) => {
    const line = lines.linePos((isNode(node) && node.range?.[0]) || 0).line;
    const m = members[i];
    const id = m?.id?.bioguide;
    const term = m?.terms?.at(-1);
    if (!id || !term?.start || !term.end) throw new IngestError({ file: file.label, row: line, column: 'id.bioguide / terms' }, 'expected a member with a bioguide ID and a term with start and end');
    out.set(id, { ...term, line });
  });
  return out;
}

export default {
  id: 'congress-legislators',
  title: 'Current members of Congress and district offices (@unitedstates/congress-legislators)',
  publisher: 'The @unitedstates project (congress-legislators), from House, Senate and Biographical Directory sources',
  homepage: 'https://github.com/unitedstates/congress-legislators',
  license: 'cc0',
  attribution: 'Members of Congress: @unitedstates congress-legislators (CC0), theunitedstates.io.',
  via: 'GitHub unitedstates/congress-legislators gh-pages@61c9ce6a4b093e76e1244a53ada21d8d30981f42 (CSV) and main@dfa9622263dd4c8d08636926e498f1845704d7eb (YAML), 2026-06-15',
  files: [
    { dir: 'legislators', name: 'legislators-current.csv', urls: [`${PAGES}/legislators-current.csv`] },
    { dir: 'legislators', name: 'legislators-district-offices.csv', urls: [`${PAGES}/legislators-district-offices.csv`] },
    { dir: 'legislators', name: 'legislators-current.yaml', urls: [`${RAW}/legislators-current.yaml`] },
  ],
  async stage(ctx) {
    const [members] = ctx.files(0);
    const [offices] = ctx.files(1);
    const [yaml] = ctx.files(2);
    const terms = currentTerms(yaml!);

    const m = csvTable(ctx, members!, {
      header: ['bioguide_id', 'full_name', 'type', 'state', 'district'],
      columns: {
        bioguide_id: { kind: 'text', header: 'bioguide_id', required: true },
        full_name: { ...TEXT, header: 'full_name' },
        first_name: { kind: 'text', header: 'first_name', required: true },
        last_name: { kind: 'text', header: 'last_name', required: true },
        type: { kind: 'text', header: 'type', required: true },
        state: { kind: 'text', header: 'state', required: true },
        district: { kind: 'integer', header: 'district', min: 0 },
        senate_class: { kind: 'integer', header: 'senate_class', min: 1, max: 3 },
        party: { ...TEXT, header: 'party' },
        phone: { ...TEXT, header: 'phone' },
        url: { ...TEXT, header: 'url' },
        contact_form: { ...TEXT, header: 'contact_form' },
        address: { ...TEXT, header: 'address' },
      },
    }, MEMBER_CORRECTIONS);
    // Shown as links on every member's card: a javascript: address must never get there.
    requireHttp(m, ['url', 'contact_form']);
    const seen = new Set<string>();
    const rows = m.records.map((r) => {
      const v = r.values;
      const id = String(v.bioguide_id);
      const t = terms.get(id);
      const at = { file: members!.label, row: r.row, column: 'bioguide_id', value: id };
      if (!t) throw new IngestError(at, `expected this member in ${yaml!.label}`);
      if (t.type !== v.type || t.state !== v.state || (t.district ?? null) !== v.district)
        throw new IngestError(at, `expected the same current term as ${yaml!.label} line ${t.line} (${t.type} ${t.state}${t.district ?? ''})`);
      seen.add(id);
      return {
        ...v,
        // New members (e.g. G000607, sworn in 2026-06-10) have no official full name yet.
        name: v.full_name ?? `${v.first_name} ${v.last_name}`,
        // Independents' caucus (Sanders, King: Democrat) is in the YAML term only.
        caucus: t.caucus ?? null,
        term_start: t.start,
        term_end: t.end,
        source_file: members!.label,
        source_row: r.row,
      };
    });
    for (const [id, t] of terms) if (!seen.has(id)) throw new IngestError({ file: yaml!.label, row: t.line, column: 'id.bioguide', value: id }, `expected this member in ${members!.label}`);
    await ctx.stage(
      'stg_legislators',
      { bioguide_id: 'VARCHAR', name: 'VARCHAR', first_name: 'VARCHAR', last_name: 'VARCHAR', type: 'VARCHAR', state: 'VARCHAR', district: 'INTEGER', senate_class: 'INTEGER', party: 'VARCHAR', caucus: 'VARCHAR', phone: 'VARCHAR', url: 'VARCHAR', contact_form: 'VARCHAR', address: 'VARCHAR', term_start: 'DATE', term_end: 'DATE', source_file: 'VARCHAR', source_row: 'INTEGER' },
      rows,
    );

    const o = csvTable(ctx, offices!, {
      header: ['bioguide', 'id', 'address', 'city', 'state', 'zip', 'phone'],
      columns: {
        bioguide_id: { kind: 'text', header: 'bioguide', required: true },
        office_id: { kind: 'text', header: 'id', required: true },
        address: { ...TEXT, header: 'address' },
        suite: { ...TEXT, header: 'suite' },
        building: { ...TEXT, header: 'building' },
        city: { ...TEXT, header: 'city' },
        state: { ...TEXT, header: 'state' },
        zip: { ...TEXT, header: 'zip' },
        phone: { ...TEXT, header: 'phone' },
        hours: { ...TEXT, header: 'hours' },
        latitude: { kind: 'number', header: 'latitude', min: -90, max: 90 },
        longitude: { kind: 'number', header: 'longitude', min: -180, max: 180 },
      },
    }, OFFICE_CORRECTIONS);
    await ctx.stage(
      'stg_legislator_offices',
      { bioguide_id: 'VARCHAR', office_id: 'VARCHAR', address: 'VARCHAR', suite: 'VARCHAR', building: 'VARCHAR', city: 'VARCHAR', state: 'VARCHAR', zip: 'VARCHAR', phone: 'VARCHAR', hours: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE', source_file: 'VARCHAR', source_row: 'INTEGER' },
      o.records.map((r) => ({ ...r.values, source_file: offices!.label, source_row: r.row })),
    );
  },
} satisfies SourceDecl;
