import { PNG } from 'pngjs';

/** A decoded PNG (a data URL or the bytes of a file), for counting the pixels of a colour in a box. */
export interface Pixels {
  width: number;
  height: number;
  data: Buffer;
}

export function decodePng(source: string | Buffer): Pixels {
  const bytes = typeof source === 'string' ? Buffer.from(source.replace(/^data:image\/png;base64,/, ''), 'base64') : source;
  const png = PNG.sync.read(bytes);
  return { width: png.width, height: png.height, data: png.data };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** "rgb(255, 251, 250)" → [255, 251, 250] */
export function parseRgb(css: string): [number, number, number] | undefined {
  const match = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * How many pixels inside `box` (CSS px; `scale` device px per CSS px) have exactly one of
 * `colours`, and how many pixels the box holds.
 */
export function countColours(pixels: Pixels, box: Box, scale: number, colours: readonly [number, number, number][]): { matching: number; total: number } {
  const left = Math.max(0, Math.floor(box.x * scale));
  const top = Math.max(0, Math.floor(box.y * scale));
  const right = Math.min(pixels.width, Math.ceil((box.x + box.width) * scale));
  const bottom = Math.min(pixels.height, Math.ceil((box.y + box.height) * scale));
  let matching = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left; x < right; x++) {
      const i = (y * pixels.width + x) * 4;
      const [r, g, b] = [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]];
      if (colours.some(([cr, cg, cb]) => cr === r && cg === g && cb === b)) matching++;
    }
  }
  return { matching, total: Math.max(0, right - left) * Math.max(0, bottom - top) };
}
