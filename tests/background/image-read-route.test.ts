import { describe, expect, it } from 'vitest';
import { mockHandlers, routeMessage } from '../helpers/background-handlers';

const self = { id: 'our-id', origin: 'chrome-extension://our-id/' };
const topFrame = { id: 'our-id', url: 'https://page.example/', frameId: 0, tab: { id: 7, index: 1, windowId: 1 } };
const popup = { id: 'our-id', url: 'chrome-extension://our-id/src/popup/index.html' };
const read = { type: 'image/read', viewport: { width: 1100, height: 800 }, images: [{ key: 'image:1', rect: { x: 10, y: 20, width: 300, height: 100 } }] };

const handlers = mockHandlers;

describe('routing of image reading (OCR)', () => {
  it('reads images for the sending tab, whatever the payload says', async () => {
    const h = handlers();
    await routeMessage({ ...read, tabId: 99 }, topFrame as never, h, self);
    expect(h['image/read']).toHaveBeenCalledWith(expect.objectContaining({ type: 'image/read' }), expect.objectContaining({ tabId: 7 }));
  });

  it.each([
    ['a subframe', { ...topFrame, frameId: 3 }, read],
    ['another extension', { ...topFrame, id: 'other' }, read],
    ['an extension page', { ...popup, tab: { id: 3, index: 0 }, frameId: 0 }, read],
    ['too many images', topFrame, { ...read, images: Array.from({ length: 4 }, (_, i) => ({ key: `image:${i}`, rect: read.images[0]?.rect })) }],
    ['no image', topFrame, { ...read, images: [] }],
    ['a negative rectangle', topFrame, { ...read, images: [{ key: 'k', rect: { x: -5, y: 0, width: 100, height: 50 } }] }],
    ['crops asked by a page', topFrame, { type: 'tab/getImageCrops', tabId: 7 }],
  ])('ignores a request from %s', (_, sender, message) => {
    const h = handlers();
    expect(routeMessage(message, sender as never, h, self)).toBeUndefined();
    expect(h['image/read']).not.toHaveBeenCalled();
    expect(h['tab/getImageCrops']).not.toHaveBeenCalled();
  });

  it('gives the crops to our own pages', async () => {
    const h = handlers();
    await expect(routeMessage({ type: 'tab/getImageCrops', tabId: 7 }, popup as never, h, self)).resolves.toEqual({ crops: [] });
    expect(h['tab/getImageCrops']).toHaveBeenCalledWith({ type: 'tab/getImageCrops', tabId: 7 }, {});
  });
});
