import type { PixelRect, RgbaImage } from './raster';

/**
 * Cuts image rectangles out of a `tabs.captureVisibleTab` data URL with an OffscreenCanvas
 * (offscreen document in Chrome, background page in Firefox). The pixels are the ones already on
 * screen: nothing is fetched again, and cross-origin images read the same as our own.
 */
export interface Crop {
  image: RgbaImage;
  /** PNG data URL of the crop, for the evidence kit */
  dataUrl: string;
}

/** `rects` are CSS px of `viewport`; scaling by the screenshot's own size covers devicePixelRatio and zoom */
export async function cropsFromScreenshot(
  screenshotDataUrl: string,
  viewport: { width: number; height: number },
  cssRects: readonly PixelRect[],
): Promise<(Crop | undefined)[]> {
  const bitmap = await createImageBitmap(blobFromDataUrl(screenshotDataUrl));
  const sx = bitmap.width / viewport.width;
  const sy = bitmap.height / viewport.height;
  try {
    const crops: (Crop | undefined)[] = [];
    for (const css of cssRects) {
      const rect = { x: css.x * sx, y: css.y * sy, width: css.width * sx, height: css.height * sy };
      const x = Math.max(0, Math.floor(rect.x));
      const y = Math.max(0, Math.floor(rect.y));
      const width = Math.max(1, Math.min(bitmap.width - x, Math.ceil(rect.width)));
      const height = Math.max(1, Math.min(bitmap.height - y, Math.ceil(rect.height)));
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context || x >= bitmap.width || y >= bitmap.height) {
        crops.push(undefined);
        continue;
      }
      context.drawImage(bitmap, x, y, width, height, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height);
      crops.push({
        image: { width, height, data: pixels.data },
        dataUrl: await blobToDataUrl(await canvas.convertToBlob({ type: 'image/png' })),
      });
    }
    return crops;
  } finally {
    bitmap.close();
  }
}

/** decoded here rather than fetched: the extension's CSP allows connections to its own files only */
function blobFromDataUrl(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  const type = /^data:([^;,]+)/.exec(dataUrl)?.[1] ?? 'image/png';
  const binary = atob(dataUrl.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the crop'));
    reader.readAsDataURL(blob);
  });
}
