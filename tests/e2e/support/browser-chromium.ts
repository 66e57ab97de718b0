import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Download, type Page as PlaywrightPage } from 'playwright-core';
import {
  CHROMIUM_PATH,
  extensionDirFor,
  pollFor,
  popupPathOf,
  sleep,
  type ExtensionSession,
  type LaunchOptions,
  type PageDriver,
} from './browser-session';
import { clickInOwnUi, evaluateInOwnUi, exposeOwnUiOverCdp, type OwnUi } from './own-ui';

/** Chromium through playwright-core, with the extension loaded at launch (`--load-extension`). */

class PlaywrightDriver implements PageDriver {
  readonly kind = 'chromium' as const;
  private cdp: Promise<CDPSession> | undefined;
  constructor(readonly page: PlaywrightPage) {}
  async exposeOwnUi(what: OwnUi) {
    this.cdp ??= this.page.context().newCDPSession(this.page);
    return exposeOwnUiOverCdp(await this.cdp, what);
  }
  inOwnUi<R>(what: OwnUi, expression: string) {
    return evaluateInOwnUi<R>(this, what, expression);
  }
  clickInOwnUi(what: OwnUi, selector: string) {
    return clickInOwnUi(this, what, selector);
  }
  async mouseClick(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewportSize({ width, height });
  }
  url() {
    return this.page.url();
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<R>(expression: string): Promise<R> {
    return this.page.evaluate(expression) as Promise<R>;
  }
  async click(selector: string) {
    await this.page.locator(selector).first().click();
  }
  async hover(selector: string) {
    await this.page.locator(selector).first().hover();
  }
  async clickInShadow(host: string, selector: string) {
    // playwright's CSS engine pierces open shadow roots
    await this.page.locator(host).locator(selector).first().click();
  }
  async screenshot(path: string, options: { fullPage?: boolean } = {}) {
    await this.page.screenshot({ path, fullPage: options.fullPage ?? false });
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async close() {
    await this.page.close();
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }
  async uploadFile(selector: string, path: string) {
    await this.page.locator(selector).first().setInputFiles(path);
  }
  async type(selector: string, text: string) {
    await this.page.locator(selector).first().click();
    await this.page.keyboard.type(text);
  }
  async downloadsFrom(selector: string, count: number): Promise<string[]> {
    const dir = mkdtempSync(join(tmpdir(), 'fcs-downloads-'));
    const saved: Promise<string>[] = [];
    const all = new Promise<void>((done) => {
      const onDownload = (download: Download) => {
        const path = join(dir, download.suggestedFilename());
        saved.push(download.saveAs(path).then(() => path));
        if (saved.length >= count) {
          this.page.off('download', onDownload);
          done();
        }
      };
      this.page.on('download', onDownload);
    });
    await this.page.locator(selector).first().click();
    await Promise.race([all, sleep(15_000).then(() => Promise.reject(new Error(`fewer than ${count} downloads from ${selector}`)))]);
    return Promise.all(saved);
  }
}

/**
 * Ask for a Chinese UI, which chrome.i18n follows. It only takes effect where Chromium's zh-CN
 * locale is installed (Debian: chromium-l10n); with en-US alone the extension shows English.
 */
export const CHINESE_UI_ENV = { LANGUAGE: 'zh_CN:zh', LANG: 'zh_CN.UTF-8' };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=zh-CN',
];

class ChromiumSession implements ExtensionSession {
  readonly kind = 'chromium' as const;
  extensionId = '';
  installed = false;

  constructor(
    readonly context: BrowserContext,
    private readonly extensionDir: string,
    private readonly userDataDir: string,
  ) {}

  async open(url: string): Promise<PageDriver> {
    const page = await this.context.newPage();
    const driver = new PlaywrightDriver(page);
    await driver.goto(url);
    return driver;
  }

