/** Which requests the service worker serves from the cache, the network, or leaves alone; what it saves at install. */
import { describe, expect, it } from 'vitest';
import { SHELL_PAGES, mayStore, precacheList, strategyFor } from '../../../src/lib/offline/policy';
import config, { SAVED_STATIC } from '../../../svelte.config.js';

const O = 'https://site.example';
const get = (path: string, extra: { method?: string; range?: string } = {}) => strategyFor({ url: O + path, method: extra.method ?? 'GET', range: extra.range }, O, '');

describe('service worker policy', () => {
  it('serves hashed assets from the cache and pages and data from the network first', () => {
    expect(get('/_app/immutable/chunks/BPq-VNcB.js')).toBe('cache-first');
    expect(get('/_app/immutable/assets/0.FSLuu4WM.css')).toBe('cache-first');
    for (const p of ['/', '/near/', '/facilities/stwrtga/', '/data/geo/zips.json', '/charts/ice-national-monthly.svg', '/service-worker.js'])
      expect(get(p), p).toBe('network-first');
  });

  it('leaves DuckDB, byte ranges, bulk downloads, other origins and writes to the network', () => {
    for (const p of ['/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm', '/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js', '/data/detention.duckdb', '/data/ice_facility_daily.csv', '/data/facilities.parquet', '/data/releases/2000-01-15.json', '/charts/ice-national-monthly.png'])
      expect(get(p), p).toBe('pass');
    expect(get('/data/geo/zips.json', { range: 'bytes=0-99' })).toBe('pass');
    expect(get('/', { method: 'POST' })).toBe('pass');
    expect(strategyFor({ url: 'https://other.example/', method: 'GET' }, O, '')).toBe('pass');
  });

  it('never saves an address with a query or a fragment, where a ZIP, a city or coordinates can travel', () => {
    for (const p of ['/near/?q=31815', '/near/?q=El%20Paso%2C%20TX', '/near/?lat=34.55&lon=-117.44', '/near/#31815', '/near/?', '/near/#', '/changes/?state=TX', '/explore/?sql=SELECT%201', '/facilities/?q=x', '/data/geo/zips.json?zip=31815', '/_app/immutable/chunks/x.js?v=1'])
      expect(mayStore(O + p), p).toBe(false);
    for (const p of ['/', '/near/', '/facilities/stwrtga/', '/data/geo/zips.json', '/_app/immutable/chunks/BPq-VNcB.js', '/offline/']) expect(mayStore(O + p), p).toBe(true);
    // Everything saved at install is storable.
    const list = precacheList({ build: ['/_app/immutable/entry/app.C_WOBi5Q.js'], files: ['/data/geo/zips.json'], origin: O, base: '' });
    expect(list.filter((p) => !mayStore(O + p))).toEqual([]);
  });

  it('saves the shell pages, the scripts and styles but not DuckDB, and the static files it is told about', () => {
    const build = ['/_app/immutable/entry/app.C_WOBi5Q.js', '/_app/immutable/assets/0.FSLuu4WM.css', '/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm', '/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js', '/_app/immutable/workers/maplibre-gl-worker-DTh23QKw.js'];
    const list = precacheList({ build, files: ['/data/geo/zips.json'], origin: O, base: '' });
    expect(list).toEqual([...SHELL_PAGES, '/facilities/index.json', build[0], build[1], build[4], '/data/geo/zips.json']);
    expect(SHELL_PAGES).toContain('/near/');
  });

  it('under a base path: the same treatment of the same files there, nothing outside it, and the shell saved under it', () => {
    const B = '/dashboard';
    const at = (path: string) => strategyFor({ url: O + B + path, method: 'GET' }, O, B);
    for (const p of ['/_app/immutable/chunks/BPq-VNcB.js', '/', '/near/', '/data/geo/zips.json', '/data/detention.duckdb', '/data/releases/2000-01-15.json']) expect(at(p), p).toBe(get(p));
    // Another site on the same host (org.github.io/other/), or the host's root: not ours.
    for (const p of ['/', '/near/', '/_app/immutable/chunks/BPq-VNcB.js', '/other/', '/dashboardx/']) expect(strategyFor({ url: O + p, method: 'GET' }, O, B), p).toBe('pass');
    const build = [`${B}/_app/immutable/entry/app.C_WOBi5Q.js`, `${B}/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm`];
    expect(precacheList({ build, files: [`${B}/data/geo/zips.json`], origin: O, base: B })).toEqual([...SHELL_PAGES.map((p) => B + p), `${B}/facilities/index.json`, build[0], `${B}/data/geo/zips.json`]);
  });

  it('tells the worker only about the look-ups, scripts and icon it saves (svelte.config.js)', () => {
    const told = (config.kit as { serviceWorker: { files: (p: string) => boolean } }).serviceWorker.files;
    for (const p of ['data/geo/zips.json', 'data/geo/facilities.json', 'data/legislators.json', 'js/enhance.js', 'favicon.svg']) expect(told(p), p).toBe(true);
    for (const p of ['data/detention.duckdb', 'data/facilities.csv', 'data/releases/2000-01-15.json', 'data/datapackage.json', 'embed.js']) expect(told(p), p).toBe(false);
    expect(SAVED_STATIC.test('data/geo/x/y.json')).toBe(false);
  });
});
