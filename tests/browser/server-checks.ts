/**
 * What any server of the build must answer, whatever it is (npm start, or nginx and Caddy through
 * the configurations scripts/host/ writes): the policy's headers by path, the precompressed copies
 * to a client that accepts them and the file itself otherwise, byte ranges of the database the
 * explorer reads, the policy's 404 pages, and a folder's address sent to its page. Under a base path
 * (`base`, "/dashboard"; the build made with that BASE_PATH) the same, at addresses under it, and the
 * host's root sent to the base, the base without its slash to its page, any other address outside it
 * a 404 with the site's page. Returns what is wrong, as sentences; [] when nothing is.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { headersFor, notFoundPage } from '../../scripts/host/policy';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function fetchRaw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((ok, fail) =>
    httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end(),
  );
}

const decode = (a: Answer) => (a.headers['content-encoding'] === 'br' ? brotliDecompressSync(a.body) : a.headers['content-encoding'] === 'gzip' ? gunzipSync(a.body) : a.body);

export async function checkServer(origin: string, build: string, base = ''): Promise<string[]> {
  const problems: string[] = [];
  // Requests go to the addresses under the base; what the policy says is of the site path.
  const site = origin + base;
  const built = (file: string) => readFileSync(join(build, file));
  const say = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const policyHeaders = (path: string, a: Answer, servedAs = path) => {
    for (const [k, v] of Object.entries(headersFor(servedAs))) if (a.headers[k.toLowerCase()] !== v) say(path, `${k} is ${JSON.stringify(a.headers[k.toLowerCase()])}, the policy says ${JSON.stringify(v)}`);
  };
  // A framework script of the home page that has compressed copies (the smallest have none).
  const asset = [...built('index.html').toString().matchAll(/"([^"]*)(\/_app\/immutable\/[^"]+\.js)"/g)].filter((m) => m[1] === base).map((m) => m[2]!).find((p) => existsSync(join(build, `${p}.br`)))!;

  // Pages, images, look-ups and scripts: br, gzip or the file itself, always the same bytes and type.
  for (const [path, file] of [
    ['/', 'index.html'],
    ['/facilities/stwrtga/', 'facilities/stwrtga/index.html'],
    ['/charts/ice-national-monthly.svg', 'charts/ice-national-monthly.svg'],
    ['/data/geo/zips.json', 'data/geo/zips.json'],
    [asset, asset.slice(1)],
  ] as const) {
    const want = built(file);
    const plain = await fetchRaw(site + path);
    if (plain.status !== 200 || !plain.body.equals(want)) say(path, `status ${plain.status}, or not the built file`);
    policyHeaders(path, plain);
    for (const coding of ['br', 'gzip']) {
      const a = await fetchRaw(site + path, { 'accept-encoding': coding });
      if (a.headers['content-encoding'] !== coding) say(path, `${coding} accepted, answered with ${a.headers['content-encoding'] ?? 'no encoding'}`);
      else if (!decode(a).equals(want)) say(path, `the ${coding} copy is not the built file`);
      if (a.headers['content-type'] !== plain.headers['content-type']) say(path, `the ${coding} copy is typed ${a.headers['content-type']}, the file ${plain.headers['content-type']}`);
      if (!String(a.headers.vary ?? '').includes('Accept-Encoding')) say(path, 'no Vary: Accept-Encoding');
    }
  }

  // The database DuckDB reads in blocks: its length to a HEAD, any byte range, uncompressed.
  const db = '/data/detention.duckdb';
  const size = statSync(join(build, db)).size;
  const head = await fetchRaw(site + db, { 'accept-encoding': 'gzip, deflate, br, zstd' }, 'HEAD');
  if (head.status !== 200 || head.headers['content-length'] !== String(size) || head.headers['accept-ranges'] !== 'bytes' || head.headers['content-encoding'])
    say(db, `HEAD gave ${head.status}, length ${head.headers['content-length']} (file ${size}), ranges ${head.headers['accept-ranges']}, encoding ${head.headers['content-encoding']}`);
  for (const [from, to] of [[0, 0], [4096, 8191], [size - 10, size - 1]] as const) {
    const r = await fetchRaw(site + db, { 'accept-encoding': 'br, gzip', range: `bytes=${from}-${to}` });
    if (r.status !== 206 || r.headers['content-range'] !== `bytes ${from}-${to}/${size}` || !r.body.equals(built(db.slice(1)).subarray(from, to + 1)))
      say(db, `range ${from}-${to}: ${r.status} ${r.headers['content-range']}, ${r.body.length} bytes`);
  }

  // A missing address: the policy's page with a 404, and the headers of the path asked.
  for (const path of ['/no-such-page/', '/embed/no-such-chart/', '/facilities/no-such-facility/']) {
    const a = await fetchRaw(site + path);
    if (a.status !== 404) say(path, `status ${a.status}, not 404`);
    if (!decode(a).equals(built(notFoundPage(path)))) say(path, `not the page ${notFoundPage(path)}`);
    if (!String(a.headers['content-type']).startsWith('text/html')) say(path, `typed ${a.headers['content-type']}`);
    policyHeaders(path, a);
  }

  // A folder's address without its slash goes to its page, keeping the query.
  const folder = await fetchRaw(`${site}/methodology?from=home`);
  if (![301, 308].includes(folder.status) || ![`${base}/methodology/?from=home`, `${site}/methodology/?from=home`].includes(String(folder.headers.location)))
    say(`${base}/methodology?from=home`, `status ${folder.status}, Location ${folder.headers.location}`);
  if (!base) return problems;

  // Outside the base: the host's root and the base without its slash lead to the site; nothing else is served.
  for (const path of ['/', base]) {
    const a = await fetchRaw(origin + path);
    if (![301, 302, 307, 308].includes(a.status) || ![`${base}/`, `${site}/`].includes(String(a.headers.location))) say(path, `status ${a.status}, Location ${a.headers.location}, not to ${base}/`);
  }
  for (const path of ['/facilities/', '/_app/version.json', `${base}x/`, '/embed/ice-national-monthly/']) {
    const a = await fetchRaw(origin + path);
    if (a.status !== 404) say(path, `outside the base: status ${a.status}, not 404`);
    else if (a.headers['content-type']?.startsWith('text/html') && !decode(a).equals(built(notFoundPage('/')))) say(path, `outside the base: not the page ${notFoundPage('/')}`);
  }
  return problems;
}
