/**
 * The change log as an Atom feed (RFC 4287): a feed id, title, updated, self and alternate links
 * and an author; each entry an id, title, updated, link and summary. Every value written is
 * escaped and cleaned, so names from sources can never become markup nor make the feed invalid XML.
 */
import { withBase } from '../paths.js';
import { cleanText } from '../text/safe';
import { KIND_LABELS, isDeathChange, type Change } from './types';

/**
 * Text or attribute value: characters XML 1.0 cannot carry at all (a U+000B in a facility name;
 * not even as &#11;) are dropped by cleanText, whatever the data gave, then markup is escaped.
 */
const escape = (s: unknown) =>
  cleanText(String(s)).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A release is a date; Atom wants an instant. */
const instant = (release: string) => escape(`${release}T00:00:00Z`);

/** Ids are tag URIs (RFC 4151): absolute and stable wherever the site is hosted. */
const tag = (what: string) => `tag:detention-data-dashboard,2026:${what}`;

export interface FeedOptions {
  /** The site's origin (SITE_URL at build); without it links are root-relative, resolved against the feed's own address. */
  site: string;
  /** The base path the site is built under (BASE_PATH; "" at the root of its host). */
  base: string;
  /** Site paths (before the base) of the feed itself, and of the page it mirrors. */
  self: string;
  page: string;
  title: string;
  /** The newest release: the feed's updated, even when it has no entries yet. */
  updated: string;
  changes: Change[];
  /** The publisher's page for the compared files: each entry's related link. */
  source: { title: string; path: string | null };
  /** How many of the newest releases among `changes` the feed carries (FEED_RELEASES unless a test says). */
  releases?: number;
}

/**
 * A feed carries the changes of its newest releases, about six months of ICE's biweekly ones: a
 * reader polls for what is new, and the whole log (2,270 changes over 110 releases, 1.9 MB as one
 * feed) is on the page the feed mirrors and in data/changes.json.
 */
export const FEED_RELEASES = 12;

/** The changes of the newest `n` releases among `changes`, in their order. */
export function newestReleases(changes: Change[], n: number): Change[] {
  const kept = new Set([...new Set(changes.map((c) => c.release))].sort().slice(-n));
  return changes.filter((c) => kept.has(c.release));
}

/** Which two versions an entry compares, in words. */
export const compared = (c: Change) =>
  isDeathChange(c) ? `The deaths file as of ${c.release}, compared with its version as of ${c.previous}.` : `ICE's release of ${c.release}, compared with its release of ${c.previous}.`;

export function atomFeed(o: FeedOptions): string {
  const abs = (path: string) => (o.site ? new URL(withBase(path, o.base), o.site).href : withBase(path, o.base));
  const entry = (c: Change) => {
    const link = c.facility_id ? abs(`/facilities/${c.facility_id}/#changes`) : abs(`${o.page}#${encodeURIComponent(c.id)}`);
    return [
      '  <entry>',
      `    <id>${escape(tag(`change/${c.id}`))}</id>`,
      `    <title>${escape(`${KIND_LABELS[c.kind]}: ${c.name ?? `FY${c.fiscal_year}`}${c.state ? ` (${c.state})` : ''}`)}</title>`,
      `    <updated>${instant(c.release)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${escape(link)}"/>`,
      ...(c.document
        ? [`    <link rel="related" title="${escape('The source document of this death')}" href="${escape(c.document)}"/>`]
        : o.source.path && !isDeathChange(c) ? [`    <link rel="related" type="text/html" title="${escape(o.source.title)}" href="${escape(o.source.path)}"/>`] : []),
      `    <category term="${escape(c.kind)}" label="${escape(KIND_LABELS[c.kind] ?? c.kind)}"/>`,
      `    <summary type="text">${escape(`${isDeathChange(c) && c.name ? `${c.name}${c.state ? ` (${c.state})` : ''}: ` : ''}${c.text} ${compared(c)}`)}</summary>`,
      '  </entry>',
    ].join('\n');
  };
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escape(tag(`feed${o.self}`))}</id>`,
    `  <title>${escape(o.title)}</title>`,
    `  <subtitle>${escape(`The changes of the newest ${o.releases ?? FEED_RELEASES} data release${(o.releases ?? FEED_RELEASES) === 1 ? "" : "s"}; every change is on the page this feed mirrors.`)}</subtitle>`,
    `  <updated>${instant(o.updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(abs(o.self))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escape(abs(o.page))}"/>`,
    '  <author><name>Detention data dashboard</name></author>',
    ...newestReleases(o.changes, o.releases ?? FEED_RELEASES).map(entry),
    '</feed>',
    '',
  ].join('\n');
}
