import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, DIST_DIR, FIREFOX_PATH } from './browsers';

/** Fails the e2e tier at once, with what to do, instead of one timeout per test. */
export default function requireBuild(): void {
  const missing = ['chrome', 'firefox']
    .map((target) => join(DIST_DIR, target, 'manifest.json'))
    .filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`the built extension is missing (${missing.join(', ')}): run \`npm run build\` first`);
  }
  const browsers = [CHROMIUM_PATH, FIREFOX_PATH].filter((path) => !existsSync(path));
  if (browsers.length > 0) {
    throw new Error(`browser not found: ${browsers.join(', ')} (apt-get install chromium firefox-esr, or see .ci/run)`);
  }
}
