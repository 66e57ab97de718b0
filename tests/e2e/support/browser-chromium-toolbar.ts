import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser as PuppeteerBrowser, type Target } from 'puppeteer-core';
import { CHINESE_UI_ENV, CHROMIUM_ARGS } from './browser-chromium';
import {
  CHROMIUM_PATH,
  extensionDirFor,
  popupPathOf,
  type ExtensionSession,
  type LaunchOptions,
  type PageDriver,
} from './browser-session';
import { extensionPageOpenedBy, PuppeteerDriver } from './puppeteer-driver';

/**
 * Chromium driven by puppeteer-core, for what playwright cannot do: open the extension's real
 * toolbar popup (CDP Extensions.triggerAction, the same path as a click on the toolbar button,
 * so Chromium grants activeTab for the tab) and drive it; playwright does not attach to
 * extension popups. The extension is installed after launch (Extensions.loadUnpacked), so
 * tabs can be opened before it exists.
 */
class ChromiumActionSession implements ExtensionSession {
  readonly kind = 'chromium' as const;
  extensionId = '';
  installed = false;

  constructor(
    readonly browser: PuppeteerBrowser,
    private readonly extensionDir: string,
    private readonly userDataDir: string,
  ) {}

  async open(url: string): Promise<PageDriver> {
    const page = await this.browser.newPage();
    const driver = new PuppeteerDriver(page, 'chromium');
    await driver.goto(url);
    return driver;
  }

  async install(): Promise<void> {
    if (this.installed) return;
    this.extensionId = await this.browser.installExtension(this.extensionDir);
    this.installed = true;
  }

  private pageOpenedBy(trigger: () => Promise<void>, accept: (t: Target) => boolean): Promise<PageDriver> {
    return extensionPageOpenedBy(this.browser, 'chromium', trigger, accept);
  }

  /** the toolbar popup, as a click on fcs-guard's toolbar button while `tab` is active opens it */
  async openPopupFor(tab: PageDriver): Promise<PageDriver> {
    if (!this.installed) throw new Error('the extension is not installed');
    if (!(tab instanceof PuppeteerDriver)) throw new Error('not a page of this browser');
    const extension = (await this.browser.extensions()).get(this.extensionId);
    if (!extension) throw new Error(`extension ${this.extensionId} is not loaded`);
    const popupUrl = `chrome-extension://${this.extensionId}/${popupPathOf(this.extensionDir)}`;
    await tab.bringToFront();
    return this.pageOpenedBy(
      () => tab.page.triggerExtensionAction(extension),
      (t) => t.url().startsWith(popupUrl),
    );
  }

  openDetails(tab: PageDriver): Promise<PageDriver> {
    return this.pageOpenedBy(
      () => tab.clickInOwnUi('banner', '[data-action="details"]'),
      (t) => t.type() === 'page',
    );
  }

  async extensionPageOpenedDuring<T>(trigger: () => Promise<T>): Promise<{ during: T; page: PageDriver }> {
    let during: T | undefined;
    const page = await extensionPageOpenedBy(
      this.browser,
      'chromium',
      async () => {
        during = await trigger();
      },
      // not a web page the trigger opened (Firefox shows an extension page's address as about:blank here)
      (t) => t.type() === 'page' && !/^https?:/.test(t.url()),
    );
    return { during: during as T, page };
  }

  openFrom(page: PageDriver, selector: string): Promise<PageDriver> {
    return this.pageOpenedBy(() => page.click(selector), (t) => t.type() === 'page');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/** Chromium whose popup is opened through the real toolbar action; see ChromiumActionSession. */
export async function launchChromiumWithToolbar(options: LaunchOptions = {}): Promise<ChromiumActionSession> {
  const extensionDir = resolve(options.extensionDir ?? extensionDirFor('chromium'));
  popupPathOf(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'fcs-chromium-'));
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: CHROMIUM_PATH,
    headless: !options.headed,
    userDataDir,
    pipe: true,
    enableExtensions: true,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1100, height: 800 },
    env: { ...process.env, ...CHINESE_UI_ENV },
  });
  const session = new ChromiumActionSession(browser, extensionDir, userDataDir);
  try {
    if (!options.deferInstall) await session.install();
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
