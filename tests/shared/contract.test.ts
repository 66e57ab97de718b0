import { describe, expect, it, vi } from 'vitest';
import { defineRequest, routeRequest, senderOf, type Handlers, type SenderKind } from '../../src/shared/contract';
import { z } from '../../src/shared/zod';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const senders = {
  content: { id: 'our-id', url: 'https://page.example/', frameId: 2, tab: { id: 7, index: 1, windowId: 1 } },
  topFrame: { id: 'our-id', url: 'https://page.example/', frameId: 0, tab: { id: 7, index: 1, windowId: 1 } },
  popup: { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' },
  worker: { id: 'our-id', url: 'chrome-extension://our-id/service-worker-loader.js' },
  otherExtension: { id: 'evil', url: 'chrome-extension://evil/bg.js' },
};

describe('senderOf', () => {
  it.each<[SenderKind, keyof typeof senders, boolean]>([
    ['content', 'content', true],
    ['content', 'topFrame', true],
    ['content', 'popup', false],
    ['top-frame', 'content', false],
    ['top-frame', 'topFrame', true],
    ['extension-page', 'popup', true],
    ['extension-page', 'worker', false],
    ['extension-page', 'content', false],
    ['extension', 'popup', true],
    ['extension', 'worker', true],
    ['extension', 'content', false],
    ['background', 'worker', true],
    ['background', 'popup', false],
    ['background', 'content', false],
    ['content', 'otherExtension', false],
    ['background', 'otherExtension', false],
  ])('%s from %s: %s', (kind, who, ok) => {
    expect(senderOf(kind, senders[who] as never, self) !== undefined).toBe(ok);
  });

  it('takes tab, frame and URL of a content sender from the browser stamp', () => {
    expect(senderOf('content', senders.content as never, self)).toEqual({ tabId: 7, frameId: 2, url: 'https://page.example/', tabIndex: 1, windowId: 1 });
  });
});

describe('routeRequest', () => {
  const Echo = defineRequest('test/echo', 'extension-page', () => z.object({ type: z.literal('test/echo'), text: z.string() }), () => z.object({ text: z.string() }));
  const Poke = defineRequest('test/poke', 'content', () => z.object({ type: z.literal('test/poke') }), () => z.object({ ok: z.literal(true) }));
  const requests = [Echo, Poke] as const;
  const handlers = (): Handlers<typeof requests> => ({
    'test/echo': vi.fn(({ text }) => ({ text })),
    'test/poke': vi.fn(() => ({ ok: true as const })),
  });

  it('hands a parsed message and the sender to its handler, and returns a promise of the reply', async () => {
    const h = handlers();
    await expect(routeRequest(requests, h, { type: 'test/echo', text: 'hi', extra: 1 }, senders.popup as never, self)).resolves.toEqual({ text: 'hi' });
    expect(h['test/echo']).toHaveBeenCalledWith({ type: 'test/echo', text: 'hi' }, {});
    await routeRequest(requests, h, { type: 'test/poke' }, senders.content as never, self);
    expect(h['test/poke']).toHaveBeenCalledWith({ type: 'test/poke' }, expect.objectContaining({ tabId: 7, frameId: 2 }));
  });

  it.each([
    ['a type nobody here receives', { type: 'test/other' }, senders.popup],
    ['a message that does not parse', { type: 'test/echo', text: 5 }, senders.popup],
    ['the wrong kind of sender', { type: 'test/echo', text: 'hi' }, senders.content],
    ['another extension', { type: 'test/echo', text: 'hi' }, { ...senders.popup, id: 'evil' }],
    ['no object at all', 'test/echo', senders.popup],
    ['null', null, senders.popup],
  ])('leaves %s unanswered', (_, raw, sender) => {
    const h = handlers();
    expect(routeRequest(requests, h, raw, sender as never, self)).toBeUndefined();
    expect(h['test/echo']).not.toHaveBeenCalled();
    expect(h['test/poke']).not.toHaveBeenCalled();
  });
});
