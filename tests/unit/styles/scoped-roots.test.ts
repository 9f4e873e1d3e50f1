/**
 * The components repeated most on the prerendered pages put their scoped class (src/lib/css-hash.js)
 * on their root elements only and reach the rest through them (`.root :global(label)`): a rule
 * written as a bare `label` or `.src` again would put ` class="s…"` back on every such element of
 * ~2,900 facility pages (issue 20: what a static host is given). Each component is compiled as the
 * build compiles it, and the tags that carry its class are read from the server output.
 */
import { readFileSync } from 'node:fs';
import { compile } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';
import { cssHash } from '../../../src/lib/css-hash.js';

/** Component file → the tags of its root elements, the only ones that may carry the scoped class. */
const ROOTS: Record<string, string[]> = {
  'src/lib/actions/ActionPanel.svelte': ['section'],
  'src/lib/actions/ActOnThis.svelte': ['div'],
  'src/lib/actions/FieldOfficeContact.svelte': ['div'],
  'src/lib/changes/ChangeList.svelte': ['ol'],
  'src/lib/charts/BarChart.svelte': ['svg'],
  'src/lib/charts/ChartFrame.svelte': ['figure'],
  // The drawings' boxes carry it too: a dynamic class attribute always does (it could name the root's class).
  'src/lib/charts/ChartPlot.svelte': ['div'],
  'src/lib/facilities/FiscalYearTable.svelte': ['div', 'ul'],
  'src/lib/facilities/IceFigures.svelte': ['div'],
  'src/lib/facilities/LocatorMap.svelte': ['figure'],
  'src/lib/facilities/UclaDetails.svelte': ['div'],
  // No single root: its top-level paragraphs, heading, facts, sections and #actions, and the nearby and sources lists.
  'src/routes/facilities/[id]/+page.svelte': ['p', 'h1', 'dl', 'section', 'div', 'ol', 'ul'],
};

/** The tags that carry `hash` in a component's compiled server output (static and dynamic class attributes). */
function scopedTags(source: string, filename: string): { hash: string; tags: Set<string> } {
  let hash = '';
  const out = compile(source, { filename, generate: 'server', cssHash: (input) => (hash = cssHash(input)) });
  const tags = new Set<string>();
  for (const m of out.js.code.matchAll(/<([a-z][a-z0-9]*)\b((?:[^<>$]|\$\{[^}]*\})*?)>/g)) if (hash && m[2]!.includes(hash)) tags.add(m[1]!);
  // A dynamic class: `<p${$.attr_class(…, 'sHASH')}`, the hash before the template's next tag.
  for (const m of out.js.code.matchAll(/<([a-z][a-z0-9]*)\$\{\$\.attr_class\(/g)) {
    const rest = out.js.code.slice(m.index + m[0].length);
    if (hash && rest.slice(0, rest.search(/<[a-z/]/)).includes(`'${hash}'`)) tags.add(m[1]!);
  }
  return { hash, tags };
}

describe('scoped class on the roots only', () => {
  for (const [file, roots] of Object.entries(ROOTS)) {
    it(file, () => {
      const { hash, tags } = scopedTags(readFileSync(file, 'utf8'), file);
      expect(hash).toMatch(/^s[0-9a-z]+$/);
      expect([...tags].filter((t) => !roots.includes(t))).toEqual([]);
    });
  }

  it('sees an inner element that carries the class (a bare rule planted)', () => {
    const file = 'src/lib/actions/ActionPanel.svelte';
    const planted = readFileSync(file, 'utf8').replace('<style>', '<style>\n  textarea { color: inherit; }');
    expect([...scopedTags(planted, file).tags]).toContain('textarea');
    // And through a dynamic class attribute.
    const dynamic = `<script>let { x } = $props();</script><div class="root"><p class="a{x}">x</p></div><style>.root{color:red}</style>`;
    expect([...scopedTags(dynamic, 'X.svelte').tags].sort()).toEqual(['div', 'p']);
  });
});
