/** The license table of ../shared/sources/SOURCES.md as data; a dataset inherits its inputs'. */
export interface License {
  name: string;
  title: string;
  path?: string;
  /** May a derived file be shipped only under the same terms, non-commercially? */
  shareAlikeNonCommercial?: boolean;
}

export const LICENSES = {
  'public-domain-us': { name: 'public-domain-us', title: 'U.S. Government Work (public domain, 17 U.S.C. §105)', path: 'https://www.usa.gov/government-copyright' },
  cc0: { name: 'CC0-1.0', title: 'Creative Commons Zero v1.0 Universal', path: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'cc-by-4.0': { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International (credit the authors, say what was changed)', path: 'https://creativecommons.org/licenses/by/4.0/' },
  mit: { name: 'MIT', title: 'MIT License (keep the notice of the compiler)', path: 'https://opensource.org/license/mit' },
  'cc-by-nc-sa-4.0': { name: 'CC-BY-NC-SA-4.0', title: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0', path: 'https://creativecommons.org/licenses/by-nc-sa/4.0/', shareAlikeNonCommercial: true },
  'attribution-requested': { name: 'attribution-requested', title: 'No license; facts from public agency data, reused with the attribution the publisher asks for' },
  'quote-with-link': { name: 'quote-with-link', title: 'Copyrighted report: the headline figure is quoted with attribution and a link, nothing else is copied' },
} as const satisfies Record<string, License>;

export type LicenseId = keyof typeof LICENSES;
