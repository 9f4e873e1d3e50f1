/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline and slow networks: the shell (home, near me, the facility directory, their scripts and
 * the look-up files) is saved when the worker installs; pages and data files a reader opens are
 * saved as they load; with no signal, or none within a few seconds, the saved copy is served, and
 * an address never saved gets the offline page listing what is. Which request gets which treatment
 * is decided in $lib/offline/policy.ts. Registered by /js/offline.js, never from an embed.
 */
import { base, build, files, version } from '$service-worker';
import { MAX_VISITED, NETWORK_TIMEOUT_MS, OFFLINE_PAGE, mayStore, precacheList, strategyFor } from '$lib/offline/policy';
import { withBase } from '$lib/paths.js';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `shell-${version}`;
const VISITED = 'visited';
/** When a copy was saved: the offline notice on a page tells the reader how old it is. */
const SAVED_AT = 'x-saved-at';

/** A copy of a response that can be cached and served for any request mode (redirects folded in). */
async function stamped(res: Response): Promise<Response> {
  const headers = new Headers(res.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}

/** One at a time would take minutes on a slow phone; all at once starves the page: a few in parallel. */
async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += 6) await Promise.all(items.slice(i, i + 6).map(each));
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await inBatches(precacheList({ build, files, origin: sw.location.origin, base }), async (path) => {
        const res = await fetch(path, { cache: 'no-cache' });
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
        await cache.put(path, await stamped(res));
      });
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('shell-') && key !== SHELL) await caches.delete(key);
      // An earlier worker saved addresses with their query (/near/?q=<ZIP>): delete them, in every cache.
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const req of await cache.keys()) if (!mayStore(req.url)) await cache.delete(req);
      }
      // Saved pages name the previous build's scripts and styles, now gone: fetch them anew where we can.
      const visited = await caches.open(VISITED);
      await inBatches(await visited.keys(), async (req) => {
        try {
          const res = await fetch(req, { cache: 'no-cache' });
          if (res.ok) await visited.put(req, await stamped(res));
        } catch {
          // Offline during the update: keep the old copy, its figures still read as text.
        }
      });
      await sw.clients.claim();
    })(),
  );
});

async function cacheFirst(req: Request): Promise<Response> {
  const hit = await caches.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok && mayStore(req.url)) {
    const copy = res.clone();
    void caches.open(SHELL).then(async (c) => c.put(req, await stamped(copy)));
  }
  return res;
}

async function keep(req: Request, res: Response) {
  if (!mayStore(req.url)) return;
  const cache = await caches.open(VISITED);
  await cache.put(req, await stamped(res));
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_VISITED))) await cache.delete(old);
}

/**
 * A saved copy of this address, ignoring the query (/near/?q=… is the same page, saved as /near/). A page
 * says it is one on its root element, with the time it was saved: /js/offline.js tells the reader.
 */
async function saved(req: Request): Promise<Response | undefined> {
  const res = await caches.match(req, { ignoreSearch: new URL(req.url).pathname.endsWith('/') });
  if (!res || req.mode !== 'navigate' || !res.headers.get('content-type')?.includes('text/html')) return res;
  const html = (await res.text()).replace('<html', `<html data-saved-at="${res.headers.get(SAVED_AT) ?? ''}"`);
  return new Response(html, { status: res.status, statusText: res.statusText, headers: res.headers });
}

async function networkFirst(req: Request, event: FetchEvent): Promise<Response> {
  const network = fetch(req).then((res) => {
    if (res.ok) event.waitUntil(keep(req, res.clone()));
    return res;
  });
  const timeout = new Promise<null>((ok) => setTimeout(() => ok(null), NETWORK_TIMEOUT_MS));
  try {
    const res = await Promise.race([network, timeout]);
    if (res) return res;
    // Slow network: a saved copy now if there is one, otherwise keep waiting.
    return (await saved(req)) ?? (await network);
  } catch (e) {
    const copy = await saved(req);
    if (copy) return copy;
    if (req.mode === 'navigate') {
      const page = await caches.match(withBase(OFFLINE_PAGE, base));
      if (page) return page;
    }
    throw e;
  }
}

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  const strategy = strategyFor({ url: req.url, method: req.method, range: req.headers.get('range') }, sw.location.origin, base);
  if (strategy === 'pass') return;
  event.respondWith(strategy === 'cache-first' ? cacheFirst(req) : networkFirst(req, event));
});
