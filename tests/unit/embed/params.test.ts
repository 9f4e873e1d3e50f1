import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE, readEmbedParams } from '../../../src/lib/embed/params';

const q = (s: string) => new URLSearchParams(s);

describe('embed parameters', () => {
  it('takes a chart without parameters, and a pinned release', () => {
    expect(readEmbedParams('ice-national-monthly', null, q(''))).toEqual({ key: 'ice-national-monthly', release: null });
    expect(readEmbedParams('ice-national-monthly', null, q('release=2000-01-15'))).toEqual({ key: 'ice-national-monthly', release: '2000-01-15' });
  });
  it('builds the variant key from a checked facility or state', () => {
    expect(readEmbedParams('facility-adp', 'facility', q('facility=stwrtga'))).toEqual({ key: 'facility-adp--stwrtga', release: null });
    expect(readEmbedParams('state-prisoners', 'state', q('state=TX'))).toEqual({ key: 'state-prisoners--tx', release: null });
  });
  it('refuses what it cannot check, saying why', () => {
    expect(readEmbedParams('facility-adp', 'facility', q(''))).toMatchObject({ error: expect.stringContaining('?facility=') });
    expect(readEmbedParams('facility-adp', 'facility', q('facility=../../x'))).toMatchObject({ error: expect.stringContaining('not a facility id') });
    expect(readEmbedParams('state-prisoners', 'state', q('state=texas'))).toMatchObject({ error: expect.stringContaining('not a state id') });
    expect(readEmbedParams('ice-national-monthly', null, q('release=2000-1-15'))).toMatchObject({ error: expect.stringContaining('not a data release') });
  });
});

describe('the embed height message', () => {
  it('is the one string the embed page sends and the host script listens for (both plain, unbundled files)', () => {
    // The string in quotes, wherever each file names the message type.
    const named = (file: string) => [...readFileSync(file, 'utf8').matchAll(/'(detention-dashboard:[\w-]+)'/g)].map((m) => m[1]);
    expect(named('static/js/embed-frame.js')).toEqual([HEIGHT_MESSAGE]);
    expect(named('static/embed.js')).toEqual([HEIGHT_MESSAGE]);
  });
});
