/**
 * A build made for a base path (BASE_PATH=/dashboard) must name nothing of ours outside it: served
 * at https://org.github.io/dashboard/, an address "/facilities/" is another site's. This finds, in
 * every text file a host serves, the references that escape the base:
 * - HTML, XML (feeds) and SVG: an attribute value that is a root-absolute path ("/x", "//x"), the
 *   address of a meta refresh, and the same inside escaped markup (embed code in a <textarea>);
 * - CSS: url(/x);
 * - JavaScript: markup compiled into strings (href="/x", src="/x"), fetch("/x"), import("/x"),
 *   register("/x"), new URL("/x"), and a build asset ("/_app/immutable/…") named without the base
 *   (but after "+": `base + "/_app/…"` is SvelteKit's service worker adding it);
 * - JSON: markup in strings (oEmbed's html) and a build asset named without the base;
 * - everywhere: an absolute address on our own origins (SITE_URL, npm start's) outside the base.
 * Chart data (/charts/<key>.json, archived releases) carries site paths by design (its readers put
 * the base in front), so a bare "/charts/" in JSON is not an address and is not reported. External
 * http(s) links are fine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const TEXT = new Set(['.html', '.js', '.mjs', '.json', '.xml', '.css', '.svg', '.webmanifest', '.txt']);

/** A path under the base, or the base itself (`<html data-base>`); a scheme-relative "//x" is neither. */
const underBase = (path: string, base: string) => (path === base || path.startsWith(`${base}/`)) && !path.startsWith('//');

/** Patterns whose first group is a root-absolute path to check, by kind of file. */
const MARKUP = [/\s[\w:-]+="(\/[^"]*)"/g, /\s[\w:-]+='(\/[^']*)'/g, /content="\d+;\s*url=(\/[^"]*)"/gi, /[\w:-]+=&quot;(\/.*?)&quot;/g, /[\w:-]+=&#34;(\/.*?)&#34;/g];
const CSS = [/url\(\s*["']?(\/[^)"']*)/g];
const STRING_MARKUP = [/(?:href|src|action|poster)=\\?["'](\/[^"'\\]*)/g];
const CALLS = [/\b(?:fetch|import|register|new URL)\(\s*["'`](\/[^"'`]*)/g];
// Not after "+": the service worker's list is `base + "/_app/…"` (SvelteKit's, the base read at run time).
const ASSETS = [/(?<!\+\s*)["'`](\/_app\/immutable\/[^"'`]+)["'`]/g];

const PATTERNS: Record<string, RegExp[]> = {
  '.html': [...MARKUP, ...CSS, ...CALLS, ...ASSETS],
  '.xml': MARKUP,
  '.svg': [...MARKUP, ...CSS],
  '.css': CSS,
  '.js': [...STRING_MARKUP, ...CSS, ...CALLS, ...ASSETS],
  '.mjs': [...STRING_MARKUP, ...CSS, ...CALLS, ...ASSETS],
  '.json': [...STRING_MARKUP, ...ASSETS],
  '.webmanifest': [...STRING_MARKUP, ...ASSETS],
  '.txt': [],
};

/** What in `text` (a file of kind `ext`) escapes `base`; `origins` are our own absolute origins. */
export function escapes(text: string, ext: string, base: string, origins: string[]): string[] {
  const found: string[] = [];
  for (const re of PATTERNS[ext] ?? []) for (const m of text.matchAll(re)) if (!underBase(m[1]!, base)) found.push(m[0].trim().slice(0, 120));
  for (const origin of origins)
    for (const m of text.matchAll(new RegExp(`${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^\\s"'<>\\\\]*)?`, 'g')))
      if (!underBase(m[1] ?? '', base)) found.push(m[0].slice(0, 120));
  return found;
}

/** Every escape in the text files of the build at `dir` (not the precompressed copies, which are the same bytes), as "file: reference". */
export function scanBuild(dir: string, base: string, origins: string[]): string[] {
  const out: string[] = [];
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    const ext = extname(rel);
    if (!TEXT.has(ext)) continue;
    for (const e of escapes(readFileSync(join(dir, rel), 'utf8'), ext, base, origins)) out.push(`${rel}: ${e}`);
  }
  return out;
}
