import { describe, expect, it } from 'vitest';
import { expectNoBanner, pollFor, waitForBanner, waitForVerdict, type PageDriver } from './support/browsers';
import { lureTitlesIn } from './support/expected-lures';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * Restarts in Firefox, where the MV3 background is an event page that Firefox unloads when it
 * has been idle for `extensions.background.idle.timeout` ms (30 s by default; 1.5 s here). An
 * extension page sees whether it is loaded with `extension.getBackgroundPage()`, which returns
 * null while it is unloaded and does not wake it; a property set on its window proves that the
 * page the popup wakes later is a new one. Verdict, explanation, badge and settings must survive.
 */

const IDLE_TIMEOUT_MS = 1_500;

describe('restarts in firefox', () => {
  const e2e = useExtensionSession('firefox', { firefoxPrefs: { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS } });
  const track = (page: PageDriver) => (e2e.tabs.push(page), page);

  const BACKGROUND_LOADED = `browser.extension.getBackgroundPage() !== null`;

  async function waitForUnload(page: PageDriver): Promise<void> {
    await pollFor('the background page to unload', 30_000, async () =>
      (await page.evaluate<boolean>(BACKGROUND_LOADED)) ? undefined : true,
    );
  }

  async function badgeOf(popup: PageDriver): Promise<string> {
    return popup.evaluate<string>(
      `browser.action.getBadgeText({ tabId: Number(new URLSearchParams(location.search).get('tabId')) })`,
    );
  }

  it('an unloaded background page loses no verdict, explanation, badge or setting', { timeout: 120_000 }, async () => {
    const host = new URL(e2e.server.origin).hostname;
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html')));
    await waitForBanner(tab);
    const first = track(await e2e.session.openDetails(tab));
    await waitForVerdict(first, (v) => WARNING_LEVELS.includes(v.level));
    const badgeBefore = await badgeOf(first);
    expect(Number(badgeBefore)).toBeGreaterThan(0);
    const settings = { autoWarn: true, threshold: 40, allowedSites: ['example.net'], largeText: true };
    await first.evaluate(`browser.storage.local.set({ settings: ${JSON.stringify(settings)} })`);
    const storedBefore = await first.evaluate<unknown>(`browser.storage.local.get('settings')`);
    // mark the running background page, so a new one can be told apart
    expect(await first.evaluate<boolean>(`(browser.extension.getBackgroundPage().__fcsTestMarker = 1) === 1`)).toBe(true);

    await waitForUnload(first);

    // the popup for the tab, opened now, wakes a new background page, which answers from storage.session
    const popup = track(await e2e.session.openPopupFor(tab, first));
    const verdict = await waitForVerdict(popup, (v) => WARNING_LEVELS.includes(v.level));
    expect(
      await popup.evaluate<unknown>(`(() => { const page = browser.extension.getBackgroundPage(); return page === null ? 'not loaded' : (page.__fcsTestMarker ?? null); })()`),
      'a new background page answered',
    ).toBeNull();
    const titles = lureTitlesIn('ad.html');
    expect(titles.some((title) => verdict.text.includes(title)), 'the explanation survived').toBe(true);
    expect(await badgeOf(popup)).toBe(badgeBefore);
    expect(await popup.evaluate<unknown>(`browser.storage.local.get('settings')`)).toEqual(storedBefore);

    // a setting changed while it is unloaded applies once it wakes: the fixture site allowed, no banner
    await waitForUnload(popup);
    await popup.evaluate(`browser.storage.local.set({ settings: ${JSON.stringify({ ...settings, allowedSites: [host] })} })`);
    await expectNoBanner(track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html'))));
  });
});
