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
    // Two lanes on 2 cores, side by side: the source and unit tests (ingests that spawn DuckDB), and the
    // browser tests (which share one built site and one Chromium each). Within a lane, one file at a time.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], fileParallelism: false } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
