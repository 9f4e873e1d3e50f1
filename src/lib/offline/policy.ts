/**
 * What the service worker (src/service-worker.ts) does with each request, and what it saves ahead
 * of time. Pure, so it is tested without a browser (tests/unit/offline/policy.test.ts).
 *
 * - Hashed build assets never change: served from the cache first.
 * - Pages and data files go to the network first, so figures are never older than the server's,
 *   and a copy is kept; with no network (or none within NETWORK_TIMEOUT_MS) the copy is served.
 * - The explorer's DuckDB (wasm, database read by byte ranges) and the bulk downloads are left to the
 *   network: tens of megabytes no one asked to keep on their phone.
 * - Nothing is saved under an address with a query string or a fragment (`mayStore`): on /near/ a
 *   query can carry a ZIP, a city or coordinates (`/near/?q=31815`, a shared link, an old bookmark),
 *   and on other pages a place or a question; saved copies hold only what every reader gets. Such an
 *   address still goes to the network first; offline it gets the saved copy of its path.
 */
import { withBase } from '../paths.js';

export type Strategy = 'pass' | 'cache-first' | 'network-first';

export interface RequestFacts {
  url: string;
  method: string;
  /** The Range header, if any: a partial response cannot be cached or served whole. */
  range?: string | null;
}

/** Bulk or explorer-only files: not kept offline. */
const TOO_BIG = /\.(wasm|duckdb|parquet|csv|gz|zip|png)$|\/duckdb-browser[^/]*\.js$/;

/** Slow networks: after this long a saved copy is shown rather than a blank page. */
export const NETWORK_TIMEOUT_MS = 4000;

/** Pages and data files kept after a visit, beyond what is saved at install (oldest dropped first). */
export const MAX_VISITED = 300;

/** `origin` and `base` (the base path, src/lib/paths.js) are the site's: anything else is not ours to keep. */
export function strategyFor(req: RequestFacts, origin: string, base: string): Strategy {
  const u = new URL(req.url);
  if (req.method !== 'GET' || u.origin !== origin || req.range || !u.pathname.startsWith(`${base}/`)) return 'pass';
  if (TOO_BIG.test(u.pathname)) return 'pass';
  // Releases are fetched by pinned embeds, which live in other sites' frames, not offline readers.
  if (u.pathname.startsWith(withBase('/data/releases/', base))) return 'pass';
  if (u.pathname.startsWith(withBase('/_app/immutable/', base))) return 'cache-first';
  return 'network-first';
}

/**
 * Whether the worker may save a response under this address: only one with no query string and no
 * fragment (not even an empty `?` or `#`), whatever the path, so no saved address can hold a place.
 * The worker also deletes, when it starts, anything an earlier version saved that breaks this rule.
 */
export const mayStore = (url: string): boolean => !/[?#]/.test(url);

/** The page shown for an address that is neither reachable nor saved (a site path, as the others here: before the base). */
export const OFFLINE_PAGE = '/offline/';

/** Pages saved at install: the home page's figures, "near me" (whose look-ups are saved with it), the offline page. */
export const SHELL_PAGES = ['/', '/near/', '/facilities/', OFFLINE_PAGE];

/**
 * What the service worker saves when it installs: the shell pages, the facility directory's list,
 * the build's scripts and styles (not DuckDB's), and the look-up files "near me" and the maps read
 * (everything under /data/geo/ and the members of Congress), so a search works with no signal.
 * `files` are the static files svelte.config.js tells the worker about (SAVED_STATIC): all saved.
 * `build` and `files` are addresses, under the base already ($service-worker's); so is the list.
 */
export function precacheList(opts: { build: string[]; files: string[]; origin: string; base: string }): string[] {
  const assets = opts.build.filter((p) => /\.(js|css)$/.test(p) && strategyFor({ url: opts.origin + p, method: 'GET' }, opts.origin, opts.base) === 'cache-first');
  return [...[...SHELL_PAGES, '/facilities/index.json'].map((p) => withBase(p, opts.base)), ...assets, ...opts.files];
}
