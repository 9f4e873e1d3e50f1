import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { basePath } from './src/lib/paths.js';
import { cssHash } from './src/lib/css-hash.js';

/**
 * The explorer's head script, inlined (src/hooks.server.ts): its hash joins Kit's in each page's
 * <meta> policy, the one inline script of ours it allows. (A header cannot carry page hashes: see
 * scripts/host/policy.ts.)
 */
const startWorker = readFileSync(new URL('./src/lib/explore/start-worker.js', import.meta.url), 'utf8');
const START_WORKER_HASH = `sha256-${createHash('sha256').update(startWorker).digest('base64')}`;

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
 * How the built site is served, by any server: scripts/serve.ts (npm start) applies it, and
 * scripts/host/ writes it out for nginx, Caddy, Netlify and Cloudflare Pages (`_headers`,
 * `_redirects`) and GitHub Pages. Paths are the site's, before any base path (BASE_PATH): each server
 * puts the base in front.
 */
export const HOST_POLICY = {
  /** Sent with every answer. */
  headers: {
    'X-Content-Type-Options': 'nosniff',
    // Nothing about the page (a ZIP in /near's address, a query in /explore's) goes to another site.
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  },
  /** Who may frame a page: anyone under these prefixes (embeds live in other sites' pages), else only us. */
  framedByAnyone: ['/embed/'],
  /** Hashed build assets never change; everything else is revalidated. */
  immutable: ['/_app/immutable/'],
  cacheControl: { immutable: 'public, max-age=31536000, immutable', other: 'no-cache' },
  /** The page a missing address gets, with status 404, by prefix (the first that matches). */
  notFound: [
    { prefix: '/embed/', page: 'embed/index.html' },
    { prefix: '/', page: 'not-found/index.html' },
  ],
  /** Precompressed copies beside the files (scripts/precompress.ts), best first. */
  precompressed: ['br', 'gzip'],
};

/**
 * The static files the service worker is told about, and saves when it installs: the look-ups
 * "near me" and the maps read, the small scripts, the icon. Only these, so its script stays small.
 */
export const SAVED_STATIC = /^(data\/geo\/[^/]+\.json|data\/legislators\.json|favicon\.svg|js\/[^/]+\.js)$/;

/** Prerendered static site: every page is HTML at build time and readable with JavaScript off. */
export default {
  preprocess: vitePreprocess(),
  compilerOptions: { cssHash },
  kit: {
    // KIT_OUT / BUILD_DIR let two builds run side by side (e.g. parallel development); defaults are standard.
    outDir: process.env.KIT_OUT ?? '.svelte-kit',
    adapter: adapter({ pages: process.env.BUILD_DIR ?? 'build', assets: process.env.BUILD_DIR ?? 'build', fallback: undefined, precompress: false, strict: true }),
    // Several pages at once: a page's time is mostly DuckDB queries, which run on DuckDB's own
    // threads, so the one JavaScript thread can render another page meanwhile.
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail', concurrency: 4 },
    // Absolute asset paths: the server sends the /embed/ page for unknown /embed/<id>/ addresses (scripts/serve.ts).
    // BASE_PATH (checked by src/lib/paths.js; a bad one stops the build here) puts the site under a path of its host.
    paths: { relative: false, base: basePath() },
    csp: { mode: 'hash', directives: { ...CSP_DIRECTIVES, 'script-src': [...CSP_DIRECTIVES['script-src'], START_WORKER_HASH] } },
    // Registered by static/js/offline.js, which every page but the embeds loads (facility pages ship no framework).
    serviceWorker: { register: false, files: (/** @type {string} */ path) => SAVED_STATIC.test(path) },
  },
};
