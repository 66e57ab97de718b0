/**
 * Chrome's offscreen document (reason WORKERS): hosts the OCR engine, which needs WASM, canvas and
 * more memory than the service worker should hold. It answers only our own background's
 * `offscreen/readRegions`; every other message (the popup's, content scripts') is not for it.
 */
import { browser, type Runtime } from '../shared/browser';
import { readRegions } from '../ocr/extension-ocr';
import { OcrReadRegions } from '../ocr/ocr-request';

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || sender.tab !== undefined) return undefined;
  const parsed = OcrReadRegions.safeParse(raw);
  if (!parsed.success) return undefined;
  return readRegions(parsed.data);
});
