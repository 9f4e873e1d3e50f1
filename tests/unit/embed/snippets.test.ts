import { describe, expect, it } from 'vitest';
import { embedPath, snippets } from '../../../src/lib/embed/snippets';
import { loadChart } from '../../../src/lib/server/charts';

describe('embed code and citations, for a real chart', () => {
  it('gives iframe, pinned iframe, script, images and citations for a facility variant', async () => {
    const c = await loadChart('facility-adp', { facility: 'stwrtga' });
    expect(c.title).toMatch(/^STEWART DETENTION CENTER: /);
    expect(embedPath(c)).toBe('/embed/facility-adp/?facility=stwrtga');
    const s = snippets(c, 'https://example.org');
    expect(s.iframe).toContain('src="https://example.org/embed/facility-adp/?facility=stwrtga"');
    expect(s.pinned).toContain(`?facility=stwrtga&amp;release=${c.release}`);
    expect(s.script).toBe(`<div data-detention-chart="facility-adp" data-facility="stwrtga" data-title="${c.title}"></div>\n<script src="https://example.org/embed.js" async></script>`);
    expect(s.svg).toBe('https://example.org/charts/facility-adp--stwrtga.svg');
    expect(s.png).toBeNull();
    expect(s.apa).toMatch(/^Detention Data Dashboard\. \(\d{4}, [A-Z][a-z]+ \d+\)\. STEWART/);
  });
});
