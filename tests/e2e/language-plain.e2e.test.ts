import { describe, expect, it } from 'vitest';
import { pollFor, readBanner, waitForBanner, waitForVerdict, type BrowserKind, type PageDriver } from './support/browsers';
import en from '../../src/public/_locales/en/messages.json';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import { fixtureUrl } from './support/fixtures';
import { useExtensionSession } from './support/session';

/**
 * Language and plain words, with real clicks in an English browser: the options page's
 * language choice (中文) turns the options page, the open popup and the banners Chinese,
 * without a reload; then plain words puts the plain sentences in the banner and the popup.
 * Firefox cannot be switched to Chinese itself here (see locale.e2e.test.ts); the setting can.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('language choice and plain words in %s (English browser)', (kind) => {
  const e2e = useExtensionSession(kind, { locale: 'en' });
  const track = (page: PageDriver) => (e2e.tabs.push(page), page);
  const visit = async (fixture: string) => track(await e2e.session.open(fixtureUrl(e2e.server, fixture)));
  const bodyText = (page: PageDriver) => page.evaluate<string>('document.body.innerText');
  const waitForBodyText = (page: PageDriver, what: string, phrase: string) =>
    pollFor(what, 10_000, async () => ((await bodyText(page)).includes(phrase) ? true : undefined));
  const inBanner = async <R>(tab: PageDriver, expression: string) => (await tab.inOwnUi<R>('banner', expression)) as R;
  const waitForBannerText = (tab: PageDriver, what: string, phrase: string) =>
    pollFor(what, 10_000, async () => ((await readBanner(tab))?.text.includes(phrase) ? true : undefined));

  it('中文 in the options page: options, the open popup and the banners speak Chinese; plain words then show', async () => {
    const tab = await visit('ad.html');
    const englishBanner = await waitForBanner(tab);
    expect(englishBanner.text).toContain(en.bannerNotScam.message);

    const popup = track(await e2e.session.openPopupFor(tab));
    await waitForVerdict(popup, (v) => v.level !== '' && v.level !== 'none');
    await waitForBodyText(popup, 'the popup in English', en.popupCheckPage.message);
    const options = track(await e2e.session.openFrom(popup, '[data-testid="open-options"]'));
    await waitForBodyText(options, 'the options page in English', en.optTitle.message);
    // the choice shows once the page has read the settings
    await pollFor('"follow the browser" chosen', 10_000, async () =>
      (await options.evaluate<boolean>(`document.querySelector('[data-testid="language-auto"]').checked`)) ? true : undefined,
    );

    await options.click('[data-testid="language-zh_CN"]');
    await waitForBodyText(options, 'the options page in Chinese', zhCN.optTitle.message);
    expect(await options.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    expect(await bodyText(options)).not.toContain(en.optTitle.message);

    // the popup that is already open follows, and so does the banner showing on the tab
    await waitForBodyText(popup, 'the open popup in Chinese', zhCN.popupCheckPage.message);
    expect(await popup.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    expect(await bodyText(popup)).not.toContain(en.popupCheckPage.message);
    await waitForBannerText(tab, 'the showing banner in Chinese', zhCN.bannerNotScam.message);

    const next = await visit('ad.html');
    const chineseBanner = await waitForBanner(next);
    expect(chineseBanner.text).toContain(zhCN.bannerTitle.message);
    expect(chineseBanner.text).not.toContain(en.bannerNotScam.message);
    expect(await inBanner<string>(next, `root.querySelector('.panel').lang`)).toBe('zh-CN');
    expect(await inBanner<number>(next, `root.querySelectorAll('[data-testid="plain-lines"]').length`)).toBe(0);
    expect(await popup.evaluate<number>(`document.querySelectorAll('[data-testid="plain-explain"]').length`)).toBe(0);

    await options.click('[data-testid="large-text"]');
    // the options page explains the levels in plain words
    await waitForBodyText(options, 'plain sensitivity words', zhCN.optLevelMediumExplainPlain.message);
    expect(await bodyText(options)).not.toContain(zhCN.optLevelMediumExplain.message);

    // the open popup: a plain pair of sentences per category, the detailed text behind "更多说明"
    const plainPopup = await pollFor('plain words in the popup', 10_000, async () => {
      const texts = await popup.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="plain-explain"]')].map((p) => p.textContent)`);
      return texts.length > 0 ? texts : undefined;
    });
    const plainSentences = [zhCN.plainUpfrontFee, zhCN.plainDataHarvest, zhCN.plainFalsePromise, zhCN.plainDebtReliefOffer, zhCN.plainForgeryCoaching, zhCN.plainOffPlatform].map((m) => m.message);
    for (const sentence of plainPopup) expect(plainSentences).toContain(sentence);
    expect(await popup.evaluate<boolean>(`[...document.querySelectorAll('[data-testid="lure"] dl')].every((dl) => dl.closest('details:not([open])'))`)).toBe(true);
    expect(await popup.evaluate<string>(`document.querySelector('details[data-testid="more"] summary').textContent`)).toBe(zhCN.plainMore.message);

    // a new banner: plain headline and sentences, the lure titles behind "更多说明" (one click opens it)
    const plainTab = await visit('ad.html');
    const plainBanner = await waitForBanner(plainTab);
    expect(plainBanner.text).toContain(zhCN.bannerTitlePlain.message);
    expect(plainBanner.text).toContain(zhCN.bannerSafePathPlain.message);
    expect(plainBanner.text).not.toContain(zhCN.bannerTitle.message);
    const bannerLines = await inBanner<string[]>(plainTab, `[...root.querySelectorAll('[data-testid="plain-lines"] li')].map((li) => li.textContent)`);
    expect(bannerLines.length).toBeGreaterThan(0);
    for (const sentence of bannerLines) expect(plainSentences).toContain(sentence);
    expect(await inBanner<boolean>(plainTab, `root.querySelector('.panel').classList.contains('large')`)).toBe(true);
    expect(await inBanner<boolean>(plainTab, `root.querySelector('details[data-testid="more"]').open`)).toBe(false);
    await plainTab.clickInOwnUi('banner', 'details[data-testid="more"] summary');
    await pollFor('"更多说明" to open', 5_000, async () =>
      (await inBanner<boolean>(plainTab, `root.querySelector('details[data-testid="more"]').open`)) ? true : undefined,
    );
  });
});
