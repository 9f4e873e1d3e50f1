/** The sources folder's ICE files: known by their bytes, new ones named by the day and checked against the ingest's pattern. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownFiles, releaseFileName, RELEASES, sha256, writeAtomic, YEAR_END } from '../../../scripts/update/archive';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'update-archive-'));
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('knownFiles', () => {
  it('hashes every file of both ICE folders, whatever its name, and gives ICE\'s name without the date', () => {
    const sources = join(root, 'sources');
    mkdirSync(join(sources, YEAR_END.dir), { recursive: true });
    mkdirSync(join(sources, RELEASES.dir), { recursive: true });
    writeFileSync(join(sources, YEAR_END.dir, 'FY31_fixture.xlsx'), 'a');
    writeFileSync(join(sources, RELEASES.dir, '2031-01-02_FY31_fixture.xlsx'), 'b');
    writeFileSync(join(sources, RELEASES.dir, 'MANIFEST.csv'), 'c');
    writeFileSync(join(sources, RELEASES.dir, '.2031-01-03_FY31_fixture.xlsx.tmp-1'), 'half-written');
    expect(knownFiles(sources)).toEqual([
      { label: `${YEAR_END.dir}/FY31_fixture.xlsx`, iceName: 'FY31_fixture.xlsx', sha256: sha256(Buffer.from('a')) },
      { label: `${RELEASES.dir}/2031-01-02_FY31_fixture.xlsx`, iceName: 'FY31_fixture.xlsx', sha256: sha256(Buffer.from('b')) },
      { label: `${RELEASES.dir}/MANIFEST.csv`, iceName: 'MANIFEST.csv', sha256: sha256(Buffer.from('c')) },
    ]);
    expect(knownFiles(join(root, 'no-such-folder'))).toEqual([]);
  });
});

describe('releaseFileName', () => {
  it('prefixes the day to ICE\'s name', () => {
    expect(releaseFileName('2031-01-02', 'FY31_detentionStats01022031.xlsx')).toBe('2031-01-02_FY31_detentionStats01022031.xlsx');
  });

  it('refuses a name the ingest would not read, saying where its pattern is', () => {
    expect(() => releaseFileName('2031-01-02', 'detentionStats_FY31.xlsx')).toThrow(`detentionStats_FY31.xlsx: expected an ICE workbook name the ingest reads (${RELEASES.dir}/ pattern ${RELEASES.name}); got 2031-01-02_detentionStats_FY31.xlsx. If ICE renamed its files, update the pattern in scripts/ingest/sources/ice-workbooks.ts`);
  });

  it('refuses a name that is a path', () => {
    expect(() => releaseFileName('2031-01-02', 'FY31/../../x.xlsx')).toThrow('expected a plain file name');
  });
});

describe('writeAtomic', () => {
  it('writes the whole file and leaves no temp file', () => {
    const dir = mkdtempSync(join(root, 'atomic-'));
    writeAtomic(join(dir, 'a.md'), 'one');
    writeAtomic(join(dir, 'a.md'), 'two');
    expect(readdirSync(dir)).toEqual(['a.md']);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('two');
  });
});
