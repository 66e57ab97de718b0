// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint, captureGeometry, hideOwnUi, showOwnUi } from '../../src/content/capture-view';
import { blockKey } from '../../src/content/scan/block-keys';

/** `evidence/captureView`: the page without fcs-guard's marks for the screenshot, then everything back */
describe('the evidence capture view', () => {
  afterEach(() => {
    showOwnUi();
    document.documentElement.querySelectorAll('[data-fcs-image-outline]').forEach((n) => n.remove());
    document.body.replaceChildren();
  });

  function page() {
    const ad = document.createElement('section');
    ad.textContent = '停息挂账，不成功100%退费';
    document.body.append(ad);
    const outline = document.createElement('div');
    outline.setAttribute('data-fcs-image-outline', '');
    outline.style.setProperty('visibility', 'visible', 'important');
    document.documentElement.append(outline);
    const other = document.createElement('div');
    document.documentElement.append(other);
    // the overlay's outlines, the highlights and the caution hide through one call
    const concealed: boolean[] = [];
    const conceal = vi.fn((on: boolean) => void concealed.push(on));
    const banner = { shown: true, hide: vi.fn(() => true), show: vi.fn() };
    banner.hide.mockImplementation(() => ((banner.shown = false), true));
    banner.show.mockImplementation(() => (banner.shown = true));
    return { ad, key: blockKey(ad), outline, other, conceal, concealed, banner };
  }

  it('hides the banner, the highlights and our outlines, and puts each back as it was', () => {
    const { key, outline, other, conceal, concealed, banner } = page();
    hideOwnUi(document, banner, conceal, [key]);
    expect(banner.shown).toBe(false);
    expect(concealed).toEqual([true]);
    expect(outline.style.getPropertyValue('visibility')).toBe('hidden');
    expect(other.style.getPropertyValue('visibility')).toBe('');
    showOwnUi();
    expect(banner.show).toHaveBeenCalledTimes(1);
    expect(banner.shown).toBe(true);
    expect(concealed).toEqual([true, false]);
    expect(outline.style.getPropertyValue('visibility')).toBe('visible');
    expect(outline.style.getPropertyPriority('visibility')).toBe('important');
  });

  it('a banner that was not showing is not shown afterwards; a second hide changes nothing', () => {
    const { key, banner, conceal } = page();
    banner.hide.mockImplementation(() => false);
    hideOwnUi(document, banner, conceal, [key]);
    hideOwnUi(document, banner, conceal, [key]);
    expect(banner.hide).toHaveBeenCalledTimes(1);
    expect(conceal).toHaveBeenCalledTimes(1);
    showOwnUi();
    expect(banner.show).not.toHaveBeenCalled();
  });

  it('puts everything back by itself when the popup never asks', () => {
    vi.useFakeTimers();
    try {
      const { key, banner, conceal } = page();
      hideOwnUi(document, banner, conceal, [key]);
      vi.advanceTimersByTime(6_000);
      expect(banner.show).toHaveBeenCalledTimes(1);
      showOwnUi();
      expect(banner.show).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('brings an ad that is off screen into view for the capture and scrolls back after', () => {
    const { ad, key, banner, conceal } = page();
    const box = { left: 10, top: 5_000, right: 510, bottom: 5_300, width: 500, height: 300, x: 10, y: 5_000 };
    ad.getBoundingClientRect = () => box as DOMRect;
    const scrolled = vi.fn();
    ad.scrollIntoView = scrolled;
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    hideOwnUi(document, banner, conceal, [key]);
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', inline: 'nearest' });
    showOwnUi();
    expect(scrollTo).toHaveBeenCalledWith(window.scrollX, window.scrollY);
  });

  it('says where the flagged blocks are in the viewport, leaving out what is gone or has no box', () => {
    const { ad, key } = page();
    ad.getBoundingClientRect = () => ({ left: 10, top: 20, width: 300, height: 120 }) as DOMRect;
    const gone = document.createElement('p');
    const goneKey = blockKey(gone);
    expect(captureGeometry(document, [key, goneKey, 'unknown'])).toEqual({
      viewport: { width: window.innerWidth, height: window.innerHeight },
      blocks: [{ x: 10, y: 20, width: 300, height: 120 }],
    });
  });

  it('waits for a paint, or a moment where frames do not come', async () => {
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    await expect(afterPaint(document, 20)).resolves.toBeUndefined();
    raf.mockRestore();
  });
});