  /** after `--load-extension`: the id is the host of the extension's service worker */
  async findLoadedExtension(): Promise<void> {
    const prefix = 'chrome-extension://';
    const isOurs = (url: string) => url.startsWith(prefix);
    const worker =
      this.context.serviceWorkers().find((w) => isOurs(w.url())) ??
      (await this.context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 15_000 }));
    this.extensionId = new URL(worker.url()).host;
    this.installed = true;
  }

  /** Chromium loads the extension at launch here; see launchChromiumWithToolbar for later */
  async install(): Promise<void> {
    if (!this.installed) await this.findLoadedExtension();
  }

  private async worker() {
    const origin = `chrome-extension://${this.extensionId}/`;
    return this.context.serviceWorkers().find((w) => w.url().startsWith(origin)) ?? null;
  }

  /**
   * The extension's id for a tab: the tab is brought to the front and the extension is asked
   * for the active tab, from its service worker or else from a helper extension page left in
   * the background. Where fcs-guard has opened a window of its own (a warning), the last
   * focused window may be that one: the active tab at the tab's address (host permissions let
   * the extension see it) is taken first.
   */
  async tabIdOf(tab: PageDriver): Promise<number> {
    const query = `chrome.tabs.query({ active: true }).then((all) => {
      const here = all.filter((t) => t.url === ${JSON.stringify(tab.url())});
      if (here.length === 1) return here[0].id;
      return chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs.length === 1 ? tabs[0].id : null);
    })`;
    await tab.bringToFront();
    const worker = await this.worker();
    let id: number | null = null;
    try {
      if (!worker) throw new Error('no service worker');
      id = (await worker.evaluate(query)) as number | null;
    } catch {
      const helper = await this.context.newPage();
      try {
        await helper.goto(`chrome-extension://${this.extensionId}/manifest.json`);
        await tab.bringToFront();
        id = (await helper.evaluate(query)) as number | null;
      } finally {
        await helper.close();
      }
    }
    if (id === null) throw new Error(`could not find the tab id of ${tab.url()}`);
    return id;
  }

  async openPopupFor(tab: PageDriver): Promise<PageDriver> {
    if (!this.installed) throw new Error('the extension is not installed');
    const tabId = await this.tabIdOf(tab);
    const popup = popupPathOf(this.extensionDir);
    return this.open(`chrome-extension://${this.extensionId}/${popup}?tabId=${tabId}`);
  }

  async openFrom(page: PageDriver, selector: string): Promise<PageDriver> {
    const opened = this.context.waitForEvent('page', { timeout: 10_000 });
    await page.click(selector);
    const next = await opened;
    await next.waitForLoadState('load');
    return new PlaywrightDriver(next);
  }

  async extensionPageOpenedDuring<T>(trigger: () => Promise<T>): Promise<{ during: T; page: PageDriver }> {
    const before = new Set(this.context.pages());
    const during = await trigger();
    const origin = `chrome-extension://${this.extensionId}/`;
    const page = await pollFor('a page of the extension to open', 15_000, async () =>
      this.context.pages().find((p) => !before.has(p) && p.url().startsWith(origin)),
    );
    await page.waitForLoadState('load');
    return { during, page: new PlaywrightDriver(page) };
  }

  async openDetails(tab: PageDriver): Promise<PageDriver> {
    const opened = this.context.waitForEvent('page', { timeout: 10_000 });
    await tab.clickInOwnUi('banner', '[data-action="details"]');
    const page = await opened;
    await page.waitForLoadState('load');
    return new PlaywrightDriver(page);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/** Chromium through playwright, with the extension loaded at start (`deferInstall` is ignored). */
export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const extensionDir = resolve(options.extensionDir ?? extensionDirFor('chromium'));
  popupPathOf(extensionDir); // fails early, with the path, when the build is missing
  const userDataDir = mkdtempSync(join(tmpdir(), 'fcs-chromium-'));
  const english = options.locale === 'en';
  const args = english ? [...CHROMIUM_ARGS.filter((a) => !a.startsWith('--lang=')), '--lang=en-US'] : [...CHROMIUM_ARGS];
  if (!options.headed) args.push('--headless=new');
  args.push(`--load-extension=${extensionDir}`, `--disable-extensions-except=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    // extensions only load in headed mode in playwright's eyes; --headless=new keeps them working
    headless: false,
    args,
    viewport: { width: 1100, height: 800 },
    locale: english ? 'en-US' : 'zh-CN',
    env: { ...process.env, ...(english ? { LANGUAGE: 'en_US:en', LANG: 'en_US.UTF-8' } : CHINESE_UI_ENV) },
  });
  const session = new ChromiumSession(context, extensionDir, userDataDir);
  try {
    await session.findLoadedExtension();
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}
