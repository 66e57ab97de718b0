// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { isOwnHost, ownPanels } from '../../../src/content/banner/own-host';
import { createInputGuard, isCautionHost } from '../../../src/content/input-guard/input-guard';

const STRINGS = () => ({
  title: '提醒',
  close: '知道了',
  kinds: { 'id-number': '身份证', 'bank-card': '银行卡', 'sms-code': '验证码', file: '文件' },
  lang: 'zh-CN',
});
const extraChildren = () => [...document.documentElement.children].filter((el) => el !== document.head && el !== document.body);

describe('the input caution', () => {
  const stop = new AbortController();
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function setUp() {
    document.body.innerHTML = '<label for="c">短信验证码</label><input id="c" autocomplete="one-time-code"><input id="n">';
    const guard = createInputGuard(document, STRINGS, stop.signal);
    const field = document.getElementById('c') as HTMLInputElement;
    return { guard, field };
  }

  it('says nothing before the page reached the warning level', () => {
    const { field } = setUp();
    const before = extraChildren().length;
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(extraChildren()).toHaveLength(before);
  });

  it('shows once, on a host of ours with a closed shadow root and nothing to find it by; the field keeps its focus and value', () => {
    const { guard, field } = setUp();
    guard.activate();
    field.focus();
    field.value = '123456';
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const caution = guard.caution;
    expect(caution?.kind).toBe('sms-code');
    expect(caution?.box.textContent).toContain('验证码');
    expect(caution?.box.getAttribute('role')).toBe('alert');
    const host = extraChildren().find(isOwnHost) as HTMLElement;
    expect(isCautionHost(host)).toBe(true);
    expect(host.shadowRoot).toBeNull();
    expect(host.getAttributeNames().filter((name) => name !== 'style' && name !== 'popover')).toEqual([]);
    expect(ownPanels()).toContain(caution?.box);
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('123456');

    caution?.box.querySelector<HTMLButtonElement>('[data-action="close-caution"]')?.click();
    expect(guard.caution).toBeUndefined();
    expect(host.isConnected).toBe(false);
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(guard.caution, 'one time per kind').toBeUndefined();
  });

  it('can be hidden for a screenshot and shown again', () => {
    const { guard, field } = setUp();
    guard.activate();
    field.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const host = extraChildren().find(isOwnHost) as HTMLElement;
    guard.conceal(true);
    expect(host.style.getPropertyValue('visibility')).toBe('hidden');
    guard.conceal(false);
    expect(host.style.getPropertyValue('visibility')).toBe('visible');
  });
});
