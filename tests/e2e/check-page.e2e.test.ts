import { afterEach, describe, expect, it } from 'vitest';
import {
  expectNoBanner,
  launch,
  readBanner,
  waitForBanner,
  waitForVerdict,
  type BrowserKind,
  type ExtensionSession,
  type PageDriver,
} from './support/browsers';
import { fixtureUrl, HOTLINES, WARNING_LEVELS } from './support/fixtures';
import { serveFixtures, type FixtureServer } from './support/server';

/**
 * "检查此页" on a tab that was open before fcs-guard was installed.
 *
 * Chromium never injects manifest content scripts into tabs that already exist, so the tab
 * stays unscanned until the popup's button injects and scans it. The popup is the real toolbar
 * popup (CDP Extensions.triggerAction, as a click on the toolbar button); the injection rests on
 * the host permission, not on activeTab, which fcs-guard does not ask for. Firefox injects into
 * open tabs at install; there the button must still scan the tab and report the verdict.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('检查此页 in %s, on a tab opened before install', (kind) => {
  let server: FixtureServer | undefined;
  let session: ExtensionSession | undefined;

  afterEach(async () => {
    await session?.close();
    await server?.close();
  });

  it('scans the tab on demand and then warns', async () => {
    server = await serveFixtures();
    // Chromium: puppeteer-core, which can press the toolbar button and drive the real popup
    session = await launch(kind, { deferInstall: true });
    const before = await session.open(fixtureUrl(server, 'ad.html'));
    await session.install();

    let popup: PageDriver;
    if (kind === 'chromium') {
      await expectNoBanner(before);
      popup = await session.openPopupFor(before);
    } else {
      // WebDriver BiDi will not open moz-extension:// pages; reach one through a fresh tab's
      // banner, and let that extension page open the popup for the older tab.
      const fresh = await session.open(fixtureUrl(server, 'ad.html'));
      await waitForBanner(fresh);
      const freshPopup = await session.openPopupFor(fresh);
      popup = await session.openPopupFor(before, freshPopup);
    }

    await waitForVerdict(popup);
    await popup.click('[data-testid="check-page"]');
    const verdict = await waitForVerdict(popup, (v) => WARNING_LEVELS.includes(v.level), 15_000);
    expect(WARNING_LEVELS).toContain(verdict.level);

    await before.bringToFront();
    const banner = await waitForBanner(before);
    expect(banner.links).toEqual(expect.arrayContaining([...HOTLINES]));
    expect(await readBanner(before)).not.toBeNull();
  });
});
