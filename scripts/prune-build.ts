/**
 * After `vite build`: delete the __data.json files SvelteKit writes beside every prerendered page.
 * They serve only client-side navigation, which this site does not use (links reload the page:
 * data-sveltekit-reload in src/app.html), and beside the 2,700 facility pages they came to ~98 MB.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.BUILD_DIR ?? 'build';
let removed = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
  if (entry.isFile() && entry.name === '__data.json') {
    rmSync(join(entry.parentPath, entry.name));
    removed++;
  }
console.log(`${dir}: removed ${removed} unused __data.json files`);
