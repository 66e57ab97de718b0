/**
 * Forged senders and hostile payloads against the background router. Each row is something a
 * web page, another extension or a compromised content script could send; none may reach a
 * handler. The sender fields are the ones the browser stamps, so a row is a sender the
 * browser could really produce (or a field the payload tries to smuggle in).
 */
import { describe, expect, it } from 'vitest';
import { mockHandlers, routeMessage } from '../helpers/background-handlers';
import { isExtensionPage } from '../../src/shared/contract';
import { LIMITS } from '../../src/shared/limits';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const tab = { id: 7, index: 1, windowId: 1, url: 'https://page.example/' };
const content = { id: 'our-id', url: 'https://page.example/', frameId: 0, tab };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' };
const popupInTab = { ...popup, frameId: 0, tab: { id: 9, index: 2, url: 'chrome-extension://our-id/src/popup/index.html?tabId=7' } };

const report = { type: 'scan/report', docId: 'd', replace: true, blocks: [] };
const finding = { ruleId: 'r', start: 0, end: 2, quoted: false, negated: false };
const block = { key: 'b', findings: { length: 10, lures: [finding], cues: [], contacts: 0 }, snippets: [] };

const handlers = mockHandlers;

function expectIgnored(message: unknown, sender: object): void {
  const h = handlers();
  expect(routeMessage(message, sender as never, h, self)).toBeUndefined();
  for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
}

describe('forged senders', () => {
  it.each([
    ['no sender id', { ...popup, id: undefined }],
    ['another extension with our page URL', { ...popup, id: 'evil-id' }],
    ['an id that only starts like ours', { ...popup, id: 'our-id-2' }],
    ['a web page (content script sender) asking for a verdict', content],
    ['a web page whose URL mentions our origin', { ...content, url: 'https://evil.example/?chrome-extension://our-id/' }],
    ['a look-alike origin', { ...popup, url: 'chrome-extension://our-id.evil/src/popup/index.html' }],
    ['a look-alike origin without a slash', { ...popup, url: 'chrome-extension://our-idx/popup.html' }],
    ['no URL at all', { id: 'our-id' }],
    ['our URL, but in a tab showing a web page', { ...popup, tab }],
    ['a data: URL', { ...popup, url: 'data:text/html,<script>chrome.runtime.sendMessage()</script>' }],
  ])('a popup request from %s is ignored', (_, sender) => {
    expectIgnored({ type: 'tab/getVerdict', tabId: 3 }, sender);
    expectIgnored({ type: 'tab/checkPage', tabId: 3 }, sender);
  });

  it.each([
    ['another extension', { ...content, id: 'evil-id' }],
    ['a sender without a tab', { id: 'our-id', url: 'https://page.example/', frameId: 0 }],
    ['a tab without an id (devtools, a prerender)', { ...content, tab: { index: 0 } }],
    ['a negative tab id', { ...content, tab: { ...tab, id: -1 } }],
    ['no frame id', { ...content, frameId: undefined }],
    ['our own page, in a tab', popupInTab],
    ['our own popup', popup],
  ])('a content message from %s is ignored', (_, sender) => {
    expectIgnored(report, sender);
    expectIgnored({ type: 'banner/openDetails' }, sender);
    expectIgnored({ type: 'banner/decide', scope: 'site', duration: 'always' }, sender);
  });

  it.each([
    ['the popup', popup],
    ['the popup opened in a tab (details)', popupInTab],
    ['our page in a tab whose URL we are not shown', { ...popupInTab, tab: { id: 9, index: 2 } }],
  ])('answers %s', async (_, sender) => {
    expect(isExtensionPage(sender as never, self)).toBe(true);
    const h = handlers();
    await routeMessage({ type: 'tab/getVerdict', tabId: 3 }, sender as never, h, self);
    expect(h['tab/getVerdict']).toHaveBeenCalledWith({ type: 'tab/getVerdict', tabId: 3 }, {});
  });

  it('never takes the tab, frame or URL from the payload', async () => {
    const h = handlers();
    const smuggled = { tabId: 1, frameId: 0, url: 'https://allowed.example/', tab: { id: 1 }, sender: { id: 'our-id' } };
    await routeMessage({ ...report, ...smuggled }, { ...content, frameId: 3 } as never, h, self);
    expect(h['scan/report']).toHaveBeenCalledWith(expect.not.objectContaining({ tabId: 1 }), expect.objectContaining({ tabId: 7, frameId: 3, url: 'https://page.example/' }));
    await routeMessage({ type: 'banner/decide', scope: 'site', duration: 'always', ...smuggled }, content as never, h, self);
    expect(h['banner/decide']).toHaveBeenCalledWith(expect.not.objectContaining({ url: expect.anything() }), expect.objectContaining({ tabId: 7, url: 'https://page.example/' }));
  });
});

describe('malformed and oversized payloads', () => {
  const huge = 'x'.repeat(5_000_000);
  it.each([
    ['undefined', undefined],
    ['a string', 'scan/report'],
    ['an array', [report]],
    ['a number type', { ...report, type: 1 }],
    ['a 5 MB docId', { ...report, docId: huge }],
    ['a 5 MB snippet', { ...report, blocks: [{ ...block, snippets: [{ ruleId: 'r', text: huge }] }] }],
    ['a 5 MB rule id', { ...report, blocks: [{ ...block, findings: { ...block.findings, lures: [{ ...finding, ruleId: huge }] } }] }],
    ['a block key past the limit', { ...report, blocks: [{ ...block, key: 'k'.repeat(LIMITS.idChars + 1) }] }],
    ['too many blocks', { ...report, blocks: Array.from({ length: LIMITS.blocksPerReport + 1 }, () => block) }],
    ['too many cues', { ...report, blocks: [{ ...block, findings: { ...block.findings, cues: Array.from({ length: LIMITS.hitsPerBlock + 1 }, () => ({ cueId: 'c', kind: 'contact', start: 0, end: 1 })) } }] }],
    ['a NaN offset', { ...report, blocks: [{ ...block, findings: { ...block.findings, lures: [{ ...finding, start: Number.NaN }] } }] }],
    ['an infinite length', { ...report, blocks: [{ ...block, findings: { ...block.findings, length: Number.POSITIVE_INFINITY } }] }],
    ['a huge tab id', { type: 'tab/getVerdict', tabId: Number.MAX_VALUE }],
    ['a tab id as a string', { type: 'tab/getVerdict', tabId: '3' }],
    ['a decision with an unknown scope', { type: 'banner/decide', scope: 'everything', duration: 'always' }],
  ])('ignores %s', (_, message) => {
    expectIgnored(message, content);
    expectIgnored(message, popup);
  });

  it('drops a __proto__ key instead of carrying it along', async () => {
    const h = handlers();
    const raw = JSON.parse('{"type":"tab/checkPage","tabId":3,"__proto__":{"polluted":true}}') as unknown;
    await routeMessage(raw, popup as never, h, self);
    expect(h['tab/checkPage']).toHaveBeenCalledWith({ type: 'tab/checkPage', tabId: 3 }, {});
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('rejects a 5 MB payload quickly (limits, not a full walk)', () => {
    const blocks = Array.from({ length: 100_000 }, () => block);
    const started = performance.now();
    expectIgnored({ ...report, blocks }, content);
    // generous: this is a smoke check that the array limit is checked before its items
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
