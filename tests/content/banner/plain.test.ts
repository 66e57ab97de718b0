// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bannerPanel, removeBanner, showBanner } from '../../../src/content/banner/banner';
import { bannerStrings, inputGuardStrings } from '../../../src/content/banner/strings';
import en from '../../../src/public/_locales/en/messages.json';
import zhCN from '../../../src/public/_locales/zh_CN/messages.json';
import { setLanguage } from '../../../src/shared/i18n';

vi.mock('../../../src/shared/browser', async () => ({ browser: (await import('../../helpers/fake-i18n-browser')).englishBrowser }));

const noop = { onDetails() {}, onDismiss() {} };
const AD = {
  level: 'high' as const,
  titles: ['预缴服务费', '停息挂账'],
  categories: ['upfront-fee', 'debt-relief-offer'] as const,
};

function bannerRoot(): HTMLElement {
  const panel = bannerPanel(document);
  if (!panel) throw new Error('no banner');
  return panel;
}
const text = (selector: string) => (selector === '.panel' ? bannerRoot() : bannerRoot().querySelector(selector))?.textContent ?? null;

describe('banner in plain words', () => {
  afterEach(() => {
    removeBanner(document);
    setLanguage('auto');
  });

  it('detailed (the default): the full headline and the lure titles, no plain sentences', () => {
    setLanguage('zh_CN');
    showBanner(document, AD, bannerStrings(false), noop);
    expect(text('h2')).toBe(zhCN.bannerTitle.message);
    expect(bannerRoot().querySelector('[data-testid="plain-lines"]')).toBeNull();
    expect(bannerRoot().querySelector('details')).toBeNull();
    expect(bannerRoot().classList.contains('large')).toBe(false);
    expect(text('.panel')).toContain('预缴服务费');
  });

  it('plain: plain headline and advice, one plain sentence per category, the titles behind "more", large text', () => {
    setLanguage('zh_CN');
    showBanner(document, AD, bannerStrings(true), noop);
    expect(text('h2')).toBe(zhCN.bannerTitlePlain.message);
    const lines = [...bannerRoot().querySelectorAll('[data-testid="plain-lines"] li')].map((li) => li.textContent);
    expect(lines).toEqual([zhCN.plainUpfrontFee.message, zhCN.plainDebtReliefOffer.message]);
    expect(lines[0]).toBe('他们要您先交钱。正规机构不收这种钱，别付。');
    expect(text('.panel')).toContain(zhCN.bannerSafePathPlain.message);
    expect(text('.panel')).not.toContain(zhCN.bannerSafePath.message);
    const more = bannerRoot().querySelector<HTMLDetailsElement>('details[data-testid="more"]');
    expect(more?.querySelector('summary')?.textContent).toBe(zhCN.plainMore.message);
    expect(more?.open).toBe(false);
    expect(more?.textContent).toContain('预缴服务费');
    expect(more?.textContent).toContain('停息挂账');
    expect(bannerRoot().classList.contains('large')).toBe(true);
  });

  it('plain without categories (an older worker) keeps the titles in view', () => {
    showBanner(document, { level: 'high', titles: ['预缴服务费'] }, bannerStrings(true), noop);
    expect(bannerRoot().querySelector('details')).toBeNull();
    expect(text('[data-testid="lures"]')).toContain('预缴服务费');
  });
});

describe('content strings follow the language setting, not only the browser (English here)', () => {
  afterEach(() => setLanguage('auto'));

  it.each([
    ['auto', en, 'en'],
    ['en', en, 'en'],
    ['zh_CN', zhCN, 'zh-CN'],
  ] as const)('%s', (choice, messages, lang) => {
    setLanguage(choice);
    const strings = bannerStrings();
    expect(strings.title).toBe(messages.bannerTitle.message);
    expect(strings.decide?.notScam).toBe(messages.bannerNotScam.message);
    expect(strings.lang).toBe(lang);
    expect(bannerStrings(true).plain?.categories['off-platform']).toBe(messages.plainOffPlatform.message);
    const guard = inputGuardStrings();
    expect(guard.kinds['sms-code']).toBe(messages.cautionSmsCode.message);
    expect(guard.lang).toBe(lang);
  });
});
