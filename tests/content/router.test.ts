import { describe, expect, it, vi } from 'vitest';
import type { ContentHandlers } from '../../src/content/router';
import { routeRequest } from '../../src/shared/contract';
import { TO_CONTENT } from '../../src/shared/messages';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const worker = { id: 'our-id', url: 'chrome-extension://our-id/service-worker-loader.js' };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' };
const contentScript = { id: 'our-id', url: 'https://page.example/', frameId: 0, tab: { id: 3, index: 0 } };

function handlers(): ContentHandlers {
  return {
    'banner/show': vi.fn(() => ({ ok: true as const })),
    'banner/hide': vi.fn(() => ({ ok: true as const })),
    'banner/conceal': vi.fn(() => ({ ok: true as const })),
    'content/rescan': vi.fn(async () => ({ ok: true as const, blocks: 2 })),
    'content/ping': vi.fn(() => ({ ok: true as const, docId: 'doc' })),
    'evidence/collect': vi.fn(() => ({ ok: true as const, blocks: ['全额平债'] })),
  };
}

describe('the content script router', () => {
  it.each([
    ['banner/show', { type: 'banner/show', level: 'high', titles: ['停息挂账'] }, worker, { ok: true }],
    ['banner/hide', { type: 'banner/hide' }, popup, { ok: true }],
    ['banner/conceal', { type: 'banner/conceal', conceal: true, ms: 2000 }, popup, { ok: true }],
    ['content/rescan', { type: 'content/rescan' }, worker, { ok: true, blocks: 2 }],
    ['content/ping', { type: 'content/ping' }, worker, { ok: true, docId: 'doc' }],
    ['evidence/collect', { type: 'evidence/collect' }, popup, { ok: true, blocks: ['全额平债'] }],
  ] as const)('answers %s from our background or pages', async (type, message, sender, reply) => {
    const h = handlers();
    await expect(routeRequest(TO_CONTENT, h, message, sender as never, self)).resolves.toEqual(reply);
    expect(h[type]).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another extension', { type: 'banner/hide' }, { ...worker, id: 'evil' }],
    ['a content script (of another tab)', { type: 'banner/hide' }, contentScript],
    ['a request of the background', { type: 'scan/report', docId: 'd', replace: true, blocks: [] }, worker],
    ['a banner with an unknown level', { type: 'banner/show', level: 'extreme', titles: [] }, worker],
    ['a conceal of ours from a content script', { type: 'banner/conceal', conceal: true }, contentScript],
    ['a conceal for longer than a screenshot takes', { type: 'banner/conceal', conceal: true, ms: 600_000 }, popup],
  ])('ignores %s', (_, message, sender) => {
    const h = handlers();
    expect(routeRequest(TO_CONTENT, h, message, sender as never, self)).toBeUndefined();
    for (const fn of Object.values(h)) expect(fn).not.toHaveBeenCalled();
  });
});
