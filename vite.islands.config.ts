/**
 * The islands: the few interactive parts of pages that ship no framework (the home page's facility
 * map, an embed drawn for a ?facility=, ?state= or ?release=), each a small Svelte app that
 * /js/islands.js imports only when the page needs it and mounts into the prerendered HTML; and the
 * tooltips of a prerendered line chart, read from its chart file (/js/charts.js imports that one).
 * `npm run build` (scripts/build.ts) builds them before the site: the pages read the hashed file
 * names from the manifest ($lib/server/islands), and the files are copied to
 * /_app/immutable/islands/, which hosts cache for good (HOST_POLICY.immutable). Same origin only:
 * every chunk, worker and stylesheet is one of these files, under the base path.
 */
import { resolve } from 'node:path';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { basePath } from './src/lib/paths.js';
import { cssHash } from './src/lib/css-hash.js';
import { ISLANDS, ISLANDS_OUT, ISLANDS_PATH } from './src/lib/islands/names.js';

export default defineConfig({
  // Components' styles go in with their JavaScript (CSP allows inline styles, not inline scripts).
  plugins: [svelte({ configFile: false, preprocess: vitePreprocess(), compilerOptions: { css: 'injected', cssHash } })],
  resolve: {
    alias: [
      { find: /^\$lib\//, replacement: `${resolve('src/lib')}/` },
      // Outside SvelteKit: the base path from <html data-base>. Any other $app/ module fails the build.
      { find: /^\$app\/paths$/, replacement: resolve('src/lib/islands/app-paths.ts') },
    ],
  },
  base: `${basePath()}${ISLANDS_PATH}`,
  publicDir: false,
  build: {
    outDir: ISLANDS_OUT,
    emptyOutDir: true,
    assetsDir: '',
    manifest: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: Object.fromEntries(ISLANDS.map((name) => [name, resolve(`src/lib/islands/${name}.ts`)])),
      // Entries keep their exports (the mount function /js/islands.js calls).
      preserveEntrySignatures: 'exports-only',
    },
  },
});
