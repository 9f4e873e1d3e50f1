/**
 * What an embed's address asks for, checked before anything is fetched: the variant of a chart
 * drawn per facility or state, and a pinned data release. Anything else gets a clear message in
 * the frame, never a request built from unchecked text.
 */
export interface EmbedRequest {
  /** The chart variant's key ("facility-daily--stwrtga"), or the chart id. */
  key: string;
  release: string | null;
}

const RELEASE = /^\d{4}-\d{2}-\d{2}$/;
const VALUE = { facility: /^[a-z0-9][a-z0-9-]{0,63}$/, state: /^[a-z]{2}$/ };

export function readEmbedParams(id: string, param: 'facility' | 'state' | null, query: URLSearchParams): EmbedRequest | { error: string } {
  const release = query.get('release');
  if (release !== null && !RELEASE.test(release)) return { error: `“${release}” is not a data release: releases are dates, e.g. ?release=2026-04-04.` };
  if (!param) return { key: id, release };
  const raw = query.get(param);
  if (!raw) return { error: `This chart is drawn for one ${param}: add ?${param}=${param === 'state' ? 'tx' : 'stwrtga'} (the ${param}’s id, as in its page’s address).` };
  const value = param === 'state' ? raw.toLowerCase() : raw;
  if (!VALUE[param].test(value)) return { error: `“${raw}” is not a ${param} id.` };
  return { key: `${id}--${value}`, release };
}

/**
 * The message an embed sends its host page: static/js/embed-frame.js sends it and static/embed.js
 * (the host side) listens for it; both are plain, unbundled files that repeat the string, and
 * tests/unit/embed/params.test.ts holds them to this one.
 */
export const HEIGHT_MESSAGE = 'detention-dashboard:embed-height';
