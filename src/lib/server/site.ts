/** The site's public address, for the address drawn into chart images. */

/** SITE_URL: the site's origin at build time, e.g. https://example.org (no trailing slash); unset, images show the path alone. */
export function siteAddress(path: string): string {
  return (process.env.SITE_URL ?? '').replace(/\/+$/, '') + path;
}
