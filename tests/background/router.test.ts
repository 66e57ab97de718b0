import { describe, expect, it } from 'vitest';
import { mockHandlers, routeMessage } from '../helpers/background-handlers';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const pageSender = { id: 'our-id', url: 'https://page.example/', frameId: 2, tab: { id: 7, index: 1, windowId: 1 } };
const popupSender = { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' };
const report = { type: 'scan/report', docId: 'd', replace: true, blocks: [] };

const handlers = mockHandlers;

describe('routeMessage', () => {
  it('takes tab and frame from the sender, never the payload', async () => {
    const h = handlers();
    await routeMessage({ ...report, tabId: 99, frameId: 0 }, pageSender as never, h, self);
    expect(h['scan/report']).toHaveBeenCalledWith(expect.objectContaining({ type: 'scan/report' }), expect.objectContaining({ tabId: 7, frameId: 2, url: 'https://page.example/' }));
  });

  it.each([
    ['another extension', { ...pageSender, id: 'other' }, report],
    ['a malformed message', pageSender, { type: 'scan/report', blocks: 'lots' }],
    ['an unknown type', pageSender, { type: 'tab/delete' }],
    ['a report without a tab', { id: 'our-id', url: 'https://x/' }, report],
    ['a report from an extension page', { ...popupSender, tab: { id: 3, index: 0 }, frameId: 0 }, report],
    ['a verdict request from a page', pageSender, { type: 'tab/getVerdict', tabId: 3 }],
    ['a check request from a page', pageSender, { type: 'tab/checkPage', tabId: 3 }],
    ['details from a subframe', pageSender, { type: 'banner/openDetails' }],
    ['a decision from a subframe', pageSender, { type: 'banner/decide', scope: 'site', duration: 'always' }],
    ['a decision from an extension page', { ...popupSender, tab: { id: 3, index: 0 }, frameId: 0 }, { type: 'banner/decide', scope: 'site', duration: 'always' }],
    ['a tampering report from a subframe', pageSender, { type: 'banner/tampered', kind: 'removed' }],
    ['a tampering report of an unknown kind', { ...pageSender, frameId: 0 }, { type: 'banner/tampered', kind: 'ignored' }],
    ['a tampering report from an extension page', { ...popupSender, tab: { id: 3, index: 0 }, frameId: 0 }, { type: 'banner/tampered', kind: 'removed' }],
    ['the banner’s old “mute this rule”', { ...pageSender, frameId: 0 }, { type: 'banner/mute', ruleId: 'add-wechat' }],
    ['a decision with a URL of its own', { ...pageSender, frameId: 0 }, { type: 'banner/decide', scope: 'site', duration: 'forever' }],
  ])('ignores %s', (_, sender, message) => {
    const h = handlers();
    expect(routeMessage(message, sender as never, h, self)).toBeUndefined();
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });

  it('passes a tampering report from the top frame, with the tab from the sender', async () => {
    const h = handlers();
    await routeMessage({ type: 'banner/tampered', kind: 'covered', tabId: 99 }, { ...pageSender, frameId: 0 } as never, h, self);
    expect(h['banner/tampered']).toHaveBeenCalledWith(expect.objectContaining({ type: 'banner/tampered', kind: 'covered' }), expect.objectContaining({ tabId: 7, frameId: 0 }));
  });

  it('takes the decided page from the top-frame sender', async () => {
    const h = handlers();
    await routeMessage({ type: 'banner/decide', scope: 'page', duration: 'hour', url: 'https://evil/' }, { ...pageSender, frameId: 0 } as never, h, self);
    expect(h['banner/decide']).toHaveBeenCalledWith(expect.objectContaining({ scope: 'page', duration: 'hour' }), expect.objectContaining({ tabId: 7, url: 'https://page.example/' }));
  });

  it('answers the popup', async () => {
    const h = handlers();
    await expect(routeMessage({ type: 'tab/getVerdict', tabId: 3 }, popupSender as never, h, self)).resolves.toMatchObject({ level: 'none' });
    expect(h['tab/getVerdict']).toHaveBeenCalledWith({ type: 'tab/getVerdict', tabId: 3 }, {});
  });

  it('opens details for the top frame of the sending tab', async () => {
    const h = handlers();
    await routeMessage({ type: 'banner/openDetails' }, { ...pageSender, frameId: 0 } as never, h, self);
    expect(h['banner/openDetails']).toHaveBeenCalledWith({ type: 'banner/openDetails' }, expect.objectContaining({ tabId: 7, tabIndex: 1, windowId: 1 }));
  });
});
