/** The workbook links of ICE's Detention Management page (fixture copy), and the mirror rewrite. */
import { describe, expect, it } from 'vitest';
import { ICE_PAGE, viaMirror, workbookLinks } from '../../../scripts/update/page';
import { ICE_FILES } from '../../fixtures/ice-workbook';
import { CURRENT, PAGE_HTML } from '../../fixtures/ice-page/releases';

describe('workbookLinks', () => {
  it('finds each workbook under /doclib/detention/ once, resolved against the page, and nothing else', () => {
    const links = workbookLinks(PAGE_HTML, ICE_PAGE!);
    // The page links the FY2026 file twice (absolute with a #fragment, and relative) and the seven earlier year-end files.
    const earlier = ICE_FILES.filter((n) => !n.startsWith('FY26'));
    expect(links.map((l) => l.name).sort()).toEqual([CURRENT, ...earlier].sort());
    for (const l of links) expect(l.url).toBe(`https://www.ice.gov/doclib/detention/${l.name}`);
  });

  it('resolves relative links against the address the page was read from', () => {
    const html = '<a href="/doclib/detention/FY27_x.xlsx">a</a> <a href="../doclib/detention/FY27_y.XLSX">b</a> <a href="FY27_z.xlsx">c</a>';
    expect(workbookLinks(html, 'http://127.0.0.1:9/detain/page').map((l) => l.url)).toEqual(['http://127.0.0.1:9/doclib/detention/FY27_x.xlsx', 'http://127.0.0.1:9/doclib/detention/FY27_y.XLSX']);
  });

  it('decodes the file name and the entities of the href', () => {
    const [l] = workbookLinks('<a href="/doclib/detention/FY27%20stats.xlsx?a=1&amp;b=2">x</a>', 'https://www.ice.gov/detain/detention-management');
    expect(l).toEqual({ url: 'https://www.ice.gov/doclib/detention/FY27%20stats.xlsx?a=1&b=2', name: 'FY27 stats.xlsx' });
  });

  it('finds none on a page without them', () => {
    expect(workbookLinks('<html><body><a href="/doclib/detention/x.pdf">pdf</a><a>no href</a><a href="javascript:void(0)">js</a></body></html>', ICE_PAGE!)).toEqual([]);
  });
});

describe('viaMirror', () => {
  it('maps https://host/path to mirror/host/path, as the ingest --download does', () => {
    expect(viaMirror('https://www.ice.gov/doclib/detention/a.xlsx', 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/www.ice.gov/doclib/detention/a.xlsx');
    expect(viaMirror('https://www.ice.gov/a', undefined)).toBe('https://www.ice.gov/a');
  });
});
