/** npm start: serve the built site on PORT (default 4173), building it first when there is no build. */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { execSync } from 'node:child_process';
import { siteHandler } from './serve';

if (!existsSync('build/index.html')) execSync('npm run build', { stdio: 'inherit' });
const port = Number(process.env.PORT ?? 4173);
createServer(siteHandler('build')).listen(port, () => console.log(`dashboard on http://localhost:${port}/`));
