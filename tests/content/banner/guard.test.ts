// @vitest-environment happy-dom
/**
 * A page that fights the banner: removes it, restyles it, empties its shadow root, clicks its
 * buttons from script. Each is undone (a bounded number of times) or ignored.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BANNER_ATTRIBUTE, removeBanner, showBanner } from '../../../src/content/banner/banner';
import { MAX_RESTORATIONS, restorationsOf } from '../../../src/content/banner/guard';
import { STRINGS } from './strings.fixture';

const noop = { onDetails() {}, onDismiss() {} };
/** MutationObserver callbacks run as microtasks; let them */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function ours(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`html > [${BANNER_ATTRIBUTE}]`);
}

function show(): HTMLElement {
  return showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, noop);
}

describe('banner guard', () => {
  afterEach(() => {
    removeBanner(document);
    document.documentElement.querySelectorAll(`[${BANNER_ATTRIBUTE}]`).forEach((el) => el.remove());
  });

  it('puts the banner back when the page removes it', async () => {
    show().remove();
    await settle();
    expect(ours()?.shadowRoot?.textContent).toContain('停息挂账');
    expect(restorationsOf(document)).toBe(1);
  });

  it('stops after a bounded number of restorations (no fight loop)', async () => {
    show();
    for (let round = 0; round < MAX_RESTORATIONS + 3; round++) {
      ours()?.remove();
      await settle();
    }
    expect(restorationsOf(document)).toBe(MAX_RESTORATIONS);
    expect(ours()).toBeNull();
  });

  it('a page that removes it from its own MutationObserver gives up first', async () => {
    const fighter = new MutationObserver(() => ours()?.remove());
    fighter.observe(document.documentElement, { childList: true });
    show();
    for (let i = 0; i < 20; i++) await settle();
    fighter.disconnect();
    expect(restorationsOf(document)).toBe(MAX_RESTORATIONS);
  });

  it('moving it into the page counts as removal: it goes back under <html>', async () => {
    const host = show();
    document.body.append(host);
    await settle();
    expect(host.parentNode).toBe(document.documentElement);
  });

  it.each([
    ['inline display:none !important', (h: HTMLElement) => h.style.setProperty('display', 'none', 'important')],
    ['cssText wiped', (h: HTMLElement) => (h.style.cssText = 'opacity:0')],
    ['hidden attribute', (h: HTMLElement) => h.setAttribute('hidden', '')],
    ['inert attribute', (h: HTMLElement) => h.setAttribute('inert', '')],
    ['a class for its stylesheet', (h: HTMLElement) => h.setAttribute('class', 'gone')],
  ])('undoes a restyle: %s', async (_, tamper) => {
    const host = show();
    tamper(host);
    await settle();
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.style.getPropertyPriority('display')).toBe('important');
    expect(host.style.getPropertyValue('opacity')).toBe('1');
    const own = [BANNER_ATTRIBUTE, 'style', 'popover'];
    expect(host.getAttributeNames().filter((name) => !own.includes(name))).toEqual([]);
  });

  it('rewriting the level attribute does not stick', async () => {
    const host = show();
    host.setAttribute(BANNER_ATTRIBUTE, 'none');
    await settle();
    expect(host.getAttribute(BANNER_ATTRIBUTE)).toBe('high');
  });

  it('re-renders content the page emptied or rewrote through the open shadow root', async () => {
    const host = show();
    host.shadowRoot?.replaceChildren();
    await settle();
    expect(host.shadowRoot?.textContent).toContain('停息挂账');
    host.shadowRoot?.querySelector('h2')?.replaceChildren('all fine here');
    await settle();
    expect(host.shadowRoot?.querySelector('h2')?.textContent).toBe(STRINGS.title);
  });

  it('ignores clicks from page scripts on its buttons', async () => {
    const onDismiss = vi.fn();
    const onDetails = vi.fn();
    const host = showBanner(document, { level: 'high', titles: [] }, STRINGS, { onDetails, onDismiss });
    for (const action of ['dismiss', 'details']) {
      const button = host.shadowRoot?.querySelector(`[data-action="${action}"]`);
      // what a page's `button.click()` dispatches in a browser
      const forged = new MouseEvent('click', { bubbles: true, composed: true });
      Object.defineProperty(forged, 'isTrusted', { value: false });
      button?.dispatchEvent(forged);
    }
    await settle();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onDetails).not.toHaveBeenCalled();
    expect(ours()).toBe(host);
  });

  it('is not restored after the user dismisses it', async () => {
    const host = show();
    host.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="dismiss"]')?.click();
    await settle();
    expect(ours()).toBeNull();
    expect(restorationsOf(document)).toBe(0);
  });

  it('updating the banner is not mistaken for tampering', async () => {
    show();
    showBanner(document, { level: 'medium', titles: ['a', 'b'] }, STRINGS, noop);
    await settle();
    expect(restorationsOf(document)).toBe(0);
    expect(ours()?.getAttribute(BANNER_ATTRIBUTE)).toBe('medium');
  });

  it('the user opening the "not a scam" choices is not tampering', async () => {
    const host = showBanner(document, { level: 'high', titles: [] }, { ...STRINGS, decide: { notScam: 'n', pageHour: 'a', siteHour: 'b', pageAlways: 'c', siteAlways: 'd', undoHint: 'u' } }, { ...noop, onDecide() {} });
    const toggle = host.shadowRoot?.querySelector<HTMLButtonElement>('[data-action="not-scam"]');
    if (!toggle) return; // the UI without decisions: nothing to check
    toggle.click();
    await settle();
    expect(restorationsOf(document)).toBe(0);
    expect(host.shadowRoot?.querySelector<HTMLElement>('.decide')?.hidden).toBe(false);
  });
});
