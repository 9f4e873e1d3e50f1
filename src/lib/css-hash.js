// @ts-check
/**
 * The class Svelte gives the elements a component's scoped styles apply to: "s" and the hash of the
 * component's CSS, not Svelte's "svelte-" and that hash. The class is on most elements of a page
 * (every cell, script and letter of a facility page), and these 6 characters came to about 6 MB of
 * the 2,908 facility pages (issue 20: what a static host is given). One rule for the site's build
 * (svelte.config.js) and the islands' (vite.islands.config.ts), so a component is styled alike in both.
 *
 * Svelte puts the class on every element a selector of the component's <style> could match, so the
 * components repeated most on these pages (the facility page, its action panel, tables, charts) scope
 * only their root element(s) and reach the rest through them: `.root :global(label)`, not `label`.
 * The inner elements then carry no class for styling alone (about 5 MB of the facility pages). A
 * `:global` part also matches inside child components, which a scoped selector did not: where a
 * child has an element or class a rule names, the rule says the path with child combinators
 * (`.chart > :global(.tools > .table > summary)`). Each rule gains the root's class in
 * specificity, all alike, so the component's rules still rank among themselves as before.
 * @param {{ css: string, hash: (input: string) => string }} input
 */
export const cssHash = ({ css, hash }) => `s${hash(css)}`;
