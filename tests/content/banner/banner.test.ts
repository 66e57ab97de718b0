// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bannerPanel, isBannerHost, removeBanner, showBanner } from '../../../src/content/banner/banner';
import { overlayOf } from '../../../src/content/banner/overlay';
import { STRINGS } from './strings.fixture';

const noop = { onDetails() {}, onDismiss() {} };

function panel(): HTMLElement {
  const el = bannerPanel(document);
  if (!el) throw new Error('no banner');
  return el;
}
const host = () => overlayOf(document).hostElement as HTMLElement;
const extraChildren = () => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);

describe('banner', () => {
  afterEach(() => overlayOf(document).dispose());

  it('lives under <html> on a host with a random custom-element name, no attribute to find it by, and a closed shadow root', () => {
    showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, noop);
    const el = host();
    expect(el.parentElement).toBe(document.documentElement);
    expect(el.localName).toMatch(/^[a-z]{3}-[a-z]{6}$/);
    expect(el.shadowRoot, 'the page cannot reach the shadow root').toBeNull();
    expect(el.getAttributeNames().filter((name) => name !== 'style' && name !== 'popover')).toEqual([]);
    expect(el.style.getPropertyValue('position')).toBe('fixed');
    expect(el.style.getPropertyPriority('position')).toBe('important');
    expect(el.style.getPropertyValue('pointer-events'), 'the overlay lets the page’s clicks through').toBe('none');
    expect(isBannerHost(el)).toBe(true);
    expect(panel().getRootNode()).not.toBe(document);
  });

  it('is the only thing it adds to the page', () => {
    const before = extraChildren().length;
    showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, noop);
    expect(extraChildren()).toHaveLength(before + 1);
  });

  it('says who warns, in Chinese, as an alert, with the level', () => {
    showBanner(document, { level: 'medium', titles: [] }, STRINGS, noop);
    expect(panel().getAttribute('role')).toBe('alert');
    expect(panel().getAttribute('data-level')).toBe('medium');
    expect(panel().textContent).toContain(STRINGS.title);
    expect(panel().textContent).toContain('联系贷款机构的官方客服');
  });

  it('links the official channels, each link named in full', () => {
    showBanner(document, { level: 'high', titles: [] }, STRINGS, noop);
    const links = [...panel().querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['tel:12378', 'tel:12315', 'tel:110', 'https://www.12315.cn']);
    expect(links.map((a) => a.textContent)).toEqual([STRINGS.channel12378, STRINGS.channel12315, STRINGS.channel110, STRINGS.channel12315Web]);
    const web = links[3];
    expect(web?.getAttribute('target')).toBe('_blank');
    expect(web?.getAttribute('rel')).toContain('noopener');
  });

  it('quotes the ad’s own words, as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned = 1">停息挂账';
    showBanner(document, { level: 'high', titles: ['停息挂账'], quotes: [evil, '不成功100%退费'] }, STRINGS, noop);
    expect(panel().querySelector('img')).toBeNull();
    expect([...panel().querySelectorAll('q')].map((q) => q.textContent)).toEqual([evil, '不成功100%退费']);
    expect(panel().querySelector('[data-testid="lures"]')?.textContent).toContain(STRINGS.quotes);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('names the lure titles when the ad’s words are not at hand (a frame, an image)', () => {
    showBanner(document, { level: 'high', titles: ['停息挂账', '预缴服务费'] }, STRINGS, noop);
    const lures = panel().querySelector('[data-testid="lures"]');
    expect(lures?.textContent).toContain(STRINGS.found);
    expect(lures?.textContent).toContain('停息挂账、预缴服务费');
    expect(panel().querySelector('q')).toBeNull();
  });

  it.each([
    [{ titles: Array.from({ length: 9 }, (_, i) => `话术${i}`), quotes: ['甲', '乙', '丙'] }, '+6', 6],
    [{ titles: Array.from({ length: 9 }, (_, i) => `话术${i}`) }, '+6', 6],
    [{ titles: ['话术0', '话术1'], quotes: ['甲'] }, '+1', 1],
  ])('“+N” counts the lures not named and opens the details (%#)', (content, label, n) => {
    const onDetails = vi.fn();
    showBanner(document, { level: 'high', ...content }, STRINGS, { onDetails, onDismiss() {} });
    const more = panel().querySelector<HTMLButtonElement>('[data-action="more-lures"]');
    expect(more?.textContent).toBe(label);
    expect(more?.getAttribute('aria-label')).toBe(STRINGS.moreLures.replace('{n}', String(n)));
    more?.click();
    expect(onDetails).toHaveBeenCalledOnce();
  });

  it('has no “+N” when every lure is named', () => {
    showBanner(document, { level: 'high', titles: ['停息挂账'], quotes: ['停息挂账'] }, STRINGS, noop);
    expect(panel().querySelector('[data-action="more-lures"]')).toBeNull();
  });

  it('dismiss takes it away (the overlay too, when nothing is outlined) and tells the caller', () => {
    const onDismiss = vi.fn();
    showBanner(document, { level: 'high', titles: [] }, STRINGS, { onDetails() {}, onDismiss });
    const before = host();
    panel().querySelector<HTMLButtonElement>('[data-action="dismiss"]')?.click();
    expect(bannerPanel(document)).toBeUndefined();
    expect(before.isConnected).toBe(false);
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('details calls back', () => {
    const onDetails = vi.fn();
    showBanner(document, { level: 'high', titles: [] }, STRINGS, { onDetails, onDismiss() {} });
    panel().querySelector<HTMLButtonElement>('[data-action="details"]')?.click();
    expect(onDetails).toHaveBeenCalledOnce();
  });

  it('updates in place instead of stacking banners', () => {
    showBanner(document, { level: 'medium', titles: ['a'] }, STRINGS, noop);
    const first = host();
    showBanner(document, { level: 'high', titles: ['a', 'b'], quotes: ['甲', '乙'] }, STRINGS, noop);
    expect(host()).toBe(first);
    expect(extraChildren().filter(isBannerHost)).toHaveLength(1);
    expect(panel().getAttribute('data-level')).toBe('high');
    expect(panel().querySelectorAll('q')).toHaveLength(2);
  });

  it('does not take a page element with the same tag name for ours', () => {
    showBanner(document, { level: 'high', titles: [] }, STRINGS, noop);
    const fake = document.createElement(host().localName);
    document.documentElement.append(fake);
    expect(isBannerHost(fake)).toBe(false);
    fake.remove();
  });

  it('removeBanner leaves nothing behind', () => {
    const before = extraChildren().length;
    showBanner(document, { level: 'high', titles: [] }, STRINGS, noop);
    removeBanner(document);
    expect(extraChildren()).toHaveLength(before);
  });
});
