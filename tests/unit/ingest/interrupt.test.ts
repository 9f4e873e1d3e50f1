/**
 * Stopping an ingest: the real CLI (scripts/ingest.ts) in its own process, sent SIGINT (Ctrl-C) or
 * SIGTERM while it stages or downloads, exits 128 + the signal number saying nothing in its output
 * folder changed, with its temp folder and download cache removed. A run killed outright (SIGKILL)
 * cannot clean up: the next run removes what it left, and never what a live process is writing.
 *
 * The CLI is started as `node --import tsx`, not through the tsx command: that one runs the script
 * in a child process and, when a signal is not acknowledged within 30 ms (the child busy parsing a
 * workbook), kills the child with SIGKILL, which is the very case cleanup cannot handle.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/engine';
import { IngestError } from '../../../scripts/ingest/lib/errors';
import { snapshot } from './snapshot';

const SOURCES = resolve(process.env.SOURCES_DIR ?? '../shared/sources');
const FIXTURE = resolve('tests/fixtures/hostile');
const quiet = () => {};
let root: string;
let good: string; // a published folder (the hostile legislators fixture)

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ingest-interrupt-'));
  good = join(root, 'good');
  await ingest({ sources: FIXTURE, out: good, only: ['congress-legislators'], log: quiet });
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A folder holding `out`, a previous publication with a sentinel file. */
function caseFolder(): { dir: string; out: string } {
  const dir = mkdtempSync(join(root, 'case-'));
  const out = join(dir, 'data');
  cpSync(good, out, { recursive: true });
  writeFileSync(join(out, 'SENTINEL.txt'), 'published by an earlier run\n');
  return { dir, out };
}

function cli(args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; stderr: () => string; exit: Promise<[number | null, NodeJS.Signals | null]> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let err = '';
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  child.stdout!.resume();
  return { child, stderr: () => err, exit: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]> };
}

/** Resolves when `test` holds, checking every 20 ms; fails after `ms`. */
async function until(test: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A process id that no process has now: one that ran and exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('a signal during an ingest', () => {
  it('SIGINT while staging: exit 130, "nothing in <out> was changed", no temp folder, out byte for byte as it was', async () => {
    const c = caseFolder();
    const before = snapshot(c.out);
    // ice-workbooks: eight real workbooks, seconds of staging, so the run is still staging when the signal comes.
    const run = cli(['--sources', SOURCES, '--out', c.out, '--only', 'ice-workbooks']);
    const tmp = `${c.out}.tmp-${run.child.pid}`;
    // The temp folder is made just before the first source is staged.
    await until(() => existsSync(tmp) || run.child.exitCode !== null, 60_000, tmp);
    expect(run.child.exitCode, run.stderr()).toBeNull();
    run.child.kill('SIGINT');
    const t0 = Date.now();
    const [code, signal] = await run.exit;
    expect({ code, signal }, run.stderr()).toEqual({ code: 130, signal: null });
    // It stops at its next step (a workbook takes a second or two), not when the source is done.
    expect(Date.now() - t0).toBeLessThan(20_000);
    const lines = run.stderr().trim().split('\n');
    expect(lines).toContain('ingest interrupted by SIGINT; its temp folder was removed');
    expect(lines.at(-1)).toBe(`nothing in ${c.out} was changed`);
    expect(readdirSync(c.dir)).toEqual(['data']);
    expect(snapshot(c.out)).toEqual(before);
  }, 120_000);

  it('SIGTERM while downloading: exit 143, the download cache removed, out unchanged', async () => {
    const c = caseFolder();
    const before = snapshot(c.out);
    const privateTmp = mkdtempSync(join(root, 'tmpdir-'));
    // A mirror that takes the request and never answers: the signal comes during the download.
    const requests: string[] = [];
    const held: ServerResponse[] = [];
    const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
      requests.push(req.url ?? '');
      held.push(res);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = cli(['--download', '--mirror', mirror, '--sources', join(root, 'none'), '--out', c.out, '--only', 'congress-legislators'], { ...process.env, TMPDIR: privateTmp });
      await until(() => requests.length > 0 || run.child.exitCode !== null, 60_000, 'the first download request');
      expect(readdirSync(privateTmp).filter((e) => e.startsWith('ingest-download-'))).toHaveLength(1);
      run.child.kill('SIGTERM');
      const t0 = Date.now();
      const [code] = await run.exit;
      expect(code, run.stderr()).toBe(143);
      // The fetch under way is cancelled, not waited out (its own timeout is 60 s).
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(run.stderr()).toContain('ingest interrupted by SIGTERM; its temp folder was removed');
      expect(run.stderr().trim().split('\n').at(-1)).toBe(`nothing in ${c.out} was changed`);
      expect(readdirSync(privateTmp).filter((e) => e.startsWith('ingest-download-'))).toEqual([]);
      expect(readdirSync(c.dir)).toEqual(['data']);
      expect(snapshot(c.out)).toEqual(before);
    } finally {
      for (const r of held) r.destroy();
      server.closeAllConnections();
      server.close();
    }
  }, 120_000);

  it('an aborted signal passed to ingest() stops it with the signal\'s reason, cleaning up', async () => {
    const c = caseFolder();
    const before = snapshot(c.out);
    const stop = new AbortController();
    const reason = new Error('stop');
    // Abort at the first line the run logs: after staging the one source, before building a dataset.
    const e = await ingest({ sources: FIXTURE, out: c.out, only: ['congress-legislators'], signal: stop.signal, log: () => stop.abort(reason) }).catch((x: unknown) => x);
    expect(e).toBe(reason);
    expect(readdirSync(c.dir)).toEqual(['data']);
    expect(snapshot(c.out)).toEqual(before);
  });
});

