/**
 * One update: ICE's page → its workbook links → the files not yet in the sources folder (by
 * sha256) → each checked by the ingest's own readers → saved under the day's date → ingested →
 * a release note. All or nothing: any bad file stops the run before anything is saved, and a
 * failed or interrupted ingest removes the files this run saved (the ingest itself leaves `out`
 * as it was).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { today } from '../ingest/lib/cells';
import { knownFiles, RELEASES, releaseFileName, sha256, writeAtomic } from './archive';
import { runIngest } from './ingest';
import { releaseNote, type NewFile } from './note';
import { fetchBytes, ICE_PAGE, workbookLinks } from './page';
import { verifyWorkbook } from './verify';

export interface UpdateOptions {
  sources: string;
  out: string;
  page?: string;
  mirror?: string;
  ingest?: boolean;
  /** Passed to the ingest as `--only` (tests; a partial run). */
  only?: string[];
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export type Outcome = { status: 'new'; files: NewFile[]; note: string; ingested: boolean } | { status: 'nothing new'; links: number };

/** The datasets the note compares, copied aside before the ingest replaces `out`. */
const COMPARED = ['ice_releases.parquet', 'ice_facility_releases.parquet'];

export async function update(o: UpdateOptions): Promise<Outcome> {
  const log = o.log ?? ((l: string) => console.error(l));
  const page = o.page ?? ICE_PAGE!;
  const fetching = { mirror: o.mirror, signal: o.signal };
  const html = (await fetchBytes(page, fetching)).toString('utf8');
  const links = workbookLinks(html, page);
  if (!links.length) throw new Error(`${page}: expected links to workbooks under /doclib/detention/, found none (ICE may have changed the page)`);
  log(`${page}: ${links.length} workbook links`);

  const known = knownFiles(o.sources);
  const seen = new Set(known.map((k) => k.sha256));
  const day = today(); // UTC, as the ingest's dates
  const work = mkdtempSync(join(tmpdir(), 'ice-update-'));
  // What this run added to the sources folder, removed again unless the run publishes.
  const saved: string[] = [];
  try {
    // Download and check every new file before saving any.
    const fresh: { file: NewFile; name: string; bytes: Buffer }[] = [];
    for (const link of links) {
      const bytes = await fetchBytes(link.url, fetching);
      const sha = sha256(bytes);
      if (seen.has(sha)) {
        log(`  known    ${link.name} (${sha.slice(0, 12)})`);
        continue;
      }
      seen.add(sha);
      const name = releaseFileName(day, link.name);
      const tmp = join(work, name);
      writeFileSync(tmp, bytes);
      const v = await verifyWorkbook(tmp, link.name);
      const sameNameAs = known.filter((k) => k.iceName === link.name).map((k) => k.label);
      log(`  new      ${link.name} (${sha.slice(0, 12)}): sheet "${v.facilitiesSheet}", ${v.facilityRows} facility rows${sameNameAs.length ? `; same name, new bytes (was ${sameNameAs.join(', ')})` : ''}`);
      fresh.push({ file: { iceName: link.name, url: link.url, label: `${RELEASES.dir}/${name}`, sha256: sha, bytes: bytes.length, sameNameAs }, name, bytes });
    }
    if (!fresh.length) return { status: 'nothing new', links: links.length };

    const dir = join(o.sources, RELEASES.dir);
    for (const [i, { file, name }] of fresh.entries())
      if (existsSync(join(dir, name)) || fresh.findIndex((f) => f.name === name) !== i) throw new Error(`${file.label}: expected a new file name, but other bytes have this name today (ICE replaced ${file.iceName} twice in a day, or links two files of that name); save one by hand under another name`);
    o.signal?.throwIfAborted();
    const made = mkdirSync(dir, { recursive: true });
    if (made) saved.push(made);
    for (const { name, bytes } of fresh) {
      writeAtomic(join(dir, name), bytes);
      saved.push(join(dir, name));
    }
    const files = fresh.map((f) => f.file);
    if (o.ingest === false) {
      saved.length = 0;
      return { status: 'new', files, ingested: false, note: await releaseNote({ files, page }) };
    }

    const before = join(work, 'before');
    mkdirSync(before);
    for (const f of COMPARED) if (existsSync(join(o.out, f))) cpSync(join(o.out, f), join(before, f));
    await runIngest({ sources: o.sources, out: o.out, only: o.only, signal: o.signal });
    saved.length = 0; // published: the new files stay
    return { status: 'new', files, ingested: true, note: await releaseNote({ files, page, before, after: o.out }) };
  } finally {
    // Newest first: the files, then the folder made for them (if any).
    for (const p of saved.reverse()) rmSync(p, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
