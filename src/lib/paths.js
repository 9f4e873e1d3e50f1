// @ts-check
/**
 * The base path the site is built for (BASE_PATH, e.g. "/dashboard" for a GitHub Pages project site
 * at https://org.github.io/dashboard/), and the one rule that turns a site path ("/facilities/",
 * before any base) into an address: the base, then the path. JavaScript, not TypeScript, because
 * svelte.config.js reads it (SvelteKit's `paths.base`) and Node loads that file as it is; scripts,
 * server code and tests import it too. Inside components the same base is `base` from `$app/paths`;
 * the framework-free scripts in static/js read it from `<html data-base>` (src/app.html).
 */

/** A segment of a base path: RFC 3986's unreserved characters (nothing to escape, in a URL or a server configuration), not "." or "..". */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9\-._~]+$/;

/**
 * BASE_PATH checked: "" when unset or empty (the site is served at the root of its host), else a
 * path such as "/dashboard" or "/org/dashboard": a leading "/", no trailing one, segments of
 * unreserved URL characters only (letters, digits, - . _ ~). Anything else throws, naming the value and what is expected.
 * @param {Record<string, string | undefined>} [env]
 * @returns {'' | `/${string}`}
 */
export function basePath(env = process.env) {
  const raw = env.BASE_PATH ?? '';
  if (raw === '') return '';
  const segments = raw.split('/').slice(1);
  if (!raw.startsWith('/') || raw.endsWith('/') || !segments.every((s) => SEGMENT.test(s)))
    throw new Error(
      `BASE_PATH=${JSON.stringify(raw)} is not a base path: give the path the site is served under, starting with "/" and without a trailing one, ` +
        'in letters, digits and - . _ ~ only (e.g. BASE_PATH=/dashboard), or leave it unset to serve the site at the root of its host',
    );
  return /** @type {`/${string}`} */ (raw);
}

/**
 * The address of a site path under a base: `withBase('/facilities/', '/dashboard')` is
 * "/dashboard/facilities/". `path` is a site path (it starts with "/"); the result is what a link,
 * a script's src, a fetch or a feed carries.
 * @param {string} path
 * @param {string} base
 */
export function withBase(path, base) {
  if (!path.startsWith('/')) throw new Error(`withBase: ${JSON.stringify(path)} is not a site path (it must start with "/")`);
  return base + path;
}

/**
 * The site path of an address under a base, or null when the address is outside it: the inverse
 * of `withBase` (servers strip the base with it). The base's own address without its slash
 * ("/dashboard") is outside: a server sends it to "/dashboard/".
 * @param {string} address
 * @param {string} base
 * @returns {string | null}
 */
export function stripBase(address, base) {
  if (!base) return address;
  return address.startsWith(`${base}/`) ? address.slice(base.length) : null;
}
