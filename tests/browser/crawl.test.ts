/**
 * Every prerendered page of the build (its own list: each index.html under build/): every link
 * and asset it names inside the site resolves to a built file, nothing it loads comes from another
 * origin, and each carries the Content-Security-Policy. Read from the files (2,800 pages in a few
 * seconds); the browser journeys check pages as they run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';

const BUILD = process.env.BUILD_DIR ?? 'build';
const ORIGIN = 'http://site.invalid';
/** Attributes that make the browser fetch something (links are only followed when clicked). */
const LOADS: Record<string, string> = { script: 'src', img: 'src', iframe: 'src', source: 'src', audio: 'src', video: 'src' };

interface Ref {
  tag: string;
  url: string;
  rel: string;
}

function refsOf(html: string): { refs: Ref[]; csp: string | null } {
  const refs: Ref[] = [];
  let csp: string | null = null;
  new Parser({
    onopentag(tag, a) {
      if (tag === 'meta' && a['http-equiv']?.toLowerCase() === 'content-security-policy') csp = a.content ?? null;
      const url = tag === 'a' || tag === 'link' ? a.href : LOADS[tag] ? a[LOADS[tag]!] : undefined;
      if (url !== undefined) refs.push({ tag, url, rel: a.rel ?? '' });
    },
  }).end(html);
  return { refs, csp };
}

/** The file a same-origin path is served from (scripts/serve.ts: a folder's index.html, or the file). */
const built = (path: string) => {
  const p = decodeURIComponent(path);
  return p.endsWith('/') ? existsSync(join(BUILD, p, 'index.html')) : existsSync(join(BUILD, p)) || existsSync(join(BUILD, p, 'index.html'));
};

describe('every prerendered page', () => {
  const pages = (readdirSync(BUILD, { recursive: true }) as string[]).filter((f) => f.endsWith('index.html'));

  it('names only internal links and assets that exist, loads nothing from another origin, and carries the policy', () => {
    expect(pages.length).toBeGreaterThan(2700);
    const broken: string[] = [];
    const foreign: string[] = [];
    const noPolicy: string[] = [];
    let checked = 0;
    for (const file of pages) {
      const pagePath = '/' + file.replace(/index\.html$/, '');
      const { refs, csp } = refsOf(readFileSync(join(BUILD, file), 'utf8'));
      if (!csp?.includes("default-src 'self'")) noPolicy.push(pagePath);
      for (const r of refs) {
        if (/^(mailto|tel|data|javascript):/i.test(r.url) || r.url.startsWith('#')) continue;
        const u = new URL(r.url, ORIGIN + pagePath);
        if (u.origin !== ORIGIN) {
          // A link to a publisher is fine; a script, image, frame or stylesheet from elsewhere is not.
          if (r.tag !== 'a' && !(r.tag === 'link' && /\b(alternate|canonical|license)\b/.test(r.rel))) foreign.push(`${pagePath} ${r.tag} ${r.url}`);
          continue;
        }
        checked++;
        if (!built(u.pathname)) broken.push(`${pagePath} → ${u.pathname}`);
      }
    }
    expect([...new Set(broken)].slice(0, 20)).toEqual([]);
    expect(foreign.slice(0, 20)).toEqual([]);
    expect(noPolicy.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length * 10);
    // And the check can fail: a page, an asset and a download that were never built.
    for (const missing of ['/no-such-page/', '/_app/immutable/nope.js', '/data/nope.csv']) expect(built(missing), missing).toBe(false);
  });
});
