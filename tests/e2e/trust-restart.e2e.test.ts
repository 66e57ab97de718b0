import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoBanner,
  launch,
  pollFor,
  waitForBanner,
  waitForVerdict,
  type ExtensionSession,
  type PageDriver,
} from './support/browsers';
import { lureTitlesIn } from './support/expected-lures';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { FIXTURES_DIR, serveFixtures, type FixtureServer } from './support/server';

/**
 * Restarts and updates, in Chromium (the MV3 service worker is Chromium's; Firefox runs an
 * event page, unloaded by its idle timeout in trust-restart-firefox.e2e.test.ts): the worker killed mid-session loses no verdict, and
 * settings, allow decisions and custom rules survive an extension reload.
 */

describe('restarts in chromium', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let context: BrowserContext;
  let origin: string;
  const tabs: PageDriver[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch('chromium');
    context = (session as unknown as { context: BrowserContext }).context;
    origin = `chrome-extension://${session.extensionId}/`;
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.close().catch(() => undefined)));
  });

  const track = (page: PageDriver) => (tabs.push(page), page);
  const ourWorker = (): Worker | undefined => context.serviceWorkers().find((w) => w.url().startsWith(origin));

  /**
   * Stops the extension's service worker the way Chromium does when it idles out (CDP
   * ServiceWorker.stopAllWorkers; Target.closeTarget reports success but leaves it running).
   * A marker on the worker's global proves the next one is a new instance.
   */
  async function stopServiceWorker(): Promise<void> {
    await ourWorker()?.evaluate('self.__fcsTestMarker = 1');
    const helper = await context.newPage();
    try {
      const cdp = await context.newCDPSession(helper);
      const statuses: string[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        for (const v of event.versions) if (v.scriptURL.startsWith(origin)) statuses.push(v.runningStatus);
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await pollFor('the service worker to stop', 10_000, async () => (statuses.at(-1) === 'stopped' ? true : undefined));
      await cdp.detach();
    } finally {
      await helper.close();
    }
  }

  async function expectFreshWorker(): Promise<void> {
    const marker = await pollFor('a running service worker', 10_000, async () => {
      const worker = ourWorker();
      return worker ? { value: await worker.evaluate('self.__fcsTestMarker ?? null') } : undefined;
    });
    expect(marker.value, 'the service worker was restarted').toBeNull();
  }

  /** What an extension page sees: the badge of the tab it shows, and storage.local. */
  async function badgeOf(popup: PageDriver): Promise<string> {
    return popup.evaluate<string>(
      `chrome.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tabId')) })`,
    );
  }

  it('a service worker stopped mid-session loses no verdict: popup and badge stay right, new findings add up', async () => {
    const tab = track(await session.open(fixtureUrl(server, 'ad.html')));
    await waitForBanner(tab);
    const first = track(await session.openPopupFor(tab));
    await waitForVerdict(first, (v) => WARNING_LEVELS.includes(v.level));
    const badgeBefore = await badgeOf(first);
    expect(Number(badgeBefore)).toBeGreaterThan(0);
    await first.close();

    await stopServiceWorker();
    const popup = track(await session.openPopupFor(tab));
    const verdict = await waitForVerdict(popup, (v) => WARNING_LEVELS.includes(v.level));
    await expectFreshWorker();
    const titles = lureTitlesIn('ad.html');
    expect(titles.some((title) => verdict.text.includes(title)), 'the explanation survived').toBe(true);
    expect(await badgeOf(popup)).toBe(badgeBefore);

    // the worker dies again; the page then shows a second ad: the count adds to what was kept
    await stopServiceWorker();
    await tab.evaluate(`(() => {
      const more = document.querySelector('#ad').cloneNode(true);
      more.id = 'ad-2';
      document.querySelector('main').append(more);
    })()`);
    await pollFor('the badge to count the second ad', 10_000, async () =>
      Number(await badgeOf(popup)) > Number(badgeBefore) ? true : undefined,
    );
    // still one banner: the one element fcs-guard adds to a page
    expect(await tab.evaluate<number>(`[...document.documentElement.children].filter((el) => el !== document.head && el !== document.body).length`)).toBe(1);
  });

  it('settings, allow decisions and custom rules survive an extension reload (and still apply)', async () => {
    const customText = readFileSync(join(FIXTURES_DIR, 'custom-rules-good.json'), 'utf8');
    const host = new URL(server.origin).hostname;
    const stored = {
      settings: {
        autoWarn: true,
        threshold: 40,
        allowedSites: [host],
        allowedPages: ['https://example.org/page'],
        mutedRules: ['some-muted-rule'],
        timedAllows: [{ scope: 'site', value: 'example.net', until: Date.now() + 3_600_000 }],
        largeText: true,
      },
      customRules: { fileName: 'custom-rules-good.json', importedAt: 1, ruleIds: ['custom-zwx-escort'], text: customText },
    };
    const page = track(await session.open(`${origin}src/popup/index.html?tabId=0`));
    await page.evaluate(`chrome.storage.local.set(${JSON.stringify(stored)})`);

    // Chromium marks a reloaded unpacked extension "corrupted" and disables it unless developer
    // mode is on (as it is for anyone who loads one by hand): switch it on, as a user would
    const extensionsPage = await context.newPage();
    await extensionsPage.goto('chrome://extensions');
    await extensionsPage.evaluate(`(() => {
      const toggle = document.querySelector('extensions-manager').shadowRoot
        .querySelector('extensions-toolbar').shadowRoot.querySelector('#devMode');
      if (!toggle.checked) toggle.click();
    })()`);
    await extensionsPage.close();

    // storage.session is emptied by a reload: the marker proves one happened
    await page.evaluate(`chrome.storage.session.set({ reloadMarker: 1 })`);
    await page.evaluate('chrome.runtime.reload()').catch(() => undefined); // the page goes away with it
    const after = track(await session.open('about:blank'));
    // the extension's pages are blocked until it is back
    await pollFor('the extension to come back', 15_000, async () => (await after.goto(`${origin}src/popup/index.html?tabId=0`), true));
    expect(await after.evaluate(`chrome.storage.session.get('reloadMarker')`), 'the extension was reloaded').toEqual({});
    const kept = await after.evaluate<Record<string, unknown>>(`chrome.storage.local.get(['settings', 'customRules'])`);
    expect(kept).toEqual(stored);

    // and they apply: the allowed site gets no banner, until the allow is taken back
    await expectNoBanner(track(await session.open(fixtureUrl(server, 'ad.html'))));
    await after.evaluate(`chrome.storage.local.set({ settings: { ...${JSON.stringify(stored.settings)}, allowedSites: [] } })`);
    await waitForBanner(track(await session.open(fixtureUrl(server, 'ad.html'))));
  });
});
