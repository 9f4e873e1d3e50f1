/**
 * The release note for a data pull request, in Markdown: the new files, then for each new release
 * its data date and national figures against the release before it, the facilities it adds or no
 * longer lists, and the largest moves of the between-release population (interval_adp). Figures
 * come from the published datasets (ice_releases, ice_facility_releases) of the output folder
 * before the update and after it, never from the workbooks directly, so the note says what the
 * site will say.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDuck, rows } from '../ingest/engine';
import { count, cell } from '../../src/lib/format';

export interface NewFile {
  /** ICE's file name and address. */
  iceName: string;
  url: string;
  /** Where it was saved, under the sources folder. */
  label: string;
  sha256: string;
  bytes: number;
  /** Known files with the same ICE name and other bytes: ICE reused the name. */
  sameNameAs: string[];
}

export interface NoteInput {
  files: NewFile[];
  page: string;
  /** Output folders before and after the ingest (`after` absent: not ingested). */
  before?: string;
  after?: string;
  /** How many facilities' interval moves to list. */
  top?: number;
}

type Row = Record<string, string | number | boolean | null>;
interface Release {
  sha256: string;
  release_date: string;
  fiscal_year: number;
  file: string;
  current: boolean;
  currently_detained: number | null;
  adp_fytd: number | null;
  facility_rows: number;
  notes: string | null;
  date_disagreement: boolean;
}
interface FacilityRow {
  facility_id: string;
  name: string;
  adp_fytd: number | null;
  interval_adp: number | null;
  interval_note: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
/** Text for a Markdown table cell or list item: no pipes, markup or line breaks from a source. */
const md = (s: string) => s.replace(/[\\`*_<>[\]|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
/** A file name or path as Markdown code (a source's name may hold `_` or `*`). */
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
const adp = (v: number | null) => cell(v, 'number');
const signed = (d: number, fmt: (v: number) => string) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${fmt(Math.abs(d))}`;

function change(before: number | null, after: number | null, fmt: (v: number) => string): string {
  if (before === null || after === null) return '';
  const d = after - before;
  return before ? `${signed(d, fmt)} (${signed((100 * d) / before, (v) => v.toFixed(1))} %)` : signed(d, fmt);
}

async function read(dir: string | undefined, dataset: string, sql: (from: string) => string): Promise<Row[] | null> {
  const path = dir && join(dir, `${dataset}.parquet`);
  if (!path || !existsSync(path)) return null;
  const { instance, con } = await openDuck();
  try {
    return (await rows(con, sql(`read_parquet('${path.replace(/'/g, "''")}')`))) as Row[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

const releasesIn = async (dir?: string) =>
  (await read(dir, 'ice_releases', (f) => `SELECT *, release_date::VARCHAR AS release_date FROM ${f}`))?.map((r) => ({
    sha256: String(r.sha256), release_date: String(r.release_date), fiscal_year: Number(r.fiscal_year), file: String(r.file), current: r.current !== false,
    currently_detained: num(r.currently_detained), adp_fytd: num(r.adp_fytd), facility_rows: Number(r.facility_rows), notes: (r.notes as string | null) ?? null, date_disagreement: r.date_disagreement === true,
  })) ?? null;

/** Data-date order; at the same date a superseded file before the one that replaced it. */
const order = (a: Release, b: Release) => a.release_date.localeCompare(b.release_date) || Number(a.current) - Number(b.current) || a.file.localeCompare(b.file);

export async function releaseNote(o: NoteInput): Promise<string> {
  const out: string[] = [];
  const n = o.files.length;
  out.push(`## ${n === 1 ? 'A new ICE detention statistics release' : `${n} new ICE detention statistics releases`}`, '');
  out.push(`From ICE's [Detention Management page](${o.page}), saved to the sources folder:`, '');
  out.push('| ICE file | sha256 | bytes | saved as |', '| --- | --- | ---: | --- |');
  for (const f of o.files) out.push(`| [${code(f.iceName)}](${f.url}) | ${code(f.sha256.slice(0, 12))} | ${count(f.bytes)} | ${code(f.label)} |`);
  for (const f of o.files.filter((f) => f.sameNameAs.length)) out.push('', `Same name, new bytes: ICE reused the name ${code(f.iceName)}, already in the sources as ${f.sameNameAs.map(code).join(', ')} with other contents; this is a new release.`);

  const after = await releasesIn(o.after);
  if (!after) {
    out.push('', o.after ? `Not compared: the ingest wrote no ice_releases dataset to ${code(o.after)}.` : 'Not ingested (`--no-ingest`): run `npm run ingest` to see the figures.');
    return out.join('\n') + '\n';
  }
  const before = await releasesIn(o.before);
  const facilities = await read(o.after, 'ice_facility_releases', (f) => `SELECT sha256, facility_id, name, adp_fytd, interval_adp, interval_note FROM ${f} ORDER BY facility_id, source_row`);
  const sorted = [...after].sort(order);
  const isNew = new Set(o.files.map((f) => f.sha256));

  for (const f of o.files) {
    const r = sorted.find((x) => x.sha256 === f.sha256);
    out.push('', `### ${code(f.iceName)}`, '');
    if (!r) {
      out.push(`Not in ice_releases after the ingest: the ingest did not read ${code(f.label)}.`);
      continue;
    }
    // The release just before it in data-date order: the one the site showed as current, or another new one.
    const prev = sorted[sorted.indexOf(r) - 1];
    out.push(`Data through **${r.release_date}** (FY${r.fiscal_year}).${r.current ? '' : ' A later file has the same data date, so this one is superseded.'}`);
    if (r.date_disagreement) out.push('', `ICE's dates disagree: ${md(r.notes ?? '')}.`);
    if (!prev) {
      out.push('', 'No earlier release in the data to compare with.');
      continue;
    }
    out.push('', `Compared with ${isNew.has(prev.sha256) ? 'the new release' : 'the release'} before it, ${code(prev.file)} (data through ${prev.release_date}):`, '');
    out.push('| | before | now | change |', '| --- | ---: | ---: | ---: |');
    const sameYear = prev.fiscal_year === r.fiscal_year;
    out.push(`| Currently detained | ${count(prev.currently_detained)} | ${count(r.currently_detained)} | ${change(prev.currently_detained, r.currently_detained, count)} |`);
    out.push(`| National ADP, FY${r.fiscal_year} to date | ${sameYear ? '' : `FY${prev.fiscal_year}: `}${adp(prev.adp_fytd)} | ${adp(r.adp_fytd)} | ${sameYear ? change(prev.adp_fytd, r.adp_fytd, adp) : 'new fiscal year'} |`);
    out.push(`| Facility rows | ${count(prev.facility_rows)} | ${count(r.facility_rows)} | ${change(prev.facility_rows, r.facility_rows, count)} |`);
    if (!facilities) {
      out.push('', `Facilities not compared: no ice_facility_releases dataset in ${code(o.after!)} (an \`--only\` run).`);
      continue;
    }
    out.push(...facilityChanges(facilities, prev, r, o.top ?? 5));
  }

  // Before against after: releases whose standing the new files changed, and any the data lacked until now.
  if (before) {
    const was = new Map(before.map((b) => [b.sha256, b]));
    const superseded = sorted.filter((a) => !a.current && was.get(a.sha256)?.current);
    const caughtUp = sorted.filter((a) => !was.has(a.sha256) && !isNew.has(a.sha256));
    if (superseded.length || caughtUp.length) out.push('', '### Other changes to ice_releases', '');
    for (const a of superseded) out.push(`- ${code(a.file)} (data through ${a.release_date}) is now superseded: a new file has the same data date.`);
    for (const a of caughtUp) out.push(`- ${code(a.file)} (data through ${a.release_date}) was already in the sources but not in the data until this ingest.`);
  }
  return out.join('\n') + '\n';
}

function facilityChanges(all: Row[], prev: Release, r: Release, top: number): string[] {
  const of = (sha: string) =>
    new Map(all.filter((x) => x.sha256 === sha).map((x) => [String(x.facility_id), { facility_id: String(x.facility_id), name: String(x.name), adp_fytd: num(x.adp_fytd), interval_adp: num(x.interval_adp), interval_note: (x.interval_note as string | null) ?? null } satisfies FacilityRow]));
  const was = of(prev.sha256);
  const now = of(r.sha256);
  const list = (xs: FacilityRow[]) => xs.map((x) => `${md(x.name)} (${code(x.facility_id)})`).join(', ') || 'none';
  const added = [...now.values()].filter((x) => !was.has(x.facility_id));
  const dropped = [...was.values()].filter((x) => !now.has(x.facility_id));
  const out = ['', `**Facilities added (${added.length}):** ${list(added)}`, '', `**Facilities no longer listed (${dropped.length}):** ${list(dropped)}`];

  // The population between the two releases against the one of the interval before; for the first
  // release of a year that is its year-to-date average, which covers the same days.
  const moves = largest(now, (x) => {
    const p = was.get(x.facility_id);
    return [p ? (p.interval_adp ?? (prev.fiscal_year === r.fiscal_year ? p.adp_fytd : null)) : null, x.interval_adp];
  });
  if (moves.length) {
    out.push('', `**Largest interval moves** (average daily population between ${prev.release_date} and ${r.release_date}, against the interval before):`, '');
    out.push(...table(moves.slice(0, top), 'interval before', 'this interval'));
    return out;
  }
  // No interval (ICE's averages give no day count, a repeated table, a new year): say why, and show how the year-to-date averages moved instead.
  const why = [...now.values()].map((x) => x.interval_note).find((w) => w);
  out.push('', `**Largest interval moves:** none to compare${why ? ` (${md(why)})` : ''}.`);
  const ytd = prev.fiscal_year === r.fiscal_year ? largest(now, (x) => [was.get(x.facility_id)?.adp_fytd ?? null, x.adp_fytd]) : [];
  if (ytd.length) out.push('', `**Largest moves of the FY${r.fiscal_year} year-to-date average** instead:`, '', ...table(ytd.slice(0, top), prev.release_date, r.release_date));
  return out;
}

type Move = { x: FacilityRow; before: number; after: number };

/** Facilities by the size of the move between two figures of each, largest first. */
function largest(rows: Map<string, FacilityRow>, pair: (x: FacilityRow) => [number | null, number | null]): Move[] {
  const moves = [...rows.values()].flatMap((x) => {
    const [before, after] = pair(x);
    return before === null || after === null ? [] : [{ x, before, after }];
  });
  return moves.sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.x.facility_id.localeCompare(b.x.facility_id));
}

function table(moves: Move[], before: string, after: string): string[] {
  return [`| facility | ${before} | ${after} | change |`, '| --- | ---: | ---: | ---: |', ...moves.map(({ x, before, after }) => `| ${md(x.name)} (${code(x.facility_id)}) | ${adp(before)} | ${adp(after)} | ${change(before, after, adp)} |`)];
}
