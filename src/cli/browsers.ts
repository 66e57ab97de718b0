import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Download, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage, type Target } from 'puppeteer-core';

/**
 * Real browsers with the built extension loaded, for the e2e tests and the demo.
 *
 * Chromium runs through playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi.
 * Both use the Debian binaries; nothing is downloaded. Every page is driven through one small
 * interface so a test reads the same for both browsers.
 *
 * Scripts run in pages are passed as strings: tsx and vitest compile with keepNames, which
 * puts `__name(...)` calls into a function's source that do not exist inside the page.
 */

export type BrowserKind = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.FCS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FCS_FIREFOX ?? '/usr/bin/firefox-esr';
export const DIST_DIR = resolve(process.env.FCS_DIST ?? 'dist');

const BANNER_HOST = '[data-fcs-banner]';
const POLL_MS = 100;

export interface PageDriver {
  readonly kind: BrowserKind;
  url(): string;
  goto(url: string): Promise<void>;
  /** evaluates a JavaScript expression in the page; a promise is awaited */
  evaluate<R>(expression: string): Promise<R>;
  /** a real mouse click on an element of the page itself */
  click(selector: string): Promise<void>;
  /** a real mouse click on an element inside the open shadow root of `host` */
  clickInShadow(host: string, selector: string): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** reloads the page and waits for its load event */
  reload(): Promise<void>;
  /** chooses a file in an <input type=file>, as the file picker would */
  uploadFile(selector: string, path: string): Promise<void>;
  /** real key presses into the focused element (or `selector`, clicked first) */
  type(selector: string, text: string): Promise<void>;
  /** clicks `selector` and returns the paths of the `count` files the click downloads */
  downloadsFrom(selector: string, count: number): Promise<string[]>;
}

export interface ExtensionSession {
  readonly kind: BrowserKind;
  /** the extension's id: chrome-extension host, or the gecko id in Firefox */
  readonly extensionId: string;
  /** false until the extension is installed (see `LaunchOptions.deferInstall`) */
  readonly installed: boolean;
  open(url: string): Promise<PageDriver>;
  /** installs the built extension now; for sessions launched with `deferInstall` */
  install(): Promise<void>;
  /**
   * Opens the extension's popup page in a tab, showing `tab`. In Firefox, where WebDriver BiDi
   * will not navigate to moz-extension:// pages, it is reached through the banner's details
   * button, or through `via`, an extension page already open, which opens it with tabs.create.
   */
  openPopupFor(tab: PageDriver, via?: PageDriver): Promise<PageDriver>;
  /** clicks the banner's details button and returns the tab the extension opens */
  openDetails(tab: PageDriver): Promise<PageDriver>;
  /** clicks `selector` in an extension page and returns the tab the extension opens (e.g. the options page) */
  openFrom(page: PageDriver, selector: string): Promise<PageDriver>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** the unpacked extension; default dist/chrome or dist/firefox */
  extensionDir?: string;
  /** show a window (needs $DISPLAY); default headless */
  headed?: boolean;
  /** start without the extension, so pages can be opened before it is installed */
  deferInstall?: boolean;
  /** the browser's UI language; default Chinese (zh-CN), which needs the browser's zh-CN locale installed */
  locale?: 'zh-CN' | 'en';
}

export interface BannerState {
  level: string;
  /** text of the banner without its stylesheet */
  text: string;
  links: string[];
  actions: string[];
  openShadowRoot: boolean;
}

export interface VerdictState {
  level: string;
  text: string;
}

export function extensionDirFor(kind: BrowserKind): string {
  return join(DIST_DIR, kind === 'chromium' ? 'chrome' : 'firefox');
}

function popupPathOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
  };
  return manifest.action?.default_popup ?? 'src/popup/index.html';
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** polls `probe` until it returns something other than undefined, or throws after `timeoutMs` */
export async function pollFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      // a navigation in progress destroys the execution context; try again
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await sleep(POLL_MS);
  }
}

