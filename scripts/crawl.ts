/**
 * npm run crawl: every prerendered page of the build (2,800), loaded in Chromium through the same
 * visit as the crawl test (tests/browser/crawl-visit.ts), two pages at a time, axe-core on each;
 * prints what is wrong and how long it took, exits non-zero when anything is. The test suite runs
 * the same visit over a spread of every template; this is the whole site, too long for every run.
 *   npm run crawl                # all pages, with axe
 *   npm run crawl -- --no-axe    # console errors, requests and the policy only (a few minutes)
 */
import { startSite } from '../tests/browser/harness';
import { builtPages, visit } from '../tests/browser/crawl-visit';

const BUILD = process.env.BUILD_DIR ?? 'build';
const withAxe = !process.argv.includes('--no-axe');
const pages = builtPages(BUILD);
const site = await startSite(BUILD);
const context = await site.browser.newContext({ serviceWorkers: 'block' });
const started = Date.now();
const problems: string[] = [];
let done = 0;
// Two at a time: one page renders while the other waits on the server, on two cores.
const queue = [...pages];
await Promise.all(
  [0, 1].map(async () => {
    for (let path = queue.shift(); path; path = queue.shift()) {
      const found = await visit(context, site.origin, path, { axe: withAxe });
      found.forEach((p) => console.log(p));
      problems.push(...found);
      if (++done % 250 === 0) console.log(`… ${done} of ${pages.length} pages, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }),
);
await context.close();
await site.close();
console.log(`${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s${withAxe ? ' with axe' : ''}: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
