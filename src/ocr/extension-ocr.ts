import * as ort from 'onnxruntime-web/wasm';
import { browser } from '../shared/browser';
import { OCR_ASSET_DIR } from '../shared/extension-paths';
import { imageHash } from './image-hash';
import type { PayloadOf, ReplyOf } from '../shared/contract';
import type { OcrReadRegions, RegionReading } from '../shared/messages';
import { createPpOcr, PPOCR_MODEL_FILES, type OcrEngine } from './ppocr-engine';
import { cropsFromScreenshot } from './screenshot-crops';

/**
 * The OCR engine inside the extension: the PP-OCRv4 models (weight-quantised by the build, under
 * ocr/) and the onnxruntime WASM binary (emitted by Vite under assets/) are files of the extension,
 * loaded from its own origin; nothing is downloaded. One engine per document, created on first use; readings cached by image hash.
 */
const CACHE_LIMIT = 64;

let engine: Promise<OcrEngine> | undefined;
const cache = new Map<string, string>();

async function fetchAsset(name: string): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(`${OCR_ASSET_DIR}/${name}`));
  if (!response.ok) throw new Error(`${name}: ${response.status}`);
  return response;
}

function loadEngine(): Promise<OcrEngine> {
  engine ??= (async () => {
    // extension pages are not cross-origin isolated: no SharedArrayBuffer, so one thread, no proxy worker
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    const [detection, recognition, dictionary] = await Promise.all([
      fetchAsset(PPOCR_MODEL_FILES.detection).then((r) => r.arrayBuffer()),
      fetchAsset(PPOCR_MODEL_FILES.recognition).then((r) => r.arrayBuffer()),
      fetchAsset(PPOCR_MODEL_FILES.dictionary).then((r) => r.text()),
    ]);
    return createPpOcr(ort, { detection: new Uint8Array(detection), recognition: new Uint8Array(recognition), dictionary });
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

export async function readRegions(request: PayloadOf<typeof OcrReadRegions>): Promise<ReplyOf<typeof OcrReadRegions>> {
  try {
    const crops = await cropsFromScreenshot(request.screenshot, request.viewport, request.regions.map((r) => r.rect));
    const readings: RegionReading[] = [];
    for (const [i, crop] of crops.entries()) {
      const key = request.regions[i]?.key ?? String(i);
      if (!crop) continue;
      const hash = imageHash(crop.image);
      const start = performance.now();
      let text = cache.get(hash);
      const cached = text !== undefined;
      if (text === undefined) {
        text = (await (await loadEngine()).recognize(crop.image)).text.slice(0, 2000);
        cache.set(hash, text);
        if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      }
      readings.push({ key, hash, text, cropDataUrl: crop.dataUrl, cached, ms: performance.now() - start });
    }
    return { ok: true, readings };
  } catch (error) {
    return { ok: false, error: String(error instanceof Error ? error.message : error).slice(0, 500) };
  }
}
