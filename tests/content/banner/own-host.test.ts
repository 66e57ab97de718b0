// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createOwnHost, isOwnHost, ownPanels, randomIdent, randomTagName, setPanelShowing } from '../../../src/content/banner/own-host';

describe('our hosts leave nothing fixed to find them by', () => {
  it('a random, valid custom-element name each time', () => {
    const names = new Set(Array.from({ length: 50 }, randomTagName));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^[a-z]{3}-[a-z]{6}$/);
    expect(new Set(Array.from({ length: 50 }, randomIdent)).size).toBe(50);
  });

  it('a closed shadow root, and no attribute', () => {
    const { host, root } = createOwnHost(document, 'p { color: red }');
    expect(host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    expect(host.getAttributeNames()).toEqual([]);
    expect(isOwnHost(host)).toBe(true);
  });

  it('a page element cannot claim to be ours, nor a box of ours for image reading', () => {
    const { host } = createOwnHost(document, '');
    const copy = document.createElement(host.localName);
    for (const name of host.getAttributeNames()) copy.setAttribute(name, host.getAttribute(name) ?? '');
    document.body.append(copy);
    expect(isOwnHost(copy)).toBe(false);
    expect(ownPanels()).not.toContain(copy);
    copy.remove();
  });

  it('our boxes covering the page are known by reference, while they show', () => {
    const { host, root } = createOwnHost(document, '');
    const panel = document.createElement('div');
    root.append(panel);
    document.documentElement.append(host);
    setPanelShowing(panel, true);
    expect(ownPanels()).toContain(panel);
    host.remove();
    expect(ownPanels()).not.toContain(panel);
    setPanelShowing(panel, false);
  });
});
