// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showBanner } from '../../../src/content/banner/banner';
import { STRINGS } from './strings.fixture';

const decide = { notScam: '不是骗局…', pageHour: 'p1', siteHour: 's1', pageAlways: 'pa', siteAlways: 'sa', undoHint: 'undo', muteRule: '关闭：' };

afterEach(() => {
  document.documentElement.querySelectorAll('[data-fcs-banner]').forEach((n) => n.remove());
});

describe('banner “not a scam” choices', () => {
  function render(onDecide = vi.fn(), onMute = vi.fn()) {
    const host = showBanner(
      document,
      { level: 'high', titles: ['<img src=x onerror=alert(1)>'], rules: [{ ruleId: 'add-wechat', title: '<b>加微信</b>' }] },
      { ...STRINGS, decide },
      { onDetails: vi.fn(), onDismiss: vi.fn(), onDecide, onMute },
    );
    const root = host.shadowRoot as ShadowRoot;
    return { root, onDecide, onMute };
  }

  it('are hidden behind a disclosure button that says whether it is open', () => {
    const { root } = render();
    const toggle = root.querySelector('[data-action="not-scam"]') as HTMLButtonElement;
    const panel = root.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(panel.hidden).toBe(true);
    toggle.click();
    expect(panel.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
  });

  it.each([
    ['allow-page-hour', 'page', 'hour'],
    ['allow-site-hour', 'site', 'hour'],
    ['allow-page-always', 'page', 'always'],
    ['allow-site-always', 'site', 'always'],
  ])('%s decides %s for %s and removes the banner', (action, scope, duration) => {
    const { root, onDecide } = render();
    (root.querySelector(`[data-action="${action}"]`) as HTMLButtonElement).click();
    expect(onDecide).toHaveBeenCalledWith(scope, duration);
    expect(document.querySelector('[data-fcs-banner]')).toBeNull();
  });

  it('offers “mute this rule” per rule, with page-supplied titles as text only', () => {
    const { root, onMute } = render();
    const mute = root.querySelector('[data-action="mute-rule"]') as HTMLButtonElement;
    expect(mute.textContent).toBe('关闭： <b>加微信</b>');
    expect(root.querySelector('b, img')).toBeNull();
    mute.click();
    expect(onMute).toHaveBeenCalledWith('add-wechat');
  });
});
