import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  // The duckdb-wasm binary makes Vite's gzip report slow (../shared/STACK.md pitfall 4).
  build: { reportCompressedSize: false },
  ssr: { external: ['@duckdb/node-api'] },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests poll what the page shows after an action (expect.poll), never read it once.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Two files at a time on 2 cores: each browser test file starts its own server over the one built
    // site and its own Chromium, each source test ingests into its own temp folder. The slowest files
    // start first (vitest's sequencer), so the ingests overlap the browser tests.
    include: ['tests/**/*.test.ts'],
    maxWorkers: 2,
  },
});
