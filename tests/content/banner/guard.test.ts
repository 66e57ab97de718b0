// @vitest-environment happy-dom
/**
 * A page that fights the warning: removes it, restyles it, hides or covers it, clicks its
 * buttons from script. Each is undone a bounded number of times, reported once per kind, or
 * ignored; never a loop against the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bannerPanel, showBanner } from '../../../src/content/banner/banner';
import { MAX_RESTORATIONS, MAX_SILENT_RAISES, OverlayGuard, RECOVER_MS, type GuardTarget } from '../../../src/content/banner/guard';
import { overlayOf } from '../../../src/content/banner/overlay';
import { DECIDE, STRINGS } from './strings.fixture';

/** MutationObserver callbacks run as microtasks; let them */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const ours = () => overlayOf(document).hostElement;
const restorations = () => overlayOf(document).restorations;

function show(onTamper = vi.fn()): HTMLElement {
  showBanner(document, { level: 'high', titles: ['停息挂账'] }, STRINGS, { onDetails() {}, onDismiss() {}, onTamper });
  return ours() as HTMLElement;
}

describe('banner guard', () => {
  afterEach(() => overlayOf(document).dispose());

  it('puts the banner back when the page removes it, and reports it once', async () => {
    const onTamper = vi.fn();
    show(onTamper).remove();
    await settle();
    expect(ours()?.parentNode).toBe(document.documentElement);
    expect(bannerPanel(document)?.textContent).toContain('停息挂账');
    expect(restorations()).toBe(1);
    expect(onTamper).toHaveBeenCalledExactlyOnceWith('removed');
  });

  it('stops after a bounded number of restorations (no fight loop), having reported the first', async () => {
    const onTamper = vi.fn();
    show(onTamper);
    for (let round = 0; round < MAX_RESTORATIONS + 3; round++) {
      ours()?.remove();
      await settle();
    }
    expect(restorations()).toBe(MAX_RESTORATIONS);
    expect(ours()?.isConnected).toBe(false);
    expect(onTamper).toHaveBeenCalledExactlyOnceWith('removed');
  });

  it('a page that removes it from its own MutationObserver gives up first', async () => {
    const fighter = new MutationObserver(() => {
      for (const el of [...document.documentElement.children]) if (el === ours()) el.remove();
    });
    fighter.observe(document.documentElement, { childList: true });
    show();
    for (let i = 0; i < 20; i++) await settle();
    fighter.disconnect();
    expect(restorations()).toBe(MAX_RESTORATIONS);
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
  ])('undoes a restyle and reports it: %s', async (_, tamper) => {
    const onTamper = vi.fn();
    const host = show(onTamper);
    tamper(host);
    await settle();
    expect(host.style.getPropertyValue('display')).toBe('block');
    expect(host.style.getPropertyPriority('display')).toBe('important');
    expect(host.style.getPropertyValue('opacity')).toBe('1');
    expect(host.getAttributeNames().filter((name) => name !== 'style' && name !== 'popover')).toEqual([]);
    expect(onTamper).toHaveBeenCalledExactlyOnceWith('restyled');
  });

  it('ignores clicks from page scripts on its buttons', async () => {
    const onDismiss = vi.fn();
    const onDetails = vi.fn();
    showBanner(document, { level: 'high', titles: ['a', 'b'], quotes: ['甲'] }, STRINGS, { onDetails, onDismiss });
    for (const action of ['dismiss', 'details', 'more-lures']) {
      const button = bannerPanel(document)?.querySelector(`[data-action="${action}"]`);
      // what a page's synthetic click dispatches in a browser
      const forged = new MouseEvent('click', { bubbles: true, composed: true });
      Object.defineProperty(forged, 'isTrusted', { value: false });
      button?.dispatchEvent(forged);
    }
    await settle();
    expect(onDismiss).not.toHaveBeenCalled();
    expect(onDetails).not.toHaveBeenCalled();
    expect(bannerPanel(document)).toBeDefined();
  });

  it('is not restored, nor reported, after the user dismisses it', async () => {
    const onTamper = vi.fn();
    show(onTamper);
    bannerPanel(document)?.querySelector<HTMLButtonElement>('[data-action="dismiss"]')?.click();
    await settle();
    expect(ours()).toBeUndefined();
    expect(onTamper).not.toHaveBeenCalled();
  });

  it('updating the banner, or the user opening “not a scam”, is not tampering', async () => {
    const onTamper = vi.fn();
    show(onTamper);
    showBanner(document, { level: 'medium', titles: ['a', 'b'] }, { ...STRINGS, decide: DECIDE }, { onDetails() {}, onDismiss() {}, onDecide() {}, onTamper });
    bannerPanel(document)?.querySelector<HTMLButtonElement>('[data-action="not-scam"]')?.click();
    await settle();
    expect(restorations()).toBe(0);
    expect(onTamper).not.toHaveBeenCalled();
    expect(bannerPanel(document)?.querySelector<HTMLElement>('.decide')?.hidden).toBe(false);
  });

  it('hiding everything for a screenshot is not tampering, and it comes back', async () => {
    const onTamper = vi.fn();
    const host = show(onTamper);
    overlayOf(document).conceal(true);
    await settle();
    expect(host.style.getPropertyValue('visibility')).toBe('hidden');
    overlayOf(document).conceal(false);
    await settle();
    expect(host.style.getPropertyValue('visibility')).toBe('visible');
    expect(onTamper).not.toHaveBeenCalled();
    host.remove();
    await settle();
    expect(onTamper).toHaveBeenCalledWith('removed');
  });
});

