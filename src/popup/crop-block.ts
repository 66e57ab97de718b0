/**
 * Cuts the flagged block out of the tab's screenshot, so the report shows the ad itself beside
 * the full view. The block's box is in the page's CSS px; the screenshot is in device px, so
 * the scale is the screenshot's width over the viewport's.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** room around the block, CSS px */
const MARGIN = 8;

/** The part of `box` (plus a margin) inside the viewport, in screenshot px; undefined when nothing is on screen. */
export function cropBox(box: Box, viewport: { width: number; height: number }, image: { width: number; height: number }): Box | undefined {
  if (viewport.width <= 0 || viewport.height <= 0) return undefined;
  const scale = image.width / viewport.width;
  const left = Math.max(0, box.x - MARGIN);
  const top = Math.max(0, box.y - MARGIN);
  const right = Math.min(viewport.width, box.x + box.width + MARGIN);
  const bottom = Math.min(viewport.height, box.y + box.height + MARGIN);
  if (right - left < 1 || bottom - top < 1) return undefined;
  const x = Math.floor(left * scale);
  const y = Math.floor(top * scale);
  return {
    x,
    y,
    width: Math.min(image.width - x, Math.ceil((right - left) * scale)),
    height: Math.min(image.height - y, Math.ceil((bottom - top) * scale)),
  };
}

function loadImage(dataUrl: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the screenshot did not load'));
    image.src = dataUrl;
  });
}

/** A PNG data URL of the block's part of the screenshot, or undefined when it is off screen. */
export async function cropBlock(screenshot: string, viewport: { width: number; height: number }, box: Box): Promise<string | undefined> {
  const image = await loadImage(screenshot);
  const area = cropBox(box, viewport, { width: image.naturalWidth, height: image.naturalHeight });
  if (!area) return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = area.width;
  canvas.height = area.height;
  canvas.getContext('2d')?.drawImage(image, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  return canvas.toDataURL('image/png');
}
