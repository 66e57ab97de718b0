import { describe, expect, it, vi } from 'vitest';
import { routeRequest, type Handlers } from '../../src/shared/contract';
import { TO_OCR_HOST } from '../../src/shared/messages';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const worker = { id: 'our-id', url: 'chrome-extension://our-id/service-worker-loader.js' };
const read = {
  type: 'offscreen/readRegions',
  screenshot: 'data:image/png;base64,iVBORw0KGgo=',
  viewport: { width: 800, height: 600 },
  regions: [{ key: 'image:1', rect: { x: 0, y: 0, width: 100, height: 50 } }],
};

function handlers(): Handlers<typeof TO_OCR_HOST> {
  return { 'offscreen/readRegions': vi.fn(async () => ({ ok: true as const, readings: [] })) };
}

describe('the OCR host router', () => {
  it('reads regions for our background', async () => {
    const h = handlers();
    await expect(routeRequest(TO_OCR_HOST, h, read, worker as never, self)).resolves.toEqual({ ok: true, readings: [] });
  });

  it.each([
    ['our popup', { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' }, read],
    ['a content script', { id: 'our-id', url: 'https://page.example/', frameId: 0, tab: { id: 3, index: 0 } }, read],
    ['another extension', { ...worker, id: 'evil' }, read],
    ['a screenshot that is not an image', worker, { ...read, screenshot: 'javascript:alert(1)' }],
    ['too many regions', worker, { ...read, regions: Array.from({ length: 9 }, () => read.regions[0]) }],
  ])('ignores a request from %s', (_, sender, message) => {
    const h = handlers();
    expect(routeRequest(TO_OCR_HOST, h, message, sender as never, self)).toBeUndefined();
    expect(h['offscreen/readRegions']).not.toHaveBeenCalled();
  });
});
