import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Prerendered static site: every page is HTML at build time and readable with JavaScript off. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, precompress: false, strict: true }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
  },
};
