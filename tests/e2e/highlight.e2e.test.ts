import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pollFor, waitForBanner, type BrowserKind, type ExtensionSession, type PageDriver } from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { serveFixtures, type FixtureServer } from './support/server';

/** The lure shown in place, without changing the page's DOM. */
describe.each<BrowserKind>(['chromium', 'firefox'])('lure highlighting in %s', (kind) => {
  let server: FixtureServer;
  let session: ExtensionSession;
  let tab: PageDriver;

  beforeAll(async () => {
    server = await serveFixtures();
    session = await launch(kind);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('highlights the matched phrases and outlines the flagged block; the page body is untouched', async () => {
    tab = await session.open(fixtureUrl(server, 'article-with-sidebar-ad.html'));
    const before = await tab.evaluate<string>('document.body.innerHTML');
    await waitForBanner(tab);
    const highlighted = await pollFor('highlighted phrases', 5_000, async () => {
      const texts = await tab.evaluate<string[] | null>(
        `(() => { const h = CSS.highlights && CSS.highlights.get('fcs-guard-lure'); return h ? [...h].map((r) => r.toString()) : null; })()`,
      );
      return texts && texts.length > 0 ? texts : undefined;
    });
    // every highlighted range lies in the sidebar ad, none in the article
    const inAd = await tab.evaluate<boolean[]>(
      `[...CSS.highlights.get('fcs-guard-lure')].map((r) => !!(r.startContainer.parentElement && r.startContainer.parentElement.closest('aside')))`,
    );
    expect(highlighted.length).toBeGreaterThan(0);
    expect(inAd.every(Boolean)).toBe(true);
    expect(await tab.evaluate<number>(`document.querySelectorAll('[data-fcs-outline]').length`)).toBeGreaterThan(0);
    expect(await tab.evaluate<string>('document.body.innerHTML')).toBe(before);
  });

  it('“details” scrolls to the flagged block far down the page', async () => {
    tab = await session.open(fixtureUrl(server, 'long-page-ad.html'));
    await waitForBanner(tab);
    expect(await tab.evaluate<boolean>(`document.querySelector('aside').getBoundingClientRect().top > innerHeight`)).toBe(true);
    const details = await session.openDetails(tab);
    await tab.bringToFront();
    const visible = await pollFor('the flagged block in view', 5_000, async () => {
      const ok = await tab.evaluate<boolean>(
        `(() => { const r = document.querySelector('aside').getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && scrollY > 0; })()`,
      );
      return ok ? true : undefined;
    });
    expect(visible).toBe(true);
    await details.close();
  });
});