// ---------------------------------------------------------------- banner and popup probes

const READ_BANNER = `(() => {
  const host = document.querySelector(${JSON.stringify(BANNER_HOST)});
  if (!host) return null;
  const root = host.shadowRoot;
  const texts = [];
  if (root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const tag = node.parentElement && node.parentElement.tagName;
      if (tag !== 'STYLE' && tag !== 'SCRIPT') texts.push(node.textContent);
    }
  }
  return {
    level: host.getAttribute('data-fcs-banner') || '',
    text: texts.join(' ').replace(/\\s+/g, ' ').trim(),
    links: root ? [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) : [],
    actions: root ? [...root.querySelectorAll('[data-action]')].map((b) => b.getAttribute('data-action')) : [],
    openShadowRoot: !!root,
  };
})()`;

export async function readBanner(page: PageDriver): Promise<BannerState | null> {
  return page.evaluate<BannerState | null>(READ_BANNER);
}

export async function waitForBanner(page: PageDriver, timeoutMs = 10_000): Promise<BannerState> {
  return pollFor(`the fcs-guard banner on ${page.url()}`, timeoutMs, async () => (await readBanner(page)) ?? undefined);
}

/**
 * Absence cannot be awaited: wait for the load event, give the extension a bounded time to
 * scan and answer, then look once more.
 */
export async function expectNoBanner(page: PageDriver, settleMs = 1_500): Promise<void> {
  await pollFor('the page to finish loading', 10_000, async () =>
    (await page.evaluate<string>('document.readyState')) === 'complete' ? true : undefined,
  );
  await sleep(settleMs);
  const banner = await readBanner(page);
  if (banner) {
    throw new Error(`expected no banner on ${page.url()}, found level ${banner.level}: ${banner.text}`);
  }
}

const READ_VERDICT = `(() => {
  const el = document.querySelector('[data-testid="verdict"]');
  if (!el) return null;
  return { level: el.getAttribute('data-level') || '', text: (document.body.innerText || '').trim() };
})()`;

export async function readVerdict(popup: PageDriver): Promise<VerdictState | null> {
  return popup.evaluate<VerdictState | null>(READ_VERDICT);
}

