/**
 * Real servers of the build for the browser tests: Debian's nginx (with its brotli_static module)
 * and Debian's Caddy, each started on a free port through the configuration scripts/host/ writes
 * from the one policy, serving `build` at `base` (its BASE_PATH; "" at the root). In CI (root,
 * Debian) the packages are installed here, as scripts/test.ts installs Chromium.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { caddyfile } from '../../scripts/host/caddy';
import { nginxServer } from '../../scripts/host/nginx';

export interface HostOptions {
  /** Absolute path of the build folder. */
  build: string;
  /** The base path the build was made for. */
  base?: string;
}

const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** Debian's package, installed when missing and we may (root with apt-get, as in CI); whether the binary is there. */
export function ensure(bin: string, packages: string): boolean {
  if (existsSync(bin)) return true;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  const install = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${packages}`;
  try {
    execSync(install, { stdio: 'inherit' });
  } catch {
    execSync(`apt-get update && ${install}`, { stdio: 'inherit' });
  }
  return existsSync(bin);
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => ok(port));
    });
  });

async function waitFor(origin: string, proc: ChildProcess, log: () => string) {
  for (let i = 0; i < 150; i++) {
    if (proc.exitCode !== null) throw new Error(`the server exited (${proc.exitCode}): ${log()}`);
    try {
      if ((await fetch(origin + '/')).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${origin}: ${log()}`);
}

export interface Running {
  origin: string;
  stop(): void;
}

/** nginx in `dir` (its configuration, pid and logs), serving the build. */
export async function startNginx(dir: string, { build, base = '' }: HostOptions): Promise<Running> {
  const port = await freePort();
  const brotli = existsSync(BROTLI_MODULE);
  writeFileSync(join(dir, 'site.conf'), nginxServer({ root: build, listen: `127.0.0.1:${port}`, brotli, base }));
  // The main configuration a Debian server has, reduced to what a test needs: one process, as this user, files in `dir`.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      ...(brotli ? [`load_module ${BROTLI_MODULE};`] : []),
      'events {}',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const proc = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, proc, () => err).catch((e: unknown) => {
    proc.kill(); // a server that never answered is not left running
    throw e;
  });
  return { origin, stop: () => proc.kill() };
}

/** Caddy in `dir`, serving the build. */
export async function startCaddy(dir: string, { build, base = '' }: HostOptions): Promise<Running> {
  const port = await freePort();
  writeFileSync(join(dir, 'Caddyfile'), caddyfile({ root: build, address: `http://127.0.0.1:${port}`, base }));
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir };
  const proc = spawn('/usr/bin/caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, proc, () => err.slice(-2000)).catch((e: unknown) => {
    proc.kill();
    throw e;
  });
  return { origin, stop: () => proc.kill() };
}

export const SERVERS = [
  { name: 'nginx', bin: '/usr/sbin/nginx', packages: 'nginx-light libnginx-mod-http-brotli-static', start: startNginx },
  { name: 'Caddy', bin: '/usr/bin/caddy', packages: 'caddy', start: startCaddy },
];
