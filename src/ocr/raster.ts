/**
 * RGBA pixels and the two operations OCR needs on them, in plain TypeScript so the same code runs
 * in Node (benchmark, unit tests), the offscreen document and Firefox's background page.
 */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row-major RGBA */
  readonly data: Uint8Array | Uint8ClampedArray;
}

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cropImage(image: RgbaImage, rect: PixelRect): RgbaImage {
  const x0 = clamp(Math.round(rect.x), 0, image.width);
  const y0 = clamp(Math.round(rect.y), 0, image.height);
  const x1 = clamp(Math.round(rect.x + rect.width), x0, image.width);
  const y1 = clamp(Math.round(rect.y + rect.height), y0, image.height);
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y0 + row) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/** bilinear resampling, pixel centres aligned (as OpenCV's INTER_LINEAR, which PaddleOCR trained with) */
export function resizeImage(image: RgbaImage, width: number, height: number): RgbaImage {
  const out = new Uint8ClampedArray(width * height * 4);
  const sx = image.width / width;
  const sy = image.height / height;
  const src = image.data;
  for (let y = 0; y < height; y++) {
    const fy = clamp((y + 0.5) * sy - 0.5, 0, image.height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, image.height - 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = clamp((x + 0.5) * sx - 0.5, 0, image.width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, image.width - 1);
      const wx = fx - x0;
      const a = (y0 * image.width + x0) * 4;
      const b = (y0 * image.width + x1) * 4;
      const c = (y1 * image.width + x0) * 4;
      const d = (y1 * image.width + x1) * 4;
      const o = (y * width + x) * 4;
      for (let ch = 0; ch < 4; ch++) {
        const top = (src[a + ch] ?? 0) * (1 - wx) + (src[b + ch] ?? 0) * wx;
        const bottom = (src[c + ch] ?? 0) * (1 - wx) + (src[d + ch] ?? 0) * wx;
        out[o + ch] = top * (1 - wy) + bottom * wy;
      }
    }
  }
  return { width, height, data: out };
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}
