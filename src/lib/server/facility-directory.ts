/**
 * The directory as plain HTML pages, for reading without JavaScript: every facility in name order,
 * PAGE_SIZE to a page (/facilities/, /facilities/page/2/, …), each page named by its first and last
 * names so a reader can jump to the right one. With JavaScript the page filters the full list.
 */
import { applyFilters, NO_FILTERS, type DirectoryPage } from '$lib/facilities/directory';
import { datasetSources } from './data';
import { comparedYears, directory } from './facilities';

export const PAGE_SIZE = 200;

export const pageHref = (n: number) => (n === 1 ? '/facilities/' : `/facilities/page/${n}/`);

export async function directoryPage(n: number): Promise<DirectoryPage | null> {
  const all = applyFilters(await directory(), NO_FILTERS);
  const count = Math.ceil(all.length / PAGE_SIZE);
  if (!Number.isInteger(n) || n < 1 || n > count) return null;
  const pages = Array.from({ length: count }, (_, i) => {
    const slice = all.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
    return { n: i + 1, href: pageHref(i + 1), first: slice[0]!.name, last: slice.at(-1)!.name };
  });
  return { page: n, rows: all.slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE), total: all.length, compared: await comparedYears(), pages, sources: datasetSources(['facilities']).facilities! };
}

export async function pageCount(): Promise<number> {
  return Math.ceil((await directory()).length / PAGE_SIZE);
}
