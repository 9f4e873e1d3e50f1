/**
 * /near/'s search in the address fragment (`/near/#zip=78701`, `#city=Elizabeth,%20NJ`,
 * `#facility=stwrtga`), so a search can be shared and bookmarked while privacy holds: a browser
 * never sends the fragment to a server (RFC 3986 §3.5; it is not part of an HTTP request or its
 * Referer), and opening the link repeats the search on the device. A location shared by the
 * browser is never written here (see the page).
 */
export type NearSearch = { by: 'zip'; zip: string } | { by: 'city'; city: string } | { by: 'facility'; id: string };

/** The search a fragment holds, or null ("#take-action", "", anything else). A bare "#78701" is a ZIP too. */
export function parseFragment(hash: string): NearSearch | null {
  const h = hash.replace(/^#/, '');
  if (/^\d{5}$/.test(h)) return { by: 'zip', zip: h };
  const eq = h.indexOf('=');
  if (eq < 0) return null;
  let value: string;
  try {
    value = decodeURIComponent(h.slice(eq + 1).replace(/\+/g, ' ')).trim();
  } catch {
    return null; // a malformed escape ("%E0%A4%A") is no search
  }
  if (!value) return null;
  switch (h.slice(0, eq)) {
    case 'zip':
      return /^\d{5}$/.test(value) ? { by: 'zip', zip: value } : null;
    case 'city':
      return { by: 'city', city: value };
    case 'facility':
      return /^[a-z0-9-]+$/.test(value) ? { by: 'facility', id: value } : null;
    default:
      return null;
  }
}

/** "#zip=78701", "#city=Elizabeth,%20NJ" (commas left readable), "#facility=stwrtga". */
export function fragmentOf(s: NearSearch): string {
  const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');
  return s.by === 'zip' ? `#zip=${s.zip}` : s.by === 'city' ? `#city=${enc(s.city)}` : `#facility=${enc(s.id)}`;
}
