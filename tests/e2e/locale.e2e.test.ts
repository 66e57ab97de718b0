import { afterEach, describe, expect, it } from 'vitest';
import { launch, pollFor, waitForBanner, waitForVerdict, type BrowserKind, type ExtensionSession } from './support/browsers';
import { fixtureUrl } from './support/fixtures';
import { serveFixtures, type FixtureServer } from './support/server';

/**
 * Every UI string comes from _locales and follows the browser's language.
 * The same build is launched with an English and a Chinese browser UI (Chinese needs Debian's
 * chromium-l10n, which .ci/setup installs; Firefox is checked in English); tests/shared/locales.test.ts
 * checks that both locales have the same keys and the manifest's strings.
 */
describe.each<BrowserKind>(['chromium', 'firefox'])('English UI in %s', (kind) => {
  let server: FixtureServer | undefined;
  let session: ExtensionSession | undefined;

  afterEach(async () => {
    await session?.close();
    await server?.close();
  });

  it('banner, popup and options speak English and say so in lang', async () => {
    server = await serveFixtures();
    session = await launch(kind, { locale: 'en' });
    const tab = await session.open(fixtureUrl(server, 'ad.html'));
    const banner = await waitForBanner(tab);
    expect(banner.text).toContain('Not a scam');
    expect(await tab.inOwnUi<string>('banner', `root.querySelector('.panel').lang`)).toBe('en');

    const popup = await session.openPopupFor(tab);
    await waitForVerdict(popup);
    // the static page says zh-CN until its script runs (Firefox can show the parsed page before that)
    const popupLang = await pollFor('the popup to set its language', 10_000, async () => {
      const lang = await popup.evaluate<string>('document.documentElement.lang');
      return lang === 'en' ? lang : undefined;
    }).catch(() => popup.evaluate<string>('document.documentElement.lang'));
    expect(popupLang).toBe('en');
    // the popup fills in after its first reply from the worker (save evidence shows on a warned page only)
    const popupText = await pollFor('the popup to render', 10_000, async () => {
      const text = await popup.evaluate<string>('document.body.innerText');
      return text.includes('Save evidence') ? text : undefined;
    }).catch(() => popup.evaluate<string>('document.body.innerText'));
    for (const phrase of ['Check this page', 'Save evidence', 'Settings and privacy']) expect(popupText).toContain(phrase);

    const options = await session.openFrom(popup, '[data-testid="open-options"]');
    const optionsText = await options.evaluate<string>('document.body.innerText');
    expect(optionsText).toContain('fcs-guard settings');
    expect(optionsText).toContain('What is sent');
  });
});

// Firefox ESR with Debian's zh-CN langpack switched languages between runs regardless of
// intl.locale.requested, so the Chinese UI is checked in Chromium only
describe.each<BrowserKind>(['chromium'])('Chinese UI (the default locale) in %s', (kind) => {
  let server: FixtureServer | undefined;
  let session: ExtensionSession | undefined;

  afterEach(async () => {
    await session?.close();
    await server?.close();
  });

  it('banner, popup and options speak Chinese and say so in lang', async () => {
    server = await serveFixtures();
    session = await launch(kind, { locale: 'zh-CN' });
    const tab = await session.open(fixtureUrl(server, 'ad.html'));
    const banner = await waitForBanner(tab);
    expect(banner.text).toContain('不是骗局');
    expect(banner.text).not.toContain('Not a scam');
    expect(await tab.inOwnUi<string>('banner', `root.querySelector('.panel').lang`)).toMatch(/^zh/);

    const popup = await session.openPopupFor(tab);
    await waitForVerdict(popup);
    expect(await popup.evaluate<string>('document.documentElement.lang')).toMatch(/^zh/);
    // the popup fills in after its first reply from the worker
    const popupText = await pollFor('the popup to render', 10_000, async () => {
      const text = await popup.evaluate<string>('document.body.innerText');
      return text.includes('检查此页') ? text : undefined;
    }).catch(() => popup.evaluate<string>('document.body.innerText'));
    for (const phrase of ['检查此页', '保存证据', '设置与隐私']) expect(popupText).toContain(phrase);

    const options = await session.openFrom(popup, '[data-testid="open-options"]');
    const optionsText = await options.evaluate<string>('document.body.innerText');
    expect(optionsText).toContain('fcs-guard 设置');
    expect(optionsText).toContain('发送什么');
  });
});
