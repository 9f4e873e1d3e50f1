/**
 * The post-build pass that drops Svelte's hydration markers from pages that load no framework:
 * every marker form Svelte writes goes, any other comment and text that only looks like a marker
 * (in a textarea or a script) stays, and a page that loads Kit's client is left byte for byte.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hydrates, stripBuild, stripHydration } from '../../../scripts/strip-hydration';

const HEAD = '<head><!--12qhfyh--><!--[0--><script src="/js/enhance.js" defer=""></script><!--]--><title>T</title></head>';
const BODY = '<body><main><!--[--><p>a<!--[-1-->b<!--[!-->c<!---->d</p><!--]--><!-- a real comment --><textarea>x<!--[-->y</textarea><script>const m = "<!--]-->";</script></main></body>';
const page = (head: string) => `<!doctype html><html lang="en">${head}${BODY}</html>`;
const KIT = '<link href="/dashboard/_app/immutable/entry/start.PsySWS_8.js" rel="modulepreload">';

describe('stripHydration', () => {
  it('drops every marker of a page that loads no framework, and nothing else', () => {
    expect(stripHydration(page(HEAD))).toBe(
      '<!doctype html><html lang="en"><head><script src="/js/enhance.js" defer=""></script><title>T</title></head>' +
        '<body><main><p>abcd</p><!-- a real comment --><textarea>x<!--[-->y</textarea><script>const m = "<!--]-->";</script></main></body></html>',
    );
  });

  it('leaves a page that loads Kit’s client as it is, by its preload or by its start script, under a base path too', () => {
    const withLink = page(HEAD.replace('<title>', `${KIT}<title>`));
    const withScript = page(HEAD.replace('<title>', '<script>\n{ __sveltekit_x = {}; Promise.all([import("/_app/immutable/entry/start.a.js")]); }\n</script><title>'));
    for (const html of [withLink, withScript]) {
      expect(hydrates(html)).toBe(true);
      expect(stripHydration(html)).toBe(html);
    }
    expect(hydrates(page(HEAD))).toBe(false);
  });

  it('rewrites only the framework-free pages of a build folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strip-'));
    writeFileSync(join(dir, 'free.html'), page(HEAD));
    writeFileSync(join(dir, 'kit.html'), page(HEAD.replace('<title>', `${KIT}<title>`)));
    const before = readFileSync(join(dir, 'kit.html'), 'utf8');
    const t = stripBuild(dir);
    expect(t.pages).toBe(1);
    expect(t.saved).toBe(page(HEAD).length - stripHydration(page(HEAD)).length);
    expect(readFileSync(join(dir, 'free.html'), 'utf8')).toBe(stripHydration(page(HEAD)));
    expect(readFileSync(join(dir, 'kit.html'), 'utf8')).toBe(before);
  });
});
