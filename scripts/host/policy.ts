/**
 * The serving policy of svelte.config.js (HOST_POLICY, CSP_DIRECTIVES) as headers for a path: the
 * one reading of it, used by the npm start server (scripts/serve.ts) and by every generated host
 * configuration (./nginx.ts, ./caddy.ts, ./static-hosts.ts), so all of them send the same answers.
 */
import { CSP_DIRECTIVES, HOST_POLICY } from '../../svelte.config.js';

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'wasm-unsafe-eval', 'strict-dynamic']);
const policyText = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([k, vs]) => `${k} ${vs.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v)).join(' ')}`)
    .join('; ');

/** The kinds of path the policy tells apart: each gets one set of headers. */
export type PathClass = 'page' | 'embed' | 'immutable';
export const PATH_CLASSES: PathClass[] = ['page', 'embed', 'immutable'];

export const classOf = (path: string): PathClass =>
  HOST_POLICY.framedByAnyone.some((p) => path.startsWith(p)) ? 'embed' : HOST_POLICY.immutable.some((p) => path.startsWith(p)) ? 'immutable' : 'page';

/** The path prefixes of a class (a page is anything the others are not). */
export const prefixesOf = (c: PathClass): string[] => (c === 'embed' ? HOST_POLICY.framedByAnyone : c === 'immutable' ? HOST_POLICY.immutable : ['/']);

/**
 * The page's <meta> policy carries the hashes of its inline scripts; a header cannot, so the header
 * allows inline scripts and the browser, enforcing both, allows only the hashed ones. The header
 * adds what a <meta> cannot say: who may frame a page (anyone, for embeds; only us, otherwise).
 */
export function cspFor(c: PathClass): string {
  return policyText({ ...CSP_DIRECTIVES, 'script-src': [...CSP_DIRECTIVES['script-src'], 'unsafe-inline'], 'frame-ancestors': [c === 'embed' ? '*' : 'self'] });
}

/** Every header the policy sets on an answer for a path of class `c` (Vary is the server's: it depends on the precompressed copies). */
export function headersOf(c: PathClass): Record<string, string> {
  return {
    'Content-Security-Policy': cspFor(c),
    ...HOST_POLICY.headers,
    'Cache-Control': c === 'immutable' ? HOST_POLICY.cacheControl.immutable : HOST_POLICY.cacheControl.other,
  };
}

export const headersFor = (path: string) => headersOf(classOf(path));

/** The page (a file of the build) a missing address gets with its 404. */
export const notFoundPage = (path: string): string => HOST_POLICY.notFound.find((n) => path.startsWith(n.prefix))!.page;

export const NOT_FOUND = HOST_POLICY.notFound;
export const PRECOMPRESSED = HOST_POLICY.precompressed;