/** waits until the popup shows a verdict that `accept` takes (default: any verdict) */
export async function waitForVerdict(
  popup: PageDriver,
  accept: (verdict: VerdictState) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<VerdictState> {
  let last: VerdictState | null = null;
  try {
    return await pollFor('a verdict in the popup', timeoutMs, async () => {
      last = await readVerdict(popup);
      return last && accept(last) ? last : undefined;
    });
  } catch (error) {
    const seen = last as VerdictState | null;
    throw new Error(`${(error as Error).message}; last seen: ${seen ? `level=${seen.level} "${seen.text.slice(0, 300)}"` : 'no verdict element'}`);
  }
}

// ---------------------------------------------------------------- Chromium (playwright-core)

class PlaywrightDriver implements PageDriver {
  readonly kind = 'chromium' as const;
  constructor(readonly page: PlaywrightPage) {}
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
const CHINESE_UI_ENV = { LANGUAGE: 'zh_CN:zh', LANG: 'zh_CN.UTF-8' };

const CHROMIUM_ARGS = [
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
   * The extension's id for a tab. fcs-guard has no "tabs" permission and no host permissions,
   * so chrome.tabs.query does not reveal URLs; instead the tab is brought to the front and the
   * extension is asked for the active tab, from its service worker or else from a helper
   * extension page left in the background.
   */
  async tabIdOf(tab: PageDriver): Promise<number> {
    const query = `chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((tabs) => tabs.length === 1 ? tabs[0].id : null)`;
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

  async openDetails(tab: PageDriver): Promise<PageDriver> {
    const opened = this.context.waitForEvent('page', { timeout: 10_000 });
    await tab.clickInShadow(BANNER_HOST, '[data-action="details"]');
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

// ---------------------------------------------------------------- Firefox (puppeteer-core, BiDi)

/** Firefox saves downloads here without asking (see the prefs in launchFirefox). */
const FIREFOX_DOWNLOADS = mkdtempSync(join(tmpdir(), 'fcs-firefox-downloads-'));

class PuppeteerDriver implements PageDriver {
  constructor(
    readonly page: PuppeteerPage,
    readonly kind: BrowserKind = 'firefox',
  ) {}
  async downloadsFrom(selector: string, count: number): Promise<string[]> {
    if (this.kind !== 'firefox') throw new Error('downloads are only set up for Firefox in puppeteer sessions');
    const before = new Set(readdirSync(FIREFOX_DOWNLOADS));
    await this.page.click(selector);
    // Firefox names the final file before it has written it: wait until no .part file is left
    // and every new file has the same, non-zero size twice in a row
    let lastSizes = '';
    return pollFor(`${count} downloads from ${selector}`, 15_000, async () => {
      const names = readdirSync(FIREFOX_DOWNLOADS);
      const fresh = names.filter((f) => !before.has(f) && !f.endsWith('.part'));
      if (fresh.length < count || names.some((f) => f.endsWith('.part'))) return undefined;
      const paths = fresh.map((f) => join(FIREFOX_DOWNLOADS, f));
      const sizes = paths.map((f) => statSync(f).size).join(',');
      const settled = sizes === lastSizes && !sizes.split(',').includes('0');
      lastSizes = sizes;
      return settled ? paths : undefined;
    });
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
    await this.page.click(selector);
  }
  async clickInShadow(host: string, selector: string) {
    await this.page.click(`${host} >>> ${selector}`);
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
    const input = await this.page.$(selector);
    if (!input) throw new Error(`no ${selector} in ${this.url()}`);
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
  }
  async type(selector: string, text: string) {
    await this.page.click(selector);
    await this.page.keyboard.type(text);
  }
}

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

  /** runs `trigger`, then returns the page tab it made the browser open */
  private async newPageFrom(trigger: () => Promise<void>): Promise<PageDriver> {
    const before = new Set<Target>(this.browser.targets());
    await trigger();
    const target = await this.browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), {
      timeout: 10_000,
    });
    const page = await target.page();
    if (!page) throw new Error('the new tab has no page');
    const driver = new PuppeteerDriver(page);
    await pollFor('the popup page to load', 10_000, async () =>
      (await driver.evaluate<string>('document.readyState')) === 'complete' ? true : undefined,
    );
    return driver;
  }

  openDetails(tab: PageDriver): Promise<PageDriver> {
    return this.newPageFrom(() => tab.clickInShadow(BANNER_HOST, '[data-action="details"]'));
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


// ---------------------------------------------------------------- Chromium via puppeteer-core

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

  private async pageOpenedBy(trigger: () => Promise<void>, accept: (t: Target) => boolean): Promise<PageDriver> {
    const before = new Set<Target>(this.browser.targets());
    await trigger();
    const target = await this.browser.waitForTarget((t) => !before.has(t) && accept(t), { timeout: 10_000 });
    const page = await target.asPage();
    const driver = new PuppeteerDriver(page, 'chromium');
    await pollFor('the extension page to load', 10_000, async () =>
      (await driver.evaluate<string>('document.readyState')) === 'complete' ? true : undefined,
    );
    return driver;
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
      () => tab.clickInShadow(BANNER_HOST, '[data-action="details"]'),
      (t) => t.type() === 'page',
    );
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

/** the default session per browser; a Chromium session that defers the install uses puppeteer */
export function launch(kind: BrowserKind, options: LaunchOptions = {}): Promise<ExtensionSession> {
  if (kind === 'firefox') return launchFirefox(options);
  return options.deferInstall ? launchChromiumWithToolbar(options) : launchChromium(options);
}
