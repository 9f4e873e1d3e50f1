// @ts-check
/**
 * The islands and where their build goes, for the three that need it: vite.islands.config.ts
 * (builds them), scripts/build.ts (copies them into the site) and $lib/server/islands (gives a
 * page the hashed address of one). JavaScript, as vite configs and scripts read it as it is.
 */

/** One entry each, src/lib/islands/<name>.ts. */
export const ISLANDS = /** @type {const} */ (['map', 'embed', 'tips']);

/** Where `vite build --config vite.islands.config.ts` writes them (beside SvelteKit's own output). */
export const ISLANDS_OUT = `${process.env.KIT_OUT ?? '.svelte-kit'}/islands`;

/** Their site path, before the base path: under /_app/immutable/, which is cached for good. */
export const ISLANDS_PATH = '/_app/immutable/islands/';
