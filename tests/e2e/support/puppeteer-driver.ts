import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as PuppeteerBrowser, Page as PuppeteerPage, Target } from 'puppeteer-core';
import { pollFor, type BrowserKind, type PageDriver } from './browser-session';
import { clickInOwnUi, evaluateInOwnUi, exposeOwnUiOverBidi, exposeOwnUiOverCdp, type BidiRealmLike, type CdpLike, type OwnUi } from './own-ui';

/** A page driven by puppeteer-core: Firefox over WebDriver BiDi, or Chromium for its toolbar popup. */

/** Firefox saves downloads here without asking (see the prefs in launchFirefox, browser-firefox.ts). */
export const FIREFOX_DOWNLOADS = mkdtempSync(join(tmpdir(), 'fcs-firefox-downloads-'));

export class PuppeteerDriver implements PageDriver {
  private cdp: Promise<CdpLike> | undefined;
  constructor(
    readonly page: PuppeteerPage,
    readonly kind: BrowserKind = 'firefox',
  ) {}
  async exposeOwnUi(what: OwnUi) {
    if (this.kind === 'chromium') {
      this.cdp ??= this.page.createCDPSession() as unknown as Promise<CdpLike>;
      return exposeOwnUiOverCdp(await this.cdp, what);
    }
    // puppeteer-core's BiDi frame realm (an internal): its core realm sends script.callFunction with any options
    const realm = (this.page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealmLike } }).mainRealm().realm;
    return exposeOwnUiOverBidi(realm, what);
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
    await this.page.setViewport({ width, height });
  }
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
  async hover(selector: string) {
    await this.page.hover(selector);
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
 * Runs `trigger`, then returns the extension page (popup, options) it made the browser open:
 * the first new target `accept` takes, once its page has loaded with the extension's APIs.
 * A new tab first holds its initial about:blank, itself "complete", so the document's state
 * alone does not say the extension page is there.
 */
export async function extensionPageOpenedBy(
  browser: PuppeteerBrowser,
  kind: BrowserKind,
  trigger: () => Promise<void>,
  accept: (target: Target) => boolean,
): Promise<PuppeteerDriver> {
  const before = new Set<Target>(browser.targets());
  await trigger();
  const target = await browser.waitForTarget((t) => !before.has(t) && accept(t), { timeout: 10_000 });
  // puppeteer gives no page() for a Chromium toolbar popup; asPage() attaches to it all the same
  const page = (await target.page()) ?? (await target.asPage());
  const driver = new PuppeteerDriver(page, kind);
  await pollFor('the extension page to load', 10_000, async () =>
    (await driver
      .evaluate<boolean>(
        `document.readyState === 'complete' && !!(globalThis.browser ?? globalThis.chrome)?.runtime?.id`,
      )
      .catch(() => false))
      ? true
      : undefined,
  );
  return driver;
}
