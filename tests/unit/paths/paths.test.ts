/** BASE_PATH checked, and the one rule from a site path to an address (src/lib/paths.js). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { basePath, stripBase, withBase } from '../../../src/lib/paths.js';

describe('BASE_PATH', () => {
  it('is empty when unset or empty: the site at the root of its host', () => {
    expect(basePath({})).toBe('');
    expect(basePath({ BASE_PATH: '' })).toBe('');
  });

  it('takes a path of one or more segments of unreserved characters', () => {
    for (const p of ['/dashboard', '/org/dashboard', '/a.b-c_d~e', '/v2', '/...x']) expect(basePath({ BASE_PATH: p }), p).toBe(p);
  });

  it('stops the build on anything else, naming the value and what is expected', () => {
    for (const p of ['dashboard', '/dashboard/', '/', '//dashboard', '/dash board', '/dash%20board', '/dash?x', '/dash#x', '/a/../b', '/.', '/..', '/a//b', '/dåsh', 'https://org.github.io/dashboard', ' /dashboard'])
      expect(() => basePath({ BASE_PATH: p }), p).toThrow(new RegExp(`^BASE_PATH=${JSON.stringify(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a base path: .*starting with "/" and without a trailing one`));
  });

  it('stops `npm run build` before anything is made', () => {
    const out = 'build-bad-base-path';
    const r = spawnSync('npx', ['tsx', 'scripts/build.ts'], { env: { ...process.env, BASE_PATH: 'dashboard/', BUILD_DIR: out, KIT_OUT: `.svelte-kit-${out}` }, encoding: 'utf8', timeout: 50_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('BASE_PATH="dashboard/" is not a base path');
    expect(existsSync(out)).toBe(false);
  });
});

describe('withBase and stripBase', () => {
  it('puts the base before a site path, and takes it off again', () => {
    for (const base of ['', '/dashboard', '/org/dashboard'])
      for (const path of ['/', '/facilities/', '/data/detention.duckdb', '/near/#zip=78701', '/changes/?state=TX']) {
        expect(withBase(path, base)).toBe(`${base}${path}`);
        expect(stripBase(withBase(path, base), base)).toBe(path);
      }
  });

  it('refuses a path that is not a site path (relative, or empty)', () => {
    for (const p of ['', 'facilities/', 'https://example.org/']) expect(() => withBase(p, '/dashboard'), p).toThrow(/is not a site path/);
  });

  it('finds no site path in an address outside the base, nor in the base without its slash', () => {
    for (const a of ['/', '/facilities/', '/dashboardx/', '/other/dashboard/', '/dashboard']) expect(stripBase(a, '/dashboard'), a).toBeNull();
  });
});
