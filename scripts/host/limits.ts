/**
 * What a static host is given — the build without the precompressed copies (hosts such as GitHub
 * Pages, Netlify and Cloudflare Pages compress themselves) — against the limits common hosts set:
 * Cloudflare Pages takes at most 20,000 files of 25 MiB each, GitHub Pages 1 GB a site; ours are
 * below those, with room. `tsx scripts/host/limits.ts` prints the figures; the suite checks them
 * (tests/unit/host/limits.test.ts) and `npm run bench` reports them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_SERVED } from './static-hosts';

export const HOST_LIMITS = { files: 15_000, bytes: 250e6, fileBytes: 25 * 1024 * 1024 } as const;
export type Limits = { files: number; bytes: number; fileBytes: number };

/** Every file a static host is given, with its size: a .br or .gz beside its original is a copy and left out. */
export function hostFiles(build: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  for (const rel of readdirSync(build, { recursive: true }) as string[]) {
    const full = join(build, rel);
    if (!statSync(full).isFile() || NOT_SERVED.test(rel)) continue;
    const original = rel.replace(/\.(br|gz)$/, '');
    if (original !== rel && existsSync(join(build, original))) continue;
    out.push({ path: rel, bytes: statSync(full).size });
  }
  return out.sort((a, b) => b.bytes - a.bytes);
}

export interface LimitsReport {
  files: number;
  bytes: number;
  largest: { path: string; bytes: number }[];
  /** What is over a limit, in words; [] when nothing is. */
  over: string[];
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** The build's figures against `limits` (HOST_LIMITS; a test plants smaller ones). */
export function hostLimits(build: string, limits: Limits = HOST_LIMITS): LimitsReport {
  const files = hostFiles(build);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  const over = [
    ...(files.length > limits.files ? [`${files.length.toLocaleString('en-US')} files, over ${limits.files.toLocaleString('en-US')}`] : []),
    ...(bytes > limits.bytes ? [`${mb(bytes)} in all, over ${mb(limits.bytes)}`] : []),
    ...files.filter((f) => f.bytes > limits.fileBytes).map((f) => `${f.path}: ${mb(f.bytes)}, over ${mb(limits.fileBytes)} (${(limits.fileBytes / 1048576).toFixed(0)} MiB)`),
  ];
  return { files: files.length, bytes, largest: files.slice(0, 5), over };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = hostLimits(process.env.BUILD_DIR ?? 'build');
  console.log(`static host output: ${r.files.toLocaleString('en-US')} files, ${mb(r.bytes)}; largest: ${r.largest.map((f) => `${f.path} ${mb(f.bytes)}`).join(', ')}`);
  for (const o of r.over) console.log(`over a limit: ${o}`);
  process.exitCode = r.over.length ? 1 : 0;
}
