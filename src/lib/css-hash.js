// @ts-check
/**
 * The class Svelte gives the elements a component's scoped styles apply to: "s" and the hash of the
 * component's CSS, not Svelte's "svelte-" and that hash. The class is on most elements of a page
 * (every cell, script and letter of a facility page), and these 6 characters came to about 6 MB of
 * the 2,908 facility pages (issue 20: what a static host is given). One rule for the site's build
 * (svelte.config.js) and the islands' (vite.islands.config.ts), so a component is styled alike in both.
 * @param {{ css: string, hash: (input: string) => string }} input
 */
export const cssHash = ({ css, hash }) => `s${hash(css)}`;
