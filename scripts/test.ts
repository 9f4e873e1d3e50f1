/**
 * npm test: make sure Chromium is there (Debian's, via apt when running as root), build the
 * site on the committed data, then run every test with vitest.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian\'s chromium with apt-get');
    execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit' });
  } else {
    console.error(`Chromium is needed for the browser tests and was not found at ${CHROMIUM}.\n` +
      'On Debian/Ubuntu run: sudo apt-get update && sudo apt-get install -y chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.');
    process.exit(1);
  }
}
execSync('npm run build', { stdio: 'inherit' });
const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
