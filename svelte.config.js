import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Prerendered static site: every page is HTML at build time and readable with JavaScript off. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // KIT_OUT / BUILD_DIR let two builds run side by side (e.g. parallel development); defaults are standard.
    outDir: process.env.KIT_OUT ?? '.svelte-kit',
    adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: undefined, precompress: false, strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    // Absolute asset paths: the server sends the /embed/ page for unknown /embed/<id>/ addresses (scripts/serve.ts).
    paths: { relative: false },
  },
};
