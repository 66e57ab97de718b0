import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { OcrEngine, PpOcrAssets } from '../../src/ocr/ppocr-engine';
import { OCR_ASSET_DIR } from '../../src/shared/extension-paths';
import { loadPpOcrModels, SHIPPED_QUANTIZATION } from '../build/ocr-models';
import type { QuantizeOptions } from '../build/quantize-onnx';
import { createNodePpOcr, createNodeTesseract, DEBIAN_FAST_CHI_SIM, tesseractDataFile, type TesseractData } from './ocr-engines-node';

/**
 * The OCR candidates `npm run bench:ocr` compares, each with the files it would add to a store zip.
 * A candidate's zip size is those files deflated as the build's zip deflates them, plus the rest of
 * the built extension (everything but the OCR models and WASM) when a build is there to measure.
 */
const require = createRequire(import.meta.url);

export interface OcrCandidate {
  name: string;
  ships: boolean;
  create(): Promise<OcrEngine & { close?: () => Promise<void> }>;
  /** the bytes of the files this engine ships; undefined when they are not on this machine */
  files(): Uint8Array[] | undefined;
}

/** a file's share of a zip: deflate at level 9 (as the build's archiver) plus its two headers */
export function zippedSize(bytes: Uint8Array, nameLength = 40): number {
  return deflateRawSync(bytes, { level: 9 }).length + 76 + 2 * nameLength;
}

/** the built extension minus its OCR models and WASM, as zipped; undefined without a build */
export function restOfZip(builtDir: string): number | undefined {
  if (!existsSync(join(builtDir, 'manifest.json'))) return undefined;
  let total = 22;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      const name = relative(builtDir, path);
      if (name === '.vite') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith(`${OCR_ASSET_DIR}/`) && !name.endsWith('.wasm')) total += zippedSize(readFileSync(path), name.length);
    }
  };
  walk(builtDir);
  return total;
}

function ortWasm(packageDir: string): { file: string; label: string } {
  // onnxruntime-web ≤ 1.18 ships a non-threaded SIMD build; later releases only the threaded one
  const nonThreaded = join(packageDir, 'dist/ort-wasm-simd.wasm');
  if (existsSync(nonThreaded)) return { file: nonThreaded, label: 'non-threaded SIMD WASM' };
  return { file: join(packageDir, 'dist/ort-wasm-simd-threaded.wasm'), label: 'threaded SIMD WASM' };
}

function ortVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

const INSTALLED_ORT = dirname(dirname(require.resolve('onnxruntime-web/wasm')));

function ppocr(quantization: QuantizeOptions | null, ortPackageDir = INSTALLED_ORT): OcrCandidate {
  const wasm = ortWasm(ortPackageDir);
  const weights = quantization ? `${quantization.bits}-bit weights` : 'float32';
  const shipped = quantization?.bits === SHIPPED_QUANTIZATION.bits && ortPackageDir === INSTALLED_ORT;
  // quantised once, before the engine's start is timed: the extension gets its models ready-made
  let models: PpOcrAssets | undefined;
  const prepared = (): PpOcrAssets => (models ??= loadPpOcrModels(quantization));
  return {
    name: `PP-OCRv4 ${weights}, onnxruntime-web ${ortVersion(ortPackageDir)} ${wasm.label}`,
    ships: shipped,
    create: () => createNodePpOcr({ models: prepared(), ortPackageDir }),
    files: () => {
      const { detection, recognition, dictionary } = prepared();
      return [readFileSync(wasm.file), detection, recognition, new TextEncoder().encode(dictionary)];
    },
  };
}

function tesseract(data: TesseractData, label: string): OcrCandidate {
  const core = dirname(require.resolve('tesseract.js-core/package.json'));
  const dist = join(dirname(require.resolve('tesseract.js/package.json')), 'dist');
  return {
    name: `tesseract.js 7, chi_sim ${label}`,
    ships: false,
    create: () => createNodeTesseract(data),
    files: () => {
      const file = tesseractDataFile(data);
      if (!file) return undefined;
      return [file, join(core, 'tesseract-core-simd-lstm.wasm'), join(core, 'tesseract-core-simd-lstm.js'), join(dist, 'worker.min.js')].map((f) => readFileSync(f));
    },
  };
}

/** `otherOrt`: an onnxruntime-web package directory to compare with the installed one */
export function ocrCandidates(otherOrt?: string): OcrCandidate[] {
  return [
    ppocr(null),
    ppocr({ ...SHIPPED_QUANTIZATION, bits: 8 }),
    ppocr({ ...SHIPPED_QUANTIZATION, bits: 7 }),
    ppocr({ ...SHIPPED_QUANTIZATION, bits: 6 }),
    ppocr({ ...SHIPPED_QUANTIZATION, bits: 5 }),
    ppocr({ ...SHIPPED_QUANTIZATION, bits: 4 }),
    ...(otherOrt ? [ppocr(null, otherOrt), ppocr(SHIPPED_QUANTIZATION, otherOrt)] : []),
    tesseract({ set: '4.0.0_best_int' }, '4.0.0_best_int'),
    tesseract({ set: '4.0.0' }, '4.0.0 (full)'),
    tesseract({ file: DEBIAN_FAST_CHI_SIM }, 'tessdata_fast (Debian tesseract-ocr-chi-sim)'),
  ];
}
