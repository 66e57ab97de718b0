import { describe, expect, it } from 'vitest';
import { expectNoBanner, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './browsers';
import { fixtureText, lureTitlesIn, squeeze } from './expected-lures';
import { fixtureUrl, HOTLINES, WARNING_LEVELS, WEB_12315 } from './fixtures';
import { useExtensionSession } from './session';

/** the ad's own words the banner quotes */
const quotesIn = async (tab: PageDriver) => (await tab.inOwnUi<string[]>('banner', `[...root.querySelectorAll('q')].map((q) => q.textContent)`)) ?? [];

/** The same user-visible behaviour, checked in one browser. */
export function describeExtensionIn(kind: BrowserKind): void {
  describe(`fcs-guard in ${kind}`, () => {
    const e2e = useExtensionSession(kind);
    const { tabs } = e2e;

    async function visit(fixture: string): Promise<PageDriver> {
      const tab = await e2e.session.open(fixtureUrl(e2e.server, fixture));
      tabs.push(tab);
      return tab;
    }

    it('warns on a 反催收 ad, names itself and the lures, and offers the official hotlines', async () => {
      const tab = await visit('ad.html');
      const banner = await waitForBanner(tab);
      expect(banner.pageSeesRoot, 'the page cannot reach into the banner').toBe(false);
      expect(WARNING_LEVELS).toContain(banner.level);
      expect(banner.links).toEqual(expect.arrayContaining([...HOTLINES, WEB_12315]));
      expect(banner.actions).toEqual(expect.arrayContaining(['dismiss', 'details']));
      expect(banner.text).toContain('fcs-guard');
      const titles = lureTitlesIn('ad.html');
      expect(titles.length, 'the rule pack finds lures in ad.html').toBeGreaterThan(0);
      // the lures in the ad's own words: each quote is what the page says
      const quotes = await quotesIn(tab);
      expect(quotes.length, banner.text).toBeGreaterThan(0);
      for (const quote of quotes) expect(fixtureText('ad.html'), `quoted from the ad: ${quote}`).toContain(squeeze(quote));
    });

    it('dismiss removes the banner', async () => {
      const tab = await visit('ad.html');
      await waitForBanner(tab);
      await tab.clickInOwnUi('banner', '[data-action="dismiss"]');
      await expectNoBanner(tab, 500);
    });

    it('stays quiet on an everyday page', async () => {
      await expectNoBanner(await visit('ordinary.html'));
    });

    it('the popup shows the verdict and explains it for the ad tab', async () => {
      const tab = await visit('ad.html');
      await waitForBanner(tab);
      const popup = await e2e.session.openPopupFor(tab);
      tabs.push(popup);
      const verdict = await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
      expect(WARNING_LEVELS).toContain(verdict.level);
      const titles = lureTitlesIn('ad.html');
      const explained = titles.filter((title) => verdict.text.includes(title));
      expect(explained.length, `popup explains some of: ${titles.join(' / ')}\n---\n${verdict.text}`).toBeGreaterThan(0);
    });

    it('the banner’s details button opens the popup for that tab', async () => {
      const tab = await visit('ad.html');
      await waitForBanner(tab);
      const details = await e2e.session.openDetails(tab);
      tabs.push(details);
      const verdict = await waitForVerdict(details, (v) => v.level !== '' && v.level !== 'none');
      expect(WARNING_LEVELS).toContain(verdict.level);
    });

    describe('detection on realistic pages', () => {
      it('does not warn on an anti-fraud article that quotes the slogans', async () => {
        await expectNoBanner(await visit('warning-article.html'));
      });

      it('does not warn on a bank page explaining its own 个性化分期 / 协商还款', async () => {
        await expectNoBanner(await visit('bank-installments.html'));
      });

      it('warns about a sidebar ad next to that article, naming the ad’s lures', async () => {
        const tab = await visit('article-with-sidebar-ad.html');
        const banner = await waitForBanner(tab);
        expect(WARNING_LEVELS).toContain(banner.level);
        const adTitles = lureTitlesIn('article-with-sidebar-ad.html', /<aside[\s\S]*<\/aside>/);
        expect(adTitles.length, 'the rule pack finds lures in the sidebar ad').toBeGreaterThan(0);
        // it quotes the ad's own words, never the article's
        const quotes = await quotesIn(tab);
        expect(quotes.length, banner.text).toBeGreaterThan(0);
        const ad = fixtureText('article-with-sidebar-ad.html', /<aside[\s\S]*<\/aside>/);
        for (const quote of quotes) expect(ad, `quoted from the sidebar ad: ${quote}`).toContain(squeeze(quote));
      });

      it.each([
        ['an ad in traditional characters', 'traditional-ad.html'],
        ['an ad hiding its phrases with zero-width characters, spaces and full-width digits', 'obfuscated-ad.html'],
        ['an ad inside an iframe (banner on the top document)', 'iframe-host.html'],
      ])('warns on %s', async (_label, fixture) => {
        const banner = await waitForBanner(await visit(fixture));
        expect(WARNING_LEVELS).toContain(banner.level);
        expect(banner.links).toEqual(expect.arrayContaining([...HOTLINES]));
      });
    });
  });
}
