import { z } from '../shared/zod';

/**
 * The background's request to whatever hosts the OCR engine (the offscreen document in Chrome,
 * the background page itself in Firefox), and its reply. Rectangles are CSS px of the viewport.
 */
export const ViewportRect = z.object({
  x: z.number().finite().min(0),
  y: z.number().finite().min(0),
  width: z.number().finite().positive().max(8192),
  height: z.number().finite().positive().max(8192),
});

export const OcrReadRegions = z.object({
  type: z.literal('offscreen/readRegions'),
  screenshot: z.string().startsWith('data:image/').max(50_000_000),
  /** the viewport the rectangles are measured in (CSS px); the screenshot is this × devicePixelRatio */
  viewport: z.object({ width: z.number().positive(), height: z.number().positive() }),
  regions: z.array(z.object({ key: z.string().min(1).max(200), rect: ViewportRect })).max(8),
});
export type OcrReadRegions = z.infer<typeof OcrReadRegions>;

export const RegionReading = z.object({
  key: z.string(),
  hash: z.string(),
  text: z.string().max(2000),
  cropDataUrl: z.string(),
  /** served from the hash cache: no OCR ran */
  cached: z.boolean(),
  ms: z.number(),
});
export type RegionReading = z.infer<typeof RegionReading>;

export const OcrReadRegionsReply = z.union([
  z.object({ ok: z.literal(true), readings: z.array(RegionReading) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type OcrReadRegionsReply = z.infer<typeof OcrReadRegionsReply>;
