import { z } from '../shared/zod';

/**
 * The background's request to whatever hosts the OCR engine (the offscreen document in Chrome,
 * the background page itself in Firefox), and its reply. Rectangles are CSS px of the viewport.
 */
export const ViewportRect = z.object({
  x: z.number().check(z.gte(0)),
  y: z.number().check(z.gte(0)),
  width: z.number().check(z.positive(), z.lte(8192)),
  height: z.number().check(z.positive(), z.lte(8192)),
});

export const OcrReadRegions = z.object({
  type: z.literal('offscreen/readRegions'),
  screenshot: z.string().check(z.startsWith('data:image/'), z.maxLength(50_000_000)),
  /** the viewport the rectangles are measured in (CSS px); the screenshot is this × devicePixelRatio */
  viewport: z.object({ width: z.number().check(z.positive()), height: z.number().check(z.positive()) }),
  regions: z.array(z.object({ key: z.string().check(z.minLength(1), z.maxLength(200)), rect: ViewportRect })).check(z.maxLength(8)),
});
export type OcrReadRegions = z.infer<typeof OcrReadRegions>;

export const RegionReading = z.object({
  key: z.string(),
  hash: z.string(),
  text: z.string().check(z.maxLength(2000)),
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
