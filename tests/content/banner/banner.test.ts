// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BANNER_ATTRIBUTE, isBannerHost, removeBanner, showBanner } from '../../../src/content/banner/banner';
import { STRINGS } from './strings.fixture';

const noop = { onDetails() {}, onDismiss() {} };

function host(): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[${BANNER_ATTRIBUTE}]`);
  if (!el) throw new Error('no banner');
  return el;
}

describe('banner', () => {
  afterEach(() => removeBanner(document));

  it('attaches a host under <html> with the level and an open shadow root', () => {
    showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, noop);
    const el = host();
    expect(el.parentElement).toBe(document.documentElement);
    expect(el.getAttribute(BANNER_ATTRIBUTE)).toBe('high');
    expect(el.shadowRoot).not.toBeNull();
    expect(el.shadowRoot?.mode).toBe('open');
    expect(el.style.getPropertyValue('position')).toBe('fixed');
    expect(isBannerHost(el)).toBe(true);
  });

  it('says who warns, in Chinese, as an alert', () => {
    showBanner(document, { level: 'medium', titles: [] }, STRINGS, noop);
    const alert = host().shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('fcs-guard 提醒：此页面可能是反催收/债务优化骗局广告');
    expect(alert?.textContent).toContain('联系贷款机构官方客服');
  });

  it('links the official channels', () => {
    showBanner(document, { level: 'high', titles: [] }, STRINGS, noop);
    const links = [...(host().shadowRoot?.querySelectorAll('a') ?? [])];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['tel:12378', 'tel:12315', 'tel:110', 'https://www.12315.cn']);
    const web = links[3];
    expect(web?.getAttribute('target')).toBe('_blank');
    expect(web?.getAttribute('rel')).toContain('noopener');
  });

  it('renders lure titles as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned = 1">停息挂账';
    showBanner(document, { level: 'high', titles: [evil] }, STRINGS, noop);
    const root = host().shadowRoot;
    expect(root?.querySelector('img')).toBeNull();
    expect([...(root?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([evil]);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('dismiss removes it and tells the caller', () => {
    const onDismiss = vi.fn();
    showBanner(document, { level: 'high', titles: [] }, STRINGS, { onDetails() {}, onDismiss });
    host().shadowRoot?.querySelector<HTMLButtonElement>('[data-action="dismiss"]')?.click();
    expect(document.querySelector(`[${BANNER_ATTRIBUTE}]`)).toBeNull();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('details calls back', () => {
    const onDetails = vi.fn();
    showBanner(document, { level: 'high', titles: [] }, STRINGS, { onDetails, onDismiss() {} });
    host().shadowRoot?.querySelector<HTMLButtonElement>('[data-action="details"]')?.click();
    expect(onDetails).toHaveBeenCalledOnce();
  });

  it('updates in place instead of stacking banners', () => {
    showBanner(document, { level: 'medium', titles: ['a'] }, STRINGS, noop);
    showBanner(document, { level: 'high', titles: ['a', 'b'] }, STRINGS, noop);
    expect(document.querySelectorAll(`[${BANNER_ATTRIBUTE}]`)).toHaveLength(1);
    expect(host().getAttribute(BANNER_ATTRIBUTE)).toBe('high');
    expect(host().shadowRoot?.querySelectorAll('li')).toHaveLength(2);
  });

  it('does not treat a page element with our attribute as ours', () => {
    const fake = document.createElement('div');
    fake.setAttribute(BANNER_ATTRIBUTE, 'high');
    document.documentElement.append(fake);
    expect(isBannerHost(fake)).toBe(false);
    fake.remove();
  });
});

describe('banner with many lures', () => {
  afterEach(() => removeBanner(document));

  it('lists the first few titles and a count of the rest, so it never covers the page', () => {
    const titles = Array.from({ length: 9 }, (_, i) => `话术${i}`);
    showBanner(document, { level: 'high', titles }, STRINGS, noop);
    const items = [...(document.querySelector(`[${BANNER_ATTRIBUTE}]`)?.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
    expect(items).toEqual(['话术0', '话术1', '话术2', '话术3', '话术4', '… +4']);
  });
});
