// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bannerPanel, showBanner } from '../../../src/content/banner/banner';
import { overlayOf } from '../../../src/content/banner/overlay';
import { DECIDE, STRINGS } from './strings.fixture';

afterEach(() => overlayOf(document).dispose());

describe('banner “not a scam”', () => {
  function render(onDecide = vi.fn()) {
    showBanner(document, { level: 'high', titles: ['加微信'] }, { ...STRINGS, decide: DECIDE }, { onDetails: vi.fn(), onDismiss: vi.fn(), onDecide });
    return { panel: bannerPanel(document) as HTMLElement, onDecide };
  }

  it('is one quiet disclosure that says whether it is open', () => {
    const { panel } = render();
    const toggle = panel.querySelector('[data-action="not-scam"]') as HTMLButtonElement;
    expect(toggle.classList.contains('quiet')).toBe(true);
    const choices = (panel.getRootNode() as ShadowRoot).getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(choices.hidden).toBe(true);
    toggle.click();
    expect(choices.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it('offers two plain choices and how long, an hour unless changed; no per-rule muting', () => {
    const { panel } = render();
    expect([...panel.querySelectorAll('.decide button')].map((b) => b.textContent)).toEqual([DECIDE.page, DECIDE.site]);
    expect([...panel.querySelectorAll<HTMLInputElement>('.decide input[type="radio"]')].map((r) => [r.value, r.checked])).toEqual([
      ['hour', true],
      ['always', false],
    ]);
    expect(panel.querySelector('[data-action="mute-rule"]')).toBeNull();
  });

  it.each([
    ['allow-page', 'hour', 'page', 'hour'],
    ['allow-site', 'hour', 'site', 'hour'],
    ['allow-page', 'always', 'page', 'always'],
    ['allow-site', 'always', 'site', 'always'],
  ])('%s with %s decides %s for %s and takes the banner away', (action, duration, scope, expected) => {
    const { panel, onDecide } = render();
    panel.querySelector<HTMLInputElement>(`input[data-duration="${duration}"]`)?.click();
    panel.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
    expect(onDecide).toHaveBeenCalledExactlyOnceWith(scope, expected);
    expect(bannerPanel(document)).toBeUndefined();
  });
});
