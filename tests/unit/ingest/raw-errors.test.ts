/**
 * Failures that used to escape as raw errors (a ReferenceError, ENOTDIR, EACCES) or as a wrong
 * message ("expected the file to exist" for a file that exists): each is an IngestError naming the
 * file (and row where it has one) and the cause, through the real engine on the hostile
 * congress-legislators fixture, with the published folder unchanged and nothing left beside it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { fsReason } from '../../../scripts/ingest/lib/files';
import { openWorkbook } from '../../../scripts/ingest/lib/read-xlsx';

const FIXTURE = resolve('tests/fixtures/hostile');
const ONLY = ['congress-legislators'];
const CSV = 'legislators/legislators-current.csv';
const YAML = 'legislators/legislators-current.yaml';
const quiet = () => {};
let root: string;
let good: string; // a published folder from the good fixture

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ingest-raw-errors-'));
  good = join(root, 'good');
  await ingest({ sources: FIXTURE, out: good, only: ONLY, log: quiet });
});
afterAll(() => {
  if (!root) return;
  // Undo any chmod so the folder can be removed by a user who is not root.
  spawnSync('chmod', ['-R', 'u+rwx', root]);
  rmSync(root, { recursive: true, force: true });
});

function caseFolder(): { dir: string; src: string; out: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  const src = join(dir, 'sources');
  cpSync(FIXTURE, src, { recursive: true });
  const out = join(dir, 'out');
  cpSync(good, out, { recursive: true });
  return { dir, src, out };
}

/** The run fails with an IngestError, `out` is byte for byte as it was, and no tmp/old folder is left. */
async function mustFail(c: { dir: string; src: string; out: string }): Promise<IngestError> {
  const before = readdirSync(c.out).map((f) => [f, readFileSync(join(c.out, f)).toString('base64')]);
  const e = await ingest({ sources: c.src, out: c.out, only: ONLY, log: quiet }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, `not an IngestError: ${(e as Error)?.stack}`).toBeInstanceOf(IngestError);
  expect(readdirSync(c.out).map((f) => [f, readFileSync(join(c.out, f)).toString('base64')])).toEqual(before);
  expect(readdirSync(c.dir).sort()).toEqual(['out', 'sources']);
  return e as IngestError;
}

