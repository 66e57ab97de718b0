/**
 * Counters of the image reading, in storage.session: the e2e tests read them to show that pages
 * without ad-like images run no OCR at all (no capture, no engine start).
 */
import { browser } from '../shared/browser';

export const OCR_STATS_KEY = 'ocr:stats';

export interface OcrStats {
  /** image/read requests that got past the checks */
  requests: number;
  captures: number;
  /** regions read by the engine (not served from the hash cache) */
  ocrRuns: number;
  /** offscreen documents created (Chrome) / engine modules loaded (Firefox) */
  hostStarts: number;
}

export const EMPTY_OCR_STATS: OcrStats = { requests: 0, captures: 0, ocrRuns: 0, hostStarts: 0 };

let pending = Promise.resolve();

export function bumpOcrStats(delta: Partial<OcrStats>): Promise<void> {
  pending = pending.then(async () => {
    const stored = (await browser.storage.session.get(OCR_STATS_KEY))[OCR_STATS_KEY] as Partial<OcrStats> | undefined;
    const next: OcrStats = { ...EMPTY_OCR_STATS, ...stored };
    for (const key of Object.keys(delta) as (keyof OcrStats)[]) next[key] += delta[key] ?? 0;
    await browser.storage.session.set({ [OCR_STATS_KEY]: next });
  }).catch(() => undefined);
  return pending;
}
