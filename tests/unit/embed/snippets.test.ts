/**
 * Embed code, oEmbed answers and citations for real charts: the self-sizing embed comes first and
 * every iframe is as tall as its chart needs in a 640-px column; oEmbed answers carry only absolute
 * URLs (oembed.com 2.3.4), under SITE_URL or, in a local build, npm start's address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { COLUMN_WIDTH, embedPath, iframeHeight, snippets } from '$lib/embed/snippets';
import { chartVariants, loadChart } from '$lib/server/charts';
import { EMBED_WIDTHS } from '$lib/server/embed-height';
import { LOCAL_ORIGIN } from '$lib/server/site';
import * as oembed from '../../../src/routes/oembed/[chart].json/+server';

const saved = process.env.SITE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = saved;
});

describe('embed code and citations, for a real chart', () => {
  it('gives the self-sizing embed, a plain and a pinned iframe, images and citations for a facility variant', async () => {
    const c = await loadChart('facility-adp', { facility: 'stwrtga' });
    expect(embedPath(c)).toBe('/embed/facility-adp/?facility=stwrtga');
    const s = snippets(c, 'https://example.org');
    const h = iframeHeight(c);
    expect(h).toBe(c.embedHeights[String(COLUMN_WIDTH)]);
    expect(s.embed).toBe(`${s.iframe}\n<script src="https://example.org/embed.js" async></script>`);
    expect(s.iframe).toContain('src="https://example.org/embed/facility-adp/?facility=stwrtga"');
    expect(s.iframe).toContain(` height="${h}"`);
    expect(s.pinned).toContain(`?facility=stwrtga&amp;release=${c.release}`);
    expect(s.pinned).toContain('/embed.js');
    expect(s.svg).toBe('https://example.org/charts/facility-adp--stwrtga.svg');
    expect(s.png).toBe('https://example.org/charts/facility-adp--stwrtga.png');
    expect(s.square).toBeNull();
    expect(s.apa).toMatch(/^Detention Data Dashboard\. \(\d{4}, [A-Z][a-z]+ \d+\)\. STEWART/);
  });

  it('gives every chart a height at each width: taller for more bars, and for a variant no shorter in a narrower frame', async () => {
    const byState = await loadChart('ice-by-state');
    const monthly = await loadChart('ice-national-monthly');
    expect(Object.keys(byState.embedHeights)).toEqual(EMBED_WIDTHS.map(String));
    expect(iframeHeight(byState)).toBeGreaterThan(iframeHeight(monthly) + byState.rows.length * 15);
    // A variant is drawn at its frame's width. (A chart without parameters shows the prerendered drawing
    // made for about that width, scaled: a wider frame can show a smaller drawing scaled less, so its
    // heights need not fall with width; tests/browser/embed.test.ts measures them in Chromium.)
    const variant = await loadChart('facility-adp', { facility: 'stwrtga' });
    const hs = EMBED_WIDTHS.map((w) => variant.embedHeights[String(w)]!);
    expect([...hs].sort((a, b) => b - a)).toEqual(hs);
    expect(snippets(byState, '').square).toBe('/charts/square/ice-by-state.png');
  });
});

describe('oEmbed answers', () => {
  const event = (chart: string) => ({ params: { chart } }) as never;
  /** Every string of the answer that is or holds an address. */
  const urls = (o: Record<string, unknown>) => [
    ...Object.entries(o).filter(([k]) => k.endsWith('url')).map(([, v]) => String(v)),
    ...[...String(o.html).matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]!),
  ];

  it('carry only absolute URLs under SITE_URL, for every kind of variant', async () => {
    process.env.SITE_URL = 'https://example.org';
    const variants = await chartVariants();
    for (const v of [variants.find((x) => x.id === 'ice-by-state')!, variants.find((x) => x.id === 'facility-adp')!, variants.find((x) => x.id === 'state-ice-adp')!]) {
      const o = (await (await oembed.GET(event(v.key))).json()) as Record<string, unknown>;
      // provider_url, url, thumbnail_url and the iframe's src.
      expect(urls(o).length).toBe(4);
      for (const u of urls(o)) expect(u, `${v.key}: ${u}`).toMatch(/^https:\/\/example\.org\//);
      const c = await loadChart(v.id, v.params);
      expect(o.height).toBe(iframeHeight(c));
      expect(o.width).toBe(COLUMN_WIDTH);
    }
  });

  it('carry absolute URLs at npm start’s address in a local build', async () => {
    delete process.env.SITE_URL;
    const o = (await (await oembed.GET(event('ice-by-state'))).json()) as Record<string, unknown>;
    for (const u of urls(o)) expect(u).toMatch(new RegExp(`^${LOCAL_ORIGIN}/`));
  });

  it('the check finds a relative URL (the fault of issue 18)', () => {
    const relative = { html: '<iframe src="/embed/ice-by-state/"></iframe>', url: 'https://example.org/embed/ice-by-state/' };
    expect(urls(relative).filter((u) => !/^https?:\/\//.test(u))).toEqual(['/embed/ice-by-state/']);
  });
});
