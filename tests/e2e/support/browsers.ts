/**
 * Real browsers with the built extension loaded, for the e2e tests and the demo.
 *
 * Chromium runs through playwright-core (browser-chromium.ts; through puppeteer-core when the
 * toolbar popup is needed, browser-chromium-toolbar.ts), Firefox ESR through puppeteer-core over
 * WebDriver BiDi (browser-firefox.ts). Both use the Debian binaries; nothing is downloaded.
 * Every page is driven through one small interface (browser-session.ts) so a test reads the same
 * for both browsers. This file picks the session and re-exports the rest.
 */
import { launchChromium } from './browser-chromium';
import { launchChromiumWithToolbar } from './browser-chromium-toolbar';
import { launchFirefox } from './browser-firefox';
import type { BrowserKind, ExtensionSession, LaunchOptions } from './browser-session';

export {
  CHROMIUM_PATH,
  DIST_DIR,
  FIREFOX_PATH,
  extensionDirFor,
  pollFor,
  type BannerState,
  type BrowserKind,
  type ExtensionSession,
  type LaunchOptions,
  type PageDriver,
  type VerdictState,
} from './browser-session';
export { expectNoBanner, readBanner, readVerdict, waitForBanner, waitForVerdict } from './browser-probes';
export { launchChromium, launchChromiumWithToolbar, launchFirefox };

/** the default session per browser; a Chromium session that defers the install uses puppeteer */
export function launch(kind: BrowserKind, options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (kind === 'firefox') return launchFirefox(options);
  return options.deferInstall ? launchChromiumWithToolbar(options) : launchChromium(options);
}
