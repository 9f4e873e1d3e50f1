/**
 * ICE's Detention Management page and the workbooks it links. ICE links each workbook with a
 * relative href (`/doclib/detention/FY26_detentionStats_04092026.xlsx`), so links are resolved
 * against the page's address, and only `.xlsx` files under `/doclib/detention/` count: the page
 * also links PDFs there and workbooks elsewhere on ice.gov.
 */
import { basename } from 'node:path';
import { Parser } from 'htmlparser2';
import iceWorkbooks from '../ingest/sources/ice-workbooks';

/** The page the ICE source declaration names as its home. */
export const ICE_PAGE = iceWorkbooks.homepage;

export interface WorkbookLink {
  url: string;
  /** ICE's file name, decoded from the address (`FY26_detentionStats_04092026.xlsx`). */
  name: string;
}

const WORKBOOK_PATH = /^\/doclib\/detention\/[^/]+\.xlsx$/i;

/** Every distinct workbook link on the page, in page order, as absolute addresses. */
export function workbookLinks(html: string, pageUrl: string): WorkbookLink[] {
  const hrefs: string[] = [];
  // htmlparser2 decodes entities in attributes (`&amp;`), as a browser does.
  const parser = new Parser({ onopentag: (tag, attrs) => tag === 'a' && attrs.href && hrefs.push(attrs.href) });
  parser.write(html);
  parser.end();
  const seen = new Map<string, WorkbookLink>();
  for (const href of hrefs) {
    let url: URL;
    try {
      url = new URL(href.trim(), pageUrl);
    } catch {
      continue; // not an address (a "javascript:" or broken href): not a workbook link either
    }
    if (!WORKBOOK_PATH.test(url.pathname)) continue;
    url.hash = '';
    if (!seen.has(url.href)) seen.set(url.href, { url: url.href, name: decodeURIComponent(basename(url.pathname)) });
  }
  return [...seen.values()];
}

/**
 * `--mirror`: https://host/path is fetched from mirror/host/path, as the ingest's `--download`
 * does (scripts/ingest/lib/files.ts), so tests serve ICE's addresses from a local folder.
 */
export const viaMirror = (url: string, mirror?: string): string => (mirror ? `${mirror.replace(/\/$/, '')}/${url.replace(/^https?:\/\//, '')}` : url);

/** The bytes at an address (through the mirror), or an Error naming the address and what went wrong. */
export async function fetchBytes(url: string, opts: { mirror?: string; signal?: AbortSignal } = {}): Promise<Buffer> {
  const from = viaMirror(url, opts.mirror);
  const timeout = AbortSignal.timeout(60_000);
  const failed = (e: unknown) => {
    opts.signal?.throwIfAborted(); // Ctrl-C is the cause, not the network
    // Node's fetch says "fetch failed" and puts the reason (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`.
    const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
    return new Error(`expected to download ${from} (${(e as Error).message}${cause ? `: ${cause.code ?? cause.message}` : ''})`);
  };
  let res: Response;
  try {
    res = await fetch(from, { signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout, headers: { 'user-agent': 'detention-data-dashboard (npm run update)' } });
  } catch (e) {
    throw failed(e);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(`expected HTTP 200 from ${from}, got ${res.status}`);
  }
  try {
    return Buffer.from(await res.arrayBuffer());
  } catch (e) {
    throw failed(e);
  }
}
