import { resizeImage, type PixelRect, type RgbaImage } from './raster';

/**
 * PP-OCRv4 text detection (DB) around the ONNX model: the input tensor and the boxes from its
 * probability map. PaddleOCR's own post-processing fits rotated rectangles with OpenCV; ads set
 * their lure horizontally, so axis-aligned boxes of connected components do the job without
 * shipping 10 MB of opencv.js.
 */
const MEAN = [0.485, 0.456, 0.406] as const;
const STD = [0.229, 0.224, 0.225] as const;
const LIMIT_SIDE = 960;
const BASE = 32;
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.5;
const UNCLIP_RATIO = 1.6;
const MIN_SIDE = 3;
const MIN_GLYPH_PX = 8;

export interface DetectionInput {
  data: Float32Array;
  width: number;
  height: number;
  /** input pixels per source pixel, per axis */
  scaleX: number;
  scaleY: number;
}

export function detectionInput(image: RgbaImage): DetectionInput {
  const longest = Math.max(image.width, image.height);
  // small crops are scaled up a little: DB finds thin strokes better at ≥ 2× a 12 px glyph
  const scale = longest > LIMIT_SIDE ? LIMIT_SIDE / longest : Math.min(2, LIMIT_SIDE / longest, Math.max(1, 640 / longest));
  const width = Math.max(BASE, Math.round((image.width * scale) / BASE) * BASE);
  const height = Math.max(BASE, Math.round((image.height * scale) / BASE) * BASE);
  const resized = resizeImage(image, width, height);
  return {
    data: toPlanarBgr(resized, MEAN, STD),
    width,
    height,
    scaleX: width / image.width,
    scaleY: height / image.height,
  };
}

/** the model was trained on OpenCV's BGR order: planes B, G, R, each (v/255 − mean) / std */
export function toPlanarBgr(image: RgbaImage, mean: readonly number[], std: readonly number[]): Float32Array {
  const plane = image.width * image.height;
  const out = new Float32Array(plane * 3);
  const src = image.data;
  for (let i = 0; i < plane; i++) {
    const r = (src[i * 4] ?? 0) / 255;
    const g = (src[i * 4 + 1] ?? 0) / 255;
    const b = (src[i * 4 + 2] ?? 0) / 255;
    out[i] = (b - (mean[0] ?? 0)) / (std[0] ?? 1);
    out[plane + i] = (g - (mean[1] ?? 0)) / (std[1] ?? 1);
    out[2 * plane + i] = (r - (mean[2] ?? 0)) / (std[2] ?? 1);
  }
  return out;
}

/** text boxes in source-image pixels, top to bottom, then left to right */
export function boxesFromProbabilities(
  probabilities: Float32Array,
  input: Pick<DetectionInput, 'width' | 'height' | 'scaleX' | 'scaleY'>,
  source: { width: number; height: number },
): PixelRect[] {
  const { width, height } = input;
  const label = new Int32Array(width * height);
  const stack: number[] = [];
  const boxes: PixelRect[] = [];
  let next = 0;
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || (probabilities[start] ?? 0) <= PIXEL_THRESHOLD) continue;
    next++;
    let minX = width, minY = height, maxX = 0, maxY = 0, sum = 0, count = 0;
    label[start] = next;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      const x = p % width;
      const y = (p - x) / width;
      sum += probabilities[p] ?? 0;
      count++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (const q of [p - 1, p + 1, p - width, p + width]) {
        if (q < 0 || q >= label.length) continue;
        if ((q === p - 1 && x === 0) || (q === p + 1 && x === width - 1)) continue;
        if (label[q] !== 0 || (probabilities[q] ?? 0) <= PIXEL_THRESHOLD) continue;
        label[q] = next;
        stack.push(q);
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (Math.min(w, h) < MIN_SIDE || sum / count < BOX_THRESHOLD) continue;
    // DB shrinks text regions when training; grow them back by area × ratio / perimeter
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    const x0 = Math.max(0, (minX - grow) / input.scaleX);
    const y0 = Math.max(0, (minY - grow) / input.scaleY);
    const x1 = Math.min(source.width, (maxX + 1 + grow) / input.scaleX);
    const y1 = Math.min(source.height, (maxY + 1 + grow) / input.scaleY);
    // specks of texture (a checkered background) pass the thresholds; no readable glyph is that small
    if (y1 - y0 < MIN_GLYPH_PX || x1 - x0 < MIN_GLYPH_PX) continue;
    boxes.push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return sortReadingOrder(boxes);
}

function sortReadingOrder(boxes: PixelRect[]): PixelRect[] {
  return boxes.sort((a, b) => {
    const sameLine = Math.abs(a.y + a.height / 2 - (b.y + b.height / 2)) < Math.min(a.height, b.height) / 2;
    return sameLine ? a.x - b.x : a.y - b.y;
  });
}
