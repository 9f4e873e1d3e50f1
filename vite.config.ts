import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  // The duckdb-wasm binary makes Vite's gzip report slow (../shared/STACK.md pitfall 4).
  build: { reportCompressedSize: false },
  ssr: { external: ['@duckdb/node-api'] },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests poll what the page shows after an action (expect.poll), never read it once.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // Ingest tests spawn DuckDB and the browser tests share one built site: keep files sequential on 2 cores.
    fileParallelism: false,
  },
});
