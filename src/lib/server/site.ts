/**
 * The site's public address (SITE_URL at build time), for what leaves the site with an absolute
 * address: the credit drawn into chart images and the URLs of oEmbed answers. Pages themselves
 * use the address they are served from. Framework-free: scripts/build.ts checks it before building.
 */
import { basePath, withBase } from '../paths.js';

/** npm start's default address: the placeholder origin of oEmbed answers in a local build (no SITE_URL). */
export const LOCAL_ORIGIN = 'http://localhost:4173';

/** SITE_URL checked: an http(s) address such as https://example.org, without a trailing slash; null when unset. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.SITE_URL?.trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    /* reported below */
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username)
    throw new Error(`SITE_URL=${JSON.stringify(raw)} is not the site's address: give its origin, e.g. SITE_URL=https://example.org`);
  return raw.replace(/\/+$/, '');
}

/** What a chart image credits: the absolute address of the site path `path` (under BASE_PATH), or null in a local build (the image then names the site only). */
export function imageAddress(path: string): string | null {
  const site = siteUrl();
  return site ? site + withBase(path, basePath()) : null;
}

/** The site's absolute address for oEmbed answers and embed code: SITE_URL (or LOCAL_ORIGIN) and the base path, no trailing slash. */
export const siteAddress = (): string => (siteUrl() ?? LOCAL_ORIGIN) + basePath();

/** An absolute URL of the site path `path` for an oEmbed answer (the spec requires them): under SITE_URL and BASE_PATH, or LOCAL_ORIGIN in a local build. */
export function absoluteUrl(path: string): string {
  return withBase(path, siteAddress());
}

/** What scripts/build.ts prints on stderr for a build without SITE_URL. */
export const LOCAL_BUILD_WARNING = [
  'SITE_URL is not set: this is a LOCAL build, not one to publish.',
  '  - chart images (/charts/*.png, *.svg) credit the site by name, with no address;',
  `  - oEmbed answers (/oembed/*.json) give ${LOCAL_ORIGIN} (npm start's address) as the site's address;`,
  '  - feeds (/changes.xml, …) carry root-relative links.',
  'For a public build set the site\'s origin: SITE_URL=https://example.org npm run build',
].join('\n');
