import { describe, expect, it } from 'vitest';
import { archive, pinned } from '../../../src/lib/embed/release';
import { loadChart } from '../../../src/lib/server/charts';

describe('release archive', () => {
  it('archives only the plotted fields, and a pinned chart takes the archived figures', async () => {
    const c = await loadChart('ice-national-monthly');
    const a = archive(c);
    expect(Object.keys(a.rows[0]!).sort()).toEqual([c.x.field, c.y.field, ...(c.series ? [c.series.field] : [])].sort());
    const old = { ...a, release: '2020-01-01', rows: a.rows.slice(0, 3) };
    const p = pinned(c, old);
    expect(p).toMatchObject({ release: '2020-01-01', method: c.method, key: c.key });
    expect(p.rows).toHaveLength(3);
  });
});