describe('YAML', () => {
  it('an alias bomb (billion laughs) in the legislators YAML is a named error at the first alias, not a ReferenceError', async () => {
    const c = caseFolder();
    const lol = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(of).join(', ')}]`;
    const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const text = readFileSync(join(c.src, YAML), 'utf8');
    const lines = text.split('\n').length; // the bomb's first line is this one
    const bomb = [`- id:`, `    bioguide: X000000`, ...levels.map((l, i) => `  ${lol(l, i ? `*${levels[i - 1]}` : '"lol"')}`)].join('\n');
    writeFileSync(join(c.src, YAML), `${text}${bomb}\n`);
    const e = await mustFail(c);
    // Line of `b: &b [*a, …]`, the first alias: the file's lines, then "- id:", "bioguide", "a: …".
    expect(e.where).toEqual({ file: YAML, row: lines + 3 });
    expect(e.expected).toBe('expected YAML without an alias bomb (at most 100 alias expansions; yaml: Excessive alias count indicates a resource exhaustion attack)');
  });

  it('a YAML file saved as UTF-16 says so', async () => {
    const c = caseFolder();
    writeFileSync(join(c.src, YAML), iconv.encode(readFileSync(join(FIXTURE, YAML), 'utf8'), 'utf-16le', { addBOM: true }));
    expect((await mustFail(c)).message).toBe(`${YAML} row 1: the file is UTF-16 (byte-order mark FF FE); expected UTF-8 text`);
  });
});

describe('files and folders that cannot be read say why', () => {
  it('a folder that is a file (ENOTDIR) is named, not a raw error', async () => {
    const c = caseFolder();
    rmSync(join(c.src, 'legislators'), { recursive: true });
    writeFileSync(join(c.src, 'legislators'), 'not a folder\n');
    const e = await mustFail(c);
    expect(e.message).toBe(`legislators: expected to read the folder ${join(c.src, 'legislators')}: it is a file, not a folder (ENOTDIR)`);
  });

  it('a folder that is a dangling symbolic link names its target', async () => {
    const c = caseFolder();
    rmSync(join(c.src, 'legislators'), { recursive: true });
    symlinkSync('/nonexistent/legislators', join(c.src, 'legislators'));
    expect((await mustFail(c)).message).toBe(`legislators: expected to read the folder ${join(c.src, 'legislators')}: it is a symbolic link to /nonexistent/legislators, which does not exist (ENOENT)`);
  });

  it('a file that is a dangling symbolic link is not reported as missing', async () => {
    const c = caseFolder();
    const p = join(c.src, CSV);
    unlinkSync(p);
    symlinkSync('../../moved/legislators-current.csv', p);
    expect((await mustFail(c)).message).toBe(`${CSV}: expected to read the file at ${p}: it is a symbolic link to ../../moved/legislators-current.csv, which does not exist (ENOENT)`);
  });

  it('a file that is a folder says so', async () => {
    const c = caseFolder();
    const p = join(c.src, CSV);
    unlinkSync(p);
    mkdirSync(p);
    expect((await mustFail(c)).message).toBe(`${CSV}: expected to read the file at ${p}: it is a folder, not a file (EISDIR)`);
  });

  it('permission denied says so (a real EACCES: as root, the CLI runs as nobody, for whom mode 000 holds)', () => {
    // Root reads any file whatever its mode, so the check runs in a process without root's
    // privileges: the real CLI as uid 65534 (nobody). As another user, chmod alone is enough.
    const c = caseFolder();
    chmodSync(join(c.src, CSV), 0o000);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [root, c.dir, c.out]) chmodSync(d, 0o777);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--only', ONLY.join(','), '--sources', c.src, '--out', c.out], {
      encoding: 'utf8',
      timeout: 120_000,
      ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: c.dir } } : {}),
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`ingest failed: ${CSV}: expected to read the file at ${join(c.src, CSV)}: permission denied (EACCES)`);
    expect(r.stderr.trim().split('\n').at(-1)).toBe(`nothing in ${c.out} was changed`);
    expect(readdirSync(c.dir).sort()).toEqual(['out', 'sources']);
  }, 120_000);

  it('fsReason words every error code the file system gives for an unreadable path (injected errors)', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: x`), { code });
    expect(fsReason(err('EACCES'), '/x')).toBe('permission denied (EACCES)');
    expect(fsReason(err('EPERM'), '/x')).toBe('permission denied (EPERM)');
    expect(fsReason(err('ELOOP'), '/x')).toBe('a loop of symbolic links (ELOOP)');
    expect(fsReason(err('ENOENT'), join(root, 'no-such-file'))).toBe('it does not exist (ENOENT)');
    expect(fsReason(err('EIO'), '/x')).toBe('EIO: x');
  });

  it('an XLSX that cannot be read or is an HTML page says so', async () => {
    const dir = mkdtempSync(join(root, 'xlsx-'));
    symlinkSync(join(dir, 'gone.xlsx'), join(dir, 'FY26.xlsx'));
    const e = await openWorkbook(join(dir, 'FY26.xlsx'), 'ice/FY26.xlsx').catch((x: unknown) => x);
    expect((e as IngestError).message).toBe(`ice/FY26.xlsx: expected to read the file at ${join(dir, 'FY26.xlsx')}: it is a symbolic link to ${join(dir, 'gone.xlsx')}, which does not exist (ENOENT)`);
    writeFileSync(join(dir, 'page.xlsx'), '\n<!DOCTYPE html>\n<html><body>Access denied</body></html>\n');
    const h = await openWorkbook(join(dir, 'page.xlsx'), 'ice/page.xlsx').catch((x: unknown) => x);
    expect(h).toBeInstanceOf(IngestError);
    expect((h as IngestError).message).toBe('ice/page.xlsx: expected a readable XLSX workbook (the file is an HTML page, not a zip archive)');
  });
});

describe('a CSV that is not a UTF-8 CSV says what it is', () => {
  const text = () => readFileSync(join(FIXTURE, CSV), 'utf8');

  for (const [name, encoding, bom] of [
    ['UTF-16 LE', 'utf-16le', 'FF FE'],
    ['UTF-16 BE', 'utf-16be', 'FE FF'],
  ] as const)
    it(`saved as ${name} with a byte-order mark`, async () => {
      const c = caseFolder();
      writeFileSync(join(c.src, CSV), iconv.encode(text(), encoding, { addBOM: true }));
      const e = await mustFail(c);
      expect(e.where).toEqual({ file: CSV, row: 1 });
      expect(e.message).toBe(`${CSV} row 1: the file is UTF-16 (byte-order mark ${bom}); expected UTF-8 text`);
    });

  it('saved as UTF-16 without a byte-order mark (valid UTF-8 bytes, a NUL in every other one)', async () => {
    const c = caseFolder();
    writeFileSync(join(c.src, CSV), iconv.encode(text(), 'utf-16le'));
    const e = await mustFail(c);
    expect(e.message).toBe(`${CSV} row 1: expected UTF-8 text, found a NUL byte (0x00) at offset 1: UTF-16 without a byte-order mark, or not a text file`);
  });

  it('an HTML page saved as .csv (a download that got an error page), naming the line of its first tag', async () => {
    const c = caseFolder();
    writeFileSync(join(c.src, CSV), '\n<!DOCTYPE html>\n<html lang="en"><head><title>404 Not Found</title></head><body>Not Found</body></html>\n');
    const e = await mustFail(c);
    expect(e.where).toEqual({ file: CSV, row: 2 });
    expect(e.message).toBe(`${CSV} row 2: the file is an HTML page, not CSV`);
  });
});