/** Covering, judged from the page's top-layer events and a hit test, with a fake layout. */
describe('covering and hiding', () => {
  /** what the test set up, taken down after it (also when it fails) */
  let current: { guard: OverlayGuard; host: Element } | undefined;
  afterEach(() => {
    current?.guard.stop();
    current?.host.remove();
    current = undefined;
    delete (document as { fullscreenElement?: unknown }).fullscreenElement;
    vi.useRealTimers();
    vi.restoreAllMocks();
    for (const dialog of document.querySelectorAll('dialog')) dialog.remove();
  });

  function setUp(onTop: () => Element | null) {
    const host = document.createElement('abc-defghi');
    document.documentElement.append(host);
    const restore = vi.fn();
    const target: GuardTarget = { doc: document, host, restore, samplePoints: () => [{ x: 10, y: 10 }], onCheck: vi.fn() };
    vi.spyOn(document, 'elementFromPoint').mockImplementation(onTop);
    const onTamper = vi.fn();
    const guard = new OverlayGuard(target, onTamper);
    current = { guard, host };
    return { host, restore, onTamper, guard, target };
  }

  /** the page opens a dialog: its `open` attribute is what the guard hears of it */
  async function pageOpensDialog(): Promise<HTMLDialogElement> {
    vi.setSystemTime(Date.now() + 10);
    const dialog = document.createElement('dialog');
    document.body.append(dialog);
    dialog.setAttribute('open', '');
    await settle();
    return dialog;
  }

  it('nothing happens while the banner is on top', () => {
    const { host, restore, onTamper, guard } = setUp(() => null);
    vi.mocked(document.elementFromPoint).mockReturnValue(host);
    guard.start();
    guard.check();
    expect(restore).not.toHaveBeenCalled();
    expect(onTamper).not.toHaveBeenCalled();
  });

  it('a cover the page opens once is innocent (a cookie notice): the banner is raised above it quietly', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { host, restore, onTamper, guard } = setUp(() => host);
    guard.start();
    vi.setSystemTime(Date.now() + 500);
    await pageOpensDialog();
    guard.check();
    expect(restore).toHaveBeenCalledTimes(1);
    expect(onTamper).not.toHaveBeenCalled();
  });

  it('covering it again right after it was raised, with no click of the reader’s, is tampering', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { host, restore, onTamper, guard } = setUp(() => host);
    guard.start();
    await pageOpensDialog();
    guard.check();
    await pageOpensDialog();
    guard.check();
    expect(onTamper).toHaveBeenCalledExactlyOnceWith('covered');
    expect(restore).toHaveBeenCalledTimes(2);
  });

  it('covers a while apart are each innocent', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { host, onTamper, guard } = setUp(() => host);
    guard.start();
    await pageOpensDialog();
    guard.check();
    vi.setSystemTime(Date.now() + RECOVER_MS + 1);
    await pageOpensDialog();
    guard.check();
    expect(onTamper).not.toHaveBeenCalled();
  });

  it(`raises quietly at most ${MAX_SILENT_RAISES} times, then stays where it is`, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { host, restore, onTamper, guard } = setUp(() => host);
    guard.start();
    for (let i = 0; i < MAX_SILENT_RAISES + 2; i++) {
      vi.setSystemTime(Date.now() + RECOVER_MS + 1);
      await pageOpensDialog();
      guard.check();
    }
    expect(restore).toHaveBeenCalledTimes(MAX_SILENT_RAISES);
    expect(onTamper).not.toHaveBeenCalled();
  });

  it('something it did not hear of (in a shadow root of the page’s) is found by the hit test', () => {
    const cover = document.createElement('div');
    const { restore, guard } = setUp(() => cover);
    guard.start();
    guard.check();
    expect(restore).toHaveBeenCalledTimes(1);
  });

  it('the reader’s own full screen (a video) is left alone', () => {
    const cover = document.createElement('div');
    const { restore, onTamper, guard } = setUp(() => cover);
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => document.body });
    guard.start();
    guard.check();
    expect(restore).not.toHaveBeenCalled();
    expect(onTamper).not.toHaveBeenCalled();
  });

  it('a banner made invisible where it stands is hidden, not covered', () => {
    const { host, onTamper, guard } = setUp(() => document.body);
    Object.defineProperty(host, 'checkVisibility', { value: () => false });
    guard.start();
    guard.check();
    expect(onTamper).toHaveBeenCalledExactlyOnceWith('hidden');
  });

  it('nothing is judged by the hit test while the banner cannot be measured', () => {
    const { restore, onTamper, guard, target } = setUp(() => document.body);
    target.samplePoints = () => [];
    guard.start();
    guard.check();
    expect(restore).not.toHaveBeenCalled();
    expect(onTamper).not.toHaveBeenCalled();
  });
});
