/**
 * npm start: serve the built site (BUILD_DIR, default build/) on PORT (default 4173) and HOST
 * (default: every interface), building it first when there is no build; under BASE_PATH when the
 * build was made for one (the same variable: BASE_PATH=/dashboard npm start serves /dashboard/).
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { basePath } from '../src/lib/paths.js';
import { createSiteServer } from './serve';

const dir = process.env.BUILD_DIR ?? 'build';
if (!existsSync(`${dir}/index.html`)) execSync('npm run build', { stdio: 'inherit' });
const base = basePath();
const server = createSiteServer(dir, { base });
// PORT=0 takes a free port; the line names the one taken (tests/browser/serve.test.ts reads it).
server.listen(Number(process.env.PORT ?? 4173), process.env.HOST, () => console.log(`dashboard on http://${process.env.HOST ?? 'localhost'}:${(server.address() as AddressInfo).port}${base}/`));
