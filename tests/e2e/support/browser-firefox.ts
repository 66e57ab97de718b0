import { resolve } from 'node:path';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';
import {
  FIREFOX_PATH,
  extensionDirFor,
  popupPathOf,
  type ExtensionSession,
  type LaunchOptions,
  type PageDriver,
} from './browser-session';
import { extensionPageOpenedBy, FIREFOX_DOWNLOADS, PuppeteerDriver } from './puppeteer-driver';

/** Firefox ESR through puppeteer-core over WebDriver BiDi. */

/**
 * Firefox 153 ESR grants an MV3 add-on's host permissions (and content-script matches) at
 * install, temporary installs included: the content script runs with no pref or manual
 * grant, and Firefox also injects it into tabs that were already open. Checked by trying,
 * see tests/e2e/README.md.
 */
class FirefoxSession implements ExtensionSession {
  readonly kind = 'firefox' as const;
  extensionId = '';
  installed = false;

  constructor(
    readonly browser: PuppeteerBrowser,
    private readonly extensionDir: string,
  ) {}

  async open(url: string): Promise<PageDriver> {
    const page = await this.browser.newPage();
    const driver = new PuppeteerDriver(page);
    await driver.goto(url);
    return driver;
  }

  async install(): Promise<void> {
    if (this.installed) return;
    this.extensionId = await this.browser.installExtension(this.extensionDir);
    this.installed = true;
  }

  /** runs `trigger`, then returns the extension page tab it made the browser open */
  private newPageFrom(trigger: () => Promise<void>): Promise<PageDriver> {
    return extensionPageOpenedBy(this.browser, 'firefox', trigger, (t) => t.type() === 'page');
  }

  openDetails(tab: PageDriver): Promise<PageDriver> {
    return this.newPageFrom(() => tab.clickInOwnUi('banner', '[data-action="details"]'));
  }

  async extensionPageOpenedDuring<T>(trigger: () => Promise<T>): Promise<{ during: T; page: PageDriver }> {
    let during: T | undefined;
    const page = await extensionPageOpenedBy(
      this.browser,
      'firefox',
      async () => {
        during = await trigger();
      },
      // not a web page the trigger opened (Firefox shows an extension page's address as about:blank here)
      (t) => t.type() === 'page' && !/^https?:/.test(t.url()),
    );
    return { during: during as T, page };
  }

  openFrom(page: PageDriver, selector: string): Promise<PageDriver> {
    return this.newPageFrom(() => page.click(selector));
  }

  async openPopupFor(tab: PageDriver, via?: PageDriver): Promise<PageDriver> {
    if (!this.installed) throw new Error('the extension is not installed');
    if (!via) return this.openDetails(tab);
    const url = tab.url();
    const popup = popupPathOf(this.extensionDir);
    return this.newPageFrom(async () => {
      const created = await via.evaluate<boolean>(
        `browser.tabs.query({}).then((tabs) => {
          const t = tabs.find((t) => t.url === ${JSON.stringify(url)});
          if (!t) return false;
          return browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(popup)} + '?tabId=' + t.id) }).then(() => true);
        })`,
      );
      if (!created) throw new Error(`no tab with url ${url}`);
    });
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir ?? extensionDirFor('firefox'));
  popupPathOf(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    defaultViewport: { width: 1100, height: 800 },
    ...(options.firefoxEnv ? { env: { ...process.env, ...options.firefoxEnv } } : {}),
    extraPrefsFirefox: {
      'intl.accept_languages': options.locale === 'en' ? 'en-US, en' : 'zh-CN, zh, en',
      'intl.locale.requested': options.locale === 'en' ? 'en-US' : 'zh-CN,en-US',
      'browser.download.folderList': 2,
      'browser.download.dir': FIREFOX_DOWNLOADS,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.panel.shown': true,
      ...options.firefoxPrefs,
    },
  });
  const session = new FirefoxSession(browser, extensionDir);
  try {
    if (!options.deferInstall) await session.install();
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
