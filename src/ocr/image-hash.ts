import type { RgbaImage } from './raster';

/**
 * A cache key for what an image shows: FNV-1a over its size and a coarse grid of its pixels,
 * quantised so that a re-encoded or sub-pixel-shifted screenshot of the same ad hits the cache.
 */
export function imageHash(image: RgbaImage): string {
  let hash = 0x811c9dc5;
  const mix = (byte: number): void => {
    hash ^= byte & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  mix(image.width >> 2);
  mix(image.height >> 2);
  const grid = 16;
  for (let gy = 0; gy < grid; gy++) {
    const y = Math.min(image.height - 1, Math.floor(((gy + 0.5) * image.height) / grid));
    for (let gx = 0; gx < grid; gx++) {
      const x = Math.min(image.width - 1, Math.floor(((gx + 0.5) * image.width) / grid));
      const i = (y * image.width + x) * 4;
      for (let ch = 0; ch < 3; ch++) mix((image.data[i + ch] ?? 0) >> 4);
    }
  }
  return hash.toString(16).padStart(8, '0');
}
