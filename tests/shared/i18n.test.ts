// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../src/public/_locales/en/messages.json';
import zhCN from '../../src/public/_locales/zh_CN/messages.json';
import bundled from 'virtual:fcs-locales';
import { currentLanguage, localizePage, setLanguage, t, uiLanguage } from '../../src/shared/i18n';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('../helpers/fake-i18n-browser')).englishBrowser }));

describe('the language setting overrides the browser (an English browser here)', () => {
  afterEach(() => setLanguage('auto'));

  it.each([
    ['auto', en.bannerTitle.message, 'en'],
    ['zh_CN', zhCN.bannerTitle.message, 'zh-CN'],
    ['en', en.bannerTitle.message, 'en'],
  ] as const)('%s: t() and uiLanguage() from the bundled messages', (choice, title, lang) => {
    setLanguage(choice);
    expect(currentLanguage()).toBe(choice);
    expect(t('bannerTitle')).toBe(title);
    expect(uiLanguage()).toBe(lang);
  });

  it('localizePage fills [data-i18n], sets lang, and in plain words prefers data-i18n-plain', () => {
    document.body.innerHTML =
      '<h1 data-i18n="optTitle"></h1><p id="help" data-i18n="optSensitivityHelp" data-i18n-plain="optSensitivityHelpPlain"></p>';
    setLanguage('zh_CN');
    localizePage(document);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.querySelector('h1')?.textContent).toBe(zhCN.optTitle.message);
    expect(document.getElementById('help')?.textContent).toBe(zhCN.optSensitivityHelp.message);

    localizePage(document, true);
    expect(document.getElementById('help')?.textContent).toBe(zhCN.optSensitivityHelpPlain.message);

    setLanguage('auto');
    localizePage(document, true);
    expect(document.documentElement.lang).toBe('en');
    expect(document.querySelector('h1')?.textContent).toBe(en.optTitle.message);
    expect(document.getElementById('help')?.textContent).toBe(en.optSensitivityHelpPlain.message);
  });

  it('the plain variants really are shorter than the detailed text they stand for', () => {
    const pairs = [
      ['bannerTitlePlain', 'bannerTitle'],
      ['bannerSafePathPlain', 'bannerSafePath'],
      ['optSensitivityHelpPlain', 'optSensitivityHelp'],
    ] as const;
    for (const [plain, detailed] of pairs) expect(zhCN[plain].message.length, plain).toBeLessThan(zhCN[detailed].message.length);
  });
});

describe('the locales bundled for the language choice', () => {
  it.each([
    ['zh_CN', zhCN],
    ['en', en],
  ] as const)('%s: every message of _locales, and nothing else', (locale, file) => {
    const messages = Object.fromEntries(Object.entries(file).map(([key, entry]) => [key, entry.message]));
    expect(bundled()[locale]).toEqual(messages);
  });
});
