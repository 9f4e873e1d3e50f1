/**
 * `_headers` for Netlify and Cloudflare Pages, written from the build's own tree: every file and
 * page address of the build is matched by exactly one rule (both hosts join the values of a
 * header two rules set, which would merge two Content-Security-Policies), and that rule's headers
 * are the policy's for the path. `_redirects` and the 404.html copies give the policy's 404 pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, NOT_FOUND } from '../../../scripts/host/policy';
import { headerRules, headersFile, HOST_ONLY, notFoundCopies, redirectsFile } from '../../../scripts/host/static-hosts';

const BUILD = process.env.BUILD_DIR ?? 'build';
/** Netlify's and Cloudflare's matching: "/a/*" is every path under /a/; any other pattern is that path. */
const matches = (pattern: string, path: string) => (pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);

/** The _headers text parsed back: pattern → headers. */
function parse(text: string): { pattern: string; headers: Record<string, string> }[] {
  const out: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) out.push({ pattern: line, headers: {} });
    else {
      const [k, ...v] = line.trim().split(': ');
      out.at(-1)!.headers[k!] = v.join(': ');
    }
  }
  return out;
}

describe.runIf(existsSync(join(BUILD, 'index.html')))('_headers and _redirects', () => {
  for (const base of ['', '/dashboard']) {
    it(`match every address of the build with one rule, carrying the policy’s headers for it (base path "${base}")`, () => {
      const rules = parse(headersFile(BUILD, base));
      expect(rules.map((r) => r.pattern)).toEqual(headerRules(BUILD).map((r) => base + r.pattern));
      const files = (readdirSync(BUILD, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .map((e) => ({ rel: join(e.parentPath, e.name).slice(BUILD.length + 1), dir: e.isDirectory() }))
        .filter((f) => !f.dir && !HOST_ONLY.test(f.rel));
      // A page is served at its folder's address; every other file at its own.
      const addresses = files.map((f) => `/${f.rel.replace(/(^|\/)index\.html$/, '$1')}`);
      expect(addresses.length).toBeGreaterThan(5000);
      const wrong: string[] = [];
      for (const a of addresses) {
        const hit = rules.filter((r) => matches(r.pattern, base + a));
        if (hit.length !== 1) wrong.push(`${a}: ${hit.length} rules (${hit.map((r) => r.pattern).join(', ')})`);
        else if (JSON.stringify(hit[0]!.headers) !== JSON.stringify(headersFor(a))) wrong.push(`${a}: ${hit[0]!.pattern} gives other headers than the policy`);
      }
      expect(wrong).toEqual([]);
      // The rule list stays short: folders of one kind are one rule each.
      expect(rules.length).toBeLessThan(60);
    });
  }

  it('send a missing address to its prefix’s page with a 404, and put each 404 page where static hosts look', () => {
    for (const base of ['', '/dashboard']) {
      const lines = redirectsFile(base).split('\n').filter((l) => l && !l.startsWith('#'));
      expect(lines).toEqual(NOT_FOUND.filter((n) => n.prefix !== '/').map((n) => `${base}${n.prefix}*  ${base}/${n.page}  404`));
    }
    for (const { to, from } of notFoundCopies()) expect(readFileSync(join(BUILD, to)).equals(readFileSync(join(BUILD, from))), to).toBe(true);
    expect(notFoundCopies().map((c) => c.to)).toContain('404.html');
  });
});
