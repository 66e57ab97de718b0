import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoBanner, launch, waitForBanner, type ExtensionSession, type PageDriver } from './support/browsers';
import { fixtureUrl, WARNING_LEVELS } from './support/fixtures';
import { serveFixtures, type FixtureServer } from './support/server';

/**
 * Dynamic pages in Chromium: an ad that arrives after the first scan must still be found.
 * Assertions only; how fast is measured by `npm run bench:browser`, not here.
 */
describe('fcs-guard on pages that change after loading (chromium)', () => {
  let server: FixtureServer;
  let session: ExtensionSession;
  const tabs: PageDriver[] = [];

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch('chromium');
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((tab) => tab.close().catch(() => undefined)));
  });

  /** an ordinary feed, silent until the page itself adds an ad */
  async function quietFeed(): Promise<PageDriver> {
    const tab = await session.open(fixtureUrl(server, 'dynamic.html'));
    tabs.push(tab);
    await tab.evaluate('window.fcsFixture.ready');
    await expectNoBanner(tab, 1_000);
    return tab;
  }

  it.each([
    ['an ad card is appended to the feed', 'window.fcsFixture.insertAdCard()'],
    ['the page navigates with pushState to an ad view', 'window.fcsFixture.navigateToAd()'],
    ['an ad arrives in an iframe after loading', 'window.fcsFixture.insertAdFrame()'],
  ])('warns when %s', async (_label, action) => {
    const tab = await quietFeed();
    await tab.evaluate(action);
    const banner = await waitForBanner(tab);
    expect(WARNING_LEVELS).toContain(banner.level);
  });
});