describe('what a killed run left', () => {
  it('SIGKILL leaves <out>.tmp-<pid>; the next run removes it, and keeps the one of a live process', async () => {
    const c = caseFolder();
    const run = cli(['--sources', SOURCES, '--out', c.out, '--only', 'ice-workbooks']);
    const tmp = `${c.out}.tmp-${run.child.pid}`;
    await until(() => existsSync(tmp) || run.child.exitCode !== null, 60_000, tmp);
    run.child.kill('SIGKILL');
    const [, signal] = await run.exit;
    expect(signal).toBe('SIGKILL');
    expect(existsSync(tmp)).toBe(true);

    // Another process's folder, still running: never touched.
    const live = spawn('sleep', ['60']);
    const liveTmp = `${c.out}.tmp-${live.pid}`;
    mkdirSync(liveTmp);
    try {
      const lines: string[] = [];
      await ingest({ sources: FIXTURE, out: c.out, only: ['congress-legislators'], log: (l) => lines.push(l) });
      expect(existsSync(tmp)).toBe(false);
      expect(lines).toContain(`removed data.tmp-${run.child.pid}, left by process ${run.child.pid}, which is no longer running`);
      expect(existsSync(liveTmp)).toBe(true);
      expect(readdirSync(c.dir).sort()).toEqual(['data', `data.tmp-${live.pid}`]);
    } finally {
      live.kill('SIGKILL');
    }
  }, 120_000);

  it('a stale .old-<pid> beside a published folder is removed; one with no published folder is put back, even when the run then fails', async () => {
    const c = caseFolder();
    const dead = deadPid();
    mkdirSync(`${c.out}.old-${dead}`);
    mkdirSync(`${c.out}.tmp-${dead}`);
    const lines: string[] = [];
    await ingest({ sources: FIXTURE, out: c.out, only: ['congress-legislators'], log: (l) => lines.push(l) });
    expect(readdirSync(c.dir)).toEqual(['data']);
    expect(lines.filter((l) => l.startsWith('removed '))).toEqual([
      `removed data.old-${dead}, left by process ${dead}, which is no longer running`,
      `removed data.tmp-${dead}, left by process ${dead}, which is no longer running`,
    ]);

    // A run died between moving the publication aside and renaming the new one in: data/ is missing.
    const d = caseFolder();
    const published = snapshot(d.out);
    const dead2 = deadPid();
    cpSync(d.out, `${d.out}.old-${dead2}`, { recursive: true });
    rmSync(d.out, { recursive: true });
    // A source that fails: the restored publication must survive the failed run untouched.
    const bad = join(d.dir, 'bad-sources');
    cpSync(FIXTURE, bad, { recursive: true });
    rmSync(join(bad, 'legislators/legislators-current.yaml'));
    const e = await ingest({ sources: bad, out: d.out, only: ['congress-legislators'], log: quiet }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IngestError);
    expect(readdirSync(d.dir).sort()).toEqual(['bad-sources', 'data']);
    expect(snapshot(d.out)).toEqual(published);
  });
});
