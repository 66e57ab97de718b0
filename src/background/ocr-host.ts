/**
 * Where the OCR engine runs. Chrome's service worker has no DOM and should not hold the OCR models,
 * so Chrome gets an offscreen document (created on the first image, never for pages without
 * ad-like images). Firefox's MV3 background is an event page with a DOM, so it loads the engine
 * itself, lazily, through a dynamic import that Chrome's worker never reaches.
 */
import { askOcrHost } from '../shared/ask';
import type { PayloadOf, ReplyOf } from '../shared/contract';
import { OcrReadRegions } from '../shared/messages';

export const OFFSCREEN_PAGE = 'src/offscreen/index.html';

/** the part of chrome.offscreen we use; webextension-polyfill has no types for it */
interface OffscreenApi {
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}

function offscreenApi(): OffscreenApi | undefined {
  return (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
}

let creating: Promise<void> | undefined;

async function ensureOffscreenDocument(api: OffscreenApi): Promise<void> {
  if (api.hasDocument && (await api.hasDocument())) return;
  creating ??= api
    .createDocument({
      url: OFFSCREEN_PAGE,
      // BLOBS: the document decodes the screenshot and cuts crops with OffscreenCanvas/Blob;
      // there is no reason code for "runs WASM", which is the other half of why it exists
      reasons: ['BLOBS'],
      justification: 'Reads the text inside ad images on the device (OCR); nothing leaves the computer.',
    })
    .finally(() => (creating = undefined));
  await creating;
}

export async function readRegionsOnDevice(request: PayloadOf<typeof OcrReadRegions>): Promise<ReplyOf<typeof OcrReadRegions>> {
  const api = offscreenApi();
  if (api) {
    await ensureOffscreenDocument(api);
    return askOcrHost(OcrReadRegions, request).catch(() => ({ ok: false, error: 'no answer from the OCR document' }));
  }
  engineModule ??= import('../ocr/extension-ocr');
  return (await engineModule).readRegions(request);
}

let engineModule: Promise<typeof import('../ocr/extension-ocr')> | undefined;
