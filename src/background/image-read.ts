/**
 * `image/read` from a top frame: take one screenshot of the visible tab (the pixels already on
 * screen: no image is fetched again, cross-origin ones included), have the on-device engine read
 * the image rectangles, keep the crops for the evidence kit, and answer with the text.
 */
import { browser } from '../shared/browser';
import type { MessageOf, ReplyOf } from '../shared/contract';
import type { ImageRead } from '../shared/messages';
import { imageCropsKey } from '../shared/storage-keys';
import { readRegionsOnDevice } from './ocr-host';

/** Chrome allows 2 captureVisibleTab calls per second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) */
const CAPTURE_INTERVAL_MS = 600;
const MAX_KEPT_CROPS = 3;

export interface ImageCrop {
  key: string;
  hash: string;
  text: string;
  dataUrl: string;
  /** time the engine took for it (0 when served from the cache) */
  ms?: number;
}

let lastCapture = 0;
let captureQueue: Promise<unknown> = Promise.resolve();

function captureVisible(windowId: number): Promise<string> {
  const capture = captureQueue.then(async () => {
    const wait = lastCapture + CAPTURE_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lastCapture = Date.now();
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  });
  captureQueue = capture.catch(() => undefined);
  return capture;
}

export async function readImagesInTab(tabId: number, message: MessageOf<typeof ImageRead>): Promise<ReplyOf<typeof ImageRead>> {
  try {
    const tab = await browser.tabs.get(tabId);
    // captureVisibleTab shows the window's active tab: a background tab's images are not on screen
    if (!tab.active || tab.windowId === undefined) return { ok: false, error: 'tab not visible' };
    const screenshot = await captureVisible(tab.windowId);
    const reply = await readRegionsOnDevice({
      screenshot,
      viewport: message.viewport,
      regions: message.images,
    });
    if (!reply.ok) return { ok: false, error: reply.error.slice(0, 500) };
    await keepCrops(tabId, reply.readings.map((r) => ({ key: r.key, hash: r.hash, text: r.text, dataUrl: r.cropDataUrl, ms: r.ms })));
    return { ok: true, readings: reply.readings.map((r) => ({ key: r.key, text: r.text })) };
  } catch (error) {
    return { ok: false, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
  }
}

async function keepCrops(tabId: number, crops: ImageCrop[]): Promise<void> {
  const key = imageCropsKey(tabId);
  const previous = ((await browser.storage.session.get(key))[key] as ImageCrop[] | undefined) ?? [];
  const merged = [...crops, ...previous.filter((p) => !crops.some((c) => c.hash === p.hash))].slice(0, MAX_KEPT_CROPS);
  await browser.storage.session.set({ [key]: merged });
}

/** The crops read in a tab, newest first, as PNG data URLs: for the evidence kit. */
export async function imageCropsOf(tabId: number): Promise<ImageCrop[]> {
  const key = imageCropsKey(tabId);
  return ((await browser.storage.session.get(key))[key] as ImageCrop[] | undefined) ?? [];
}

export function forgetImageCrops(tabId: number): Promise<void> {
  return browser.storage.session.remove(imageCropsKey(tabId));
}
