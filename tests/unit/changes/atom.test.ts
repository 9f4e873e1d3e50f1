import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, newestReleases } from '../../../src/lib/changes/atom';
import { fixtureLog } from './fixture-log';

const changes = fixtureLog('tests/fixtures/releases').changes;
// The feed's date: the newest release of the fixture stream, whatever it holds.
const updated = changes.map((c) => c.release).sort().at(-1)!;
const source = { title: 'ICE Detention Statistics', path: 'https://www.ice.gov/detain/detention-management' };
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['entry', 'link'].includes(n) }).parse(xml);
type Link = { '@rel'?: string; '@href': string };

describe('Atom feed', () => {
  it('is well-formed and has what RFC 4287 requires of a feed and of each entry', () => {
    const xml = atomFeed({ site: 'https://example.org', base: '', self: '/changes.xml', page: '/changes/', title: 'What changed', updated, changes, source });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('tag:detention-data-dashboard,2026:feed/changes.xml');
    expect(feed.updated).toBe(`${updated}T00:00:00Z`);
    expect(feed.link.find((l: Link) => l['@rel'] === 'self')['@href']).toBe('https://example.org/changes.xml');
    expect(feed.author.name).toBeTruthy();
    expect(feed.entry).toHaveLength(changes.length);
    const ids = new Set<string>();
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^tag:detention-data-dashboard,2026:change\//);
      ids.add(e.id);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(e.title).toBeTruthy();
      expect(e.link[0]['@href']).toMatch(/^https:\/\/example\.org\//);
      expect(e.link[1]).toMatchObject({ '@rel': 'related', '@href': source.path });
      expect(e.summary['#text']).toContain("ICE's release of");
    }
    expect(ids.size).toBe(changes.length);
  });

  it('keeps names from sources as text, never markup', () => {
    const xml = atomFeed({ site: '', base: '', self: '/changes/tx.xml', page: '/changes/?state=TX', title: 'Texas', updated, changes: changes.filter((c) => c.state === 'TX'), source });
    expect(xml).toContain('CLOSED &lt;b&gt;PROCESSING&lt;/b&gt; CENTER');
    expect(xml).not.toContain('<b>');
    const { feed } = parse(xml);
    expect(feed.entry[0].title).toBe('No longer reported: CLOSED <b>PROCESSING</b> CENTER (TX)'); // the text, once unescaped
  });

  it("carries the changes of its newest releases only, all of each, newest first as the log gives them", () => {
    const releases = [...new Set(changes.map((c) => c.release))].sort();
    expect(releases.length).toBeGreaterThan(1); // else there is nothing to leave out
    const newest = changes.filter((c) => c.release === releases.at(-1));
    const xml = atomFeed({ site: '', base: '', self: '/changes.xml', page: '/changes/', title: 'What changed', updated, changes, source, releases: 1 });
    const { feed } = parse(xml);
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual(newest.map((c) => `tag:detention-data-dashboard,2026:change/${c.id}`));
    expect(feed.subtitle).toContain('newest 1 data release;');
    expect(newestReleases(changes, releases.length)).toEqual(changes);
  });

  it('is valid with no entries yet (the first release)', () => {
    const xml = atomFeed({ site: '', base: '', self: '/changes.xml', page: '/changes/', title: 'What changed', updated, changes: [], source });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).feed.entry).toBeUndefined();
  });

  it('puts every link of ours under the base path, with or without SITE_URL; ids stay the same wherever the site is hosted', () => {
    for (const site of ['https://org.github.io', '']) {
      const xml = atomFeed({ site, base: '/dashboard', self: '/changes.xml', page: '/changes/', title: 'What changed', updated, changes, source });
      const { feed } = parse(xml);
      const ours = [...feed.link, ...feed.entry.map((e: { link: Link[] }) => e.link[0])].map((l: Link) => l['@href']);
      for (const href of ours) expect(href.startsWith(`${site}/dashboard/`), href).toBe(true);
      expect(feed.id).toBe('tag:detention-data-dashboard,2026:feed/changes.xml');
    }
  });
});
