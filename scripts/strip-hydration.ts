/**
 * After `vite build`, before precompression: pages that load no framework lose Svelte's hydration
 * markers. Svelte's server rendering writes comments (`<!--[-->`, `<!--]-->`, `<!--[-1-->`,
 * `<!---->`, and one per component's head content) that only its client reads, to find its blocks
 * when it hydrates. A page without Kit's client script (facility pages today) never hydrates, so
 * they are bytes for nothing: 12 MB of the facility pages (issue 20: a static host takes at most
 * 250 MB). A page is told by what it loads, not by its route, so a page made framework-free later
 * is stripped too, and one that hydrates keeps every marker. Comments are found by an HTML parser
 * (htmlparser2), so text that only looks like one (in a <textarea>, a <script>) is never touched,
 * and any other comment stays.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';

/** Kit's client entry (kit.appDir is the default "_app"): a page that loads it hydrates. */
const KIT_CLIENT = /<script\b[^>]*>(?:(?!<\/script>)[\s\S])*\/_app\/immutable\/entry\/|<link\b[^>]*\/_app\/immutable\/entry\//;

/** What Svelte 5 writes as a marker: a block's start (`[`, `[0`, `[-1`, `[!`), its end, an empty anchor, a head's hash. */
const MARKER = /^(\[(!|-?\d+)?|\]|[0-9a-z]{5,8})?$/;

export const hydrates = (html: string) => KIT_CLIENT.test(html);

/** The page without its hydration markers, or as it is when it loads the framework. */
export function stripHydration(html: string): string {
  if (hydrates(html)) return html;
  const cuts: [number, number][] = [];
  const parser = new Parser({
    oncomment(data) {
      if (MARKER.test(data)) cuts.push([parser.startIndex, parser.endIndex + 1]);
    },
  });
  parser.end(html);
  let out = '';
  let from = 0;
  for (const [start, end] of cuts) {
    out += html.slice(from, start);
    from = end;
  }
  return out + html.slice(from);
}

/** Strips every framework-free page under `dir`; returns how many pages and bytes. */
export function stripBuild(dir: string): { pages: number; saved: number } {
  const t = { pages: 0, saved: 0 };
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const file = join(e.parentPath, e.name);
    const html = readFileSync(file, 'utf8');
    const out = stripHydration(html);
    if (out === html) continue;
    writeFileSync(file, out);
    t.pages++;
    t.saved += Buffer.byteLength(html) - Buffer.byteLength(out);
  }
  return t;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.BUILD_DIR ?? 'build';
  const t = stripBuild(dir);
  console.log(`${dir}: hydration markers removed from ${t.pages} pages that load no framework (${(t.saved / 1e6).toFixed(1)} MB)`);
}
