import { describe, expect, it } from 'vitest';
import { ALBERS, project } from '$lib/facilities/geo';

describe('project', () => {
  it('puts Stewart (Lumpkin, GA) in the south-east of the us-atlas Albers frame', () => {
    const p = project(-84.771746, 32.036676)!;
    expect(p[0]).toBeGreaterThan(ALBERS.width * 0.6);
    expect(p[0]).toBeLessThan(ALBERS.width);
    expect(p[1]).toBeGreaterThan(ALBERS.height * 0.5);
    expect(p[1]).toBeLessThan(ALBERS.height);
  });

  it('returns null outside the frame (Guam)', () => {
    expect(project(144.79, 13.48)).toBeNull();
  });
});
