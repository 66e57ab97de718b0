import { describe, expect, it } from 'vitest';
import { expectNoBanner, pollFor, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * The popup tells the user when fcs-guard itself cannot do its job: stored settings that were
 * damaged (it falls back to defaults, keeps what still validates, and names what it reset),
 * and, in Firefox, where MV3 host access can be withheld, missing access to sites.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('trust notices in %s', (kind) => {
  const e2e = useExtensionSession(kind);
  const api = kind === 'chromium' ? 'chrome' : 'browser';

  const track = (page: PageDriver) => (e2e.tabs.push(page), page);

  async function popupForAd(): Promise<PageDriver> {
    const tab = track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html')));
    await waitForBanner(tab);
    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => WARNING_LEVELS.includes(v.level));
    return popup;
  }

  const noticeText = (popup: PageDriver, id: string) =>
    popup.evaluate<string | null>(`document.querySelector('[data-testid="${id}"]')?.textContent ?? null`);

  it('damaged settings: defaults where needed, the valid parts kept, and a notice naming what was reset', async () => {
    const first = await popupForAd();
    expect(await noticeText(first, 'settings-repaired')).toBeNull();
    expect(await noticeText(first, 'host-access'), 'access to sites is granted').toBeNull();
    await first.evaluate(
      `${api}.storage.local.set({ settings: { threshold: 'high', allowedSites: [42, 'bad host!'], mutedRules: 'all', largeText: true } })`,
    );
    // still warns (default threshold), and the popup says what happened
    const popup = await popupForAd();
    const notice = await pollFor('the repair notice', 5_000, async () => (await noticeText(popup, 'settings-repaired')) ?? undefined);
    expect(notice).toMatch(/threshold.*allowedSites.*mutedRules/);
    expect(notice).not.toContain('largeText');
    expect(await popup.evaluate<boolean>(`document.body.classList.contains('large')`), 'the valid part (large text) was kept').toBe(true);
    await popup.evaluate(`${api}.storage.local.remove('settings')`);
  });

  it.runIf(kind === 'firefox')('without access to sites (Firefox): no warnings, and the popup offers to grant it', async () => {
    const popup = await popupForAd();
    const removed = await popup.evaluate<boolean>(`browser.permissions.remove({ origins: ['<all_urls>'] })`);
    expect(removed).toBe(true);
    expect(await popup.evaluate<boolean>(`browser.permissions.contains({ origins: ['<all_urls>'] })`)).toBe(false);
    // the reason for the notice: Firefox no longer runs the content script
    await expectNoBanner(track(await e2e.session.open(fixtureUrl(e2e.server, 'ad.html'))));
    await popup.evaluate('location.reload()');
    await pollFor('the host-access notice', 5_000, async () => (await noticeText(popup, 'host-access')) ?? undefined);
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid="host-access-grant"]').length`)).toBe(1);
  });
});
