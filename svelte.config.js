import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * The Content-Security-Policy: our own origin only. 'wasm-unsafe-eval' lets DuckDB and MapLibre
 * compile WebAssembly; inline style attributes (Svelte's style: directives) need 'unsafe-inline' in
 * style-src only. Kit puts this in a <meta> of every prerendered page, with the hashes of its own
 * inline scripts; scripts/serve.ts sends it as a header too (where a host can).
 */
export const CSP_DIRECTIVES = {
  'default-src': ['self'],
  'script-src': ['self', 'wasm-unsafe-eval'],
  'style-src': ['self', 'unsafe-inline'],
  'img-src': ['self', 'data:', 'blob:'],
  'font-src': ['self'],
  'connect-src': ['self'],
  'worker-src': ['self', 'blob:'],
  'frame-src': ['self'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
};

/**
 * The static files the service worker is told about, and saves when it installs: the look-ups
 * "near me" and the maps read, the small scripts, the icon. Only these, so its script stays small.
 */
export const SAVED_STATIC = /^(data\/geo\/[^/]+\.json|data\/legislators\.json|favicon\.svg|js\/[^/]+\.js)$/;

/** Prerendered static site: every page is HTML at build time and readable with JavaScript off. */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // KIT_OUT / BUILD_DIR let two builds run side by side (e.g. parallel development); defaults are standard.
    outDir: process.env.KIT_OUT ?? '.svelte-kit',
    adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: undefined, precompress: false, strict: true }),
    // Several pages at once: a page's time is mostly DuckDB queries, which run on DuckDB's own
    // threads, so the one JavaScript thread can render another page meanwhile.
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail', concurrency: 4 },
    // Absolute asset paths: the server sends the /embed/ page for unknown /embed/<id>/ addresses (scripts/serve.ts).
    paths: { relative: false },
    csp: { mode: 'hash', directives: CSP_DIRECTIVES },
    // Registered by static/js/offline.js, which every page but the embeds loads (facility pages ship no framework).
    serviceWorker: { register: false, files: (/** @type {string} */ path) => SAVED_STATIC.test(path) },
  },
};
