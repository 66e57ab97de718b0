import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OwnUi } from './own-ui';

/**
 * What every browser session offers (the interface a test drives, the same in Chromium and
 * Firefox), where the browsers and the build are, and the polling the probes share.
 *
 * Scripts run in pages are passed as strings: tsx and vitest compile with keepNames, which
 * puts `__name(...)` calls into a function's source that do not exist inside the page.
 */

export type BrowserKind = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.FCS_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FCS_FIREFOX ?? '/usr/bin/firefox-esr';
export const DIST_DIR = resolve(process.env.FCS_DIST ?? 'dist');

const POLL_MS = 100;

export interface PageDriver {
  readonly kind: BrowserKind;
  url(): string;
  goto(url: string): Promise<void>;
  /** evaluates a JavaScript expression in the page; a promise is awaited */
  evaluate<R>(expression: string): Promise<R>;
  /** a real mouse click on an element of the page itself */
  click(selector: string): Promise<void>;
  /** moves the real mouse pointer over an element of the page */
  hover(selector: string): Promise<void>;
  /** a real mouse click on an element inside the open shadow root of `host` */
  clickInShadow(host: string, selector: string): Promise<void>;
  /**
   * Finds fcs-guard's `what` through the automation protocol (own-ui.ts) and exposes it to page
   * scripts as `window.__fcsOwnUi = { host, root }`; false (and null) when there is none.
   */
  exposeOwnUi(what: OwnUi): Promise<boolean>;
  /** evaluates `expression` with `root` (the closed shadow root) and `host` of fcs-guard's `what`; null when there is none */
  inOwnUi<R>(what: OwnUi, expression: string): Promise<R | null>;
  /** a real mouse click on `selector` inside fcs-guard's `what`, where nothing of the page's covers it */
  clickInOwnUi(what: OwnUi, selector: string): Promise<void>;
  /** a real mouse click at viewport coordinates */
  mouseClick(x: number, y: number): Promise<void>;
  /** the viewport's size in CSS px */
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string, options?: { fullPage?: boolean }): Promise<void>;
  /** resizes the page's viewport (CSS px), e.g. to the toolbar popup's size or a phone's width */
  setViewport(width: number, height: number): Promise<void>;
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
  /**
   * Runs `trigger`, then waits for a page of the extension's own that the browser opens (a tab or
   * a window, e.g. the warning fcs-guard opens when a page takes its banner away).
   */
  extensionPageOpenedDuring<T>(trigger: () => Promise<T>): Promise<{ during: T; page: PageDriver }>;
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
  /** Firefox only: extra prefs (e.g. a proxy, or the event page's idle timeout), over the defaults */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Firefox only: extra environment variables for the browser process */
  firefoxEnv?: Record<string, string>;
}

export interface BannerState {
  level: string;
  /** text of the banner without its stylesheet */
  text: string;
  links: string[];
  actions: string[];
  /** whether the page's own scripts can reach the banner's shadow root (they must not) */
  pageSeesRoot: boolean;
}

export interface VerdictState {
  level: string;
  text: string;
}

export function extensionDirFor(kind: BrowserKind): string {
  return join(DIST_DIR, kind === 'chromium' ? 'chrome' : 'firefox');
}

export function popupPathOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
  };
  return manifest.action?.default_popup ?? 'src/popup/index.html';
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

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
