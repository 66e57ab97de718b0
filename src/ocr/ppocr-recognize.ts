import { resizeImage, type RgbaImage } from './raster';
import { toPlanarBgr } from './ppocr-detect';

/** PP-OCRv4 recognition (SVTR + CTC) around the ONNX model: the line tensor and the greedy CTC decode */
export const LINE_HEIGHT = 48;
const MAX_WIDTH = LINE_HEIGHT * 40;

export interface RecognitionInput {
  data: Float32Array;
  width: number;
}

export function recognitionInput(line: RgbaImage): RecognitionInput {
  const width = Math.max(8, Math.min(MAX_WIDTH, Math.ceil((line.width * LINE_HEIGHT) / Math.max(1, line.height))));
  const resized = resizeImage(line, width, LINE_HEIGHT);
  return { data: toPlanarBgr(resized, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]), width };
}

/**
 * `logits` is [steps × classes]; class 0 is the CTC blank, class i the (i−1)-th line of
 * ppocr_keys_v1.txt, and the last class a space.
 */
export function decodeCtc(
  logits: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): { text: string; confidence: number } {
  let text = '';
  let previous = 0;
  let confidenceSum = 0;
  let kept = 0;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestValue = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const v = logits[row + c] ?? -Infinity;
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += best - 1 < dictionary.length ? dictionary[best - 1] : ' ';
      confidenceSum += bestValue;
      kept++;
    }
    previous = best;
  }
  return { text, confidence: kept === 0 ? 0 : confidenceSum / kept };
}
