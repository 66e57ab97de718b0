/**
 * Every message fcs-guard sends, each request defined once with its reply and the kind of sender
 * it may come from (contract.ts), grouped by the context that receives it: TO_BACKGROUND,
 * TO_CONTENT, TO_OCR_HOST. Adding a message is one definition here, in its receiver's list, and
 * one handler there (the compiler asks for it). tabId/frameId of content messages come from the
 * browser's `sender`, never from here.
 *
 * Why this file is long: one file defines every message, so that a reader sees the whole
 * contract between the extension's contexts in one place.
 */
import { z } from './zod';
import { lazySchema } from '../engine/lazy-schema';
import { CUE_KINDS, LURE_CATEGORIES } from '../engine/pack-schema';
import { CONTEXT_REASONS, LEVELS } from '../engine/types';
import { defineRequest } from './contract';
import { LIMITS } from './limits';

const id = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(LIMITS.idChars)),
);
const offset = lazySchema(() =>
  z.int().check(z.gte(0), z.lte(LIMITS.blockChars)),
);
const level = lazySchema(() =>
  z.enum(LEVELS),
);
const tabId = lazySchema(() =>
  z.int().check(z.gte(0)),
);
const errorText = lazySchema(() =>
  z.string().check(z.maxLength(500)),
);

export const LureHitSchema = lazySchema(() =>
  z.object({
    ruleId: id,
    start: offset,
    end: offset,
    quoted: z.boolean(),
    negated: z.boolean(),
  }),
);

export const CueHitSchema = lazySchema(() =>
  z.object({ cueId: id, kind: z.enum(CUE_KINDS), start: offset, end: offset }),
);

export const BlockFindingsSchema = lazySchema(() =>
  z.object({
    length: offset,
    lures: z.array(LureHitSchema).check(z.maxLength(LIMITS.hitsPerBlock)),
    cues: z.array(CueHitSchema).check(z.maxLength(LIMITS.hitsPerBlock)),
    contacts: z.int().check(z.gte(0), z.lte(LIMITS.blockChars)),
    /** text hidden from the reader inside the block (engine BlockFindings.evasion) */
    evasion: z.optional(z.boolean()),
  }),
);

export const SnippetSchema = lazySchema(() =>
  z.object({ ruleId: id, text: z.string().check(z.maxLength(LIMITS.snippetChars)) }),
);

export const BlockReportSchema = lazySchema(() =>
  z.object({
    key: id,
    findings: BlockFindingsSchema,
    snippets: z.array(SnippetSchema).check(z.maxLength(LIMITS.snippetsPerBlock)),
    /**
     * 'image': the text was read (OCR) from an image on the page; 'rendered': read (OCR) from how
     * a block of text is drawn, when its DOM text does not say what is drawn (a glyph-swapping font)
     */
    source: z.optional(z.enum(['text', 'image', 'rendered'])),
    /** the block's text, for the blocks the learned model reads (engine wantsModel); read in the background, never stored */
    text: z.optional(z.string().check(z.maxLength(LIMITS.blockChars))),
  }),
);
export type BlockReport = z.infer<typeof BlockReportSchema>;

// ── replies used by several requests ─────────────────────────────────────────

export const AckReply = lazySchema(() =>
  z.object({ ok: z.literal(true) }),
);
export type AckReply = z.infer<typeof AckReply>;

export const LureView = lazySchema(() =>
  z.object({
    ruleId: id,
    category: z.enum(LURE_CATEGORIES),
    title: z.string().check(z.maxLength(LIMITS.titleChars)),
    points: z.number(),
    snippets: z.array(z.string().check(z.maxLength(LIMITS.snippetChars))).check(z.maxLength(3)),
    /** found in the text of an image (OCR) */
    inImage: z.optional(z.boolean()),
  }),
);
export type LureView = z.infer<typeof LureView>;

/**
 * How a page went after the warning: took the banner out of the DOM, changed its attributes or
 * styles, closed it (or hid it by other means), or kept covering it with its own top-layer UI.
 */
export const TAMPER_KINDS = ['removed', 'restyled', 'hidden', 'covered'] as const;
export type TamperKind = (typeof TAMPER_KINDS)[number];

/**
 * The page tried to take the warning away: what it did (each kind once, in the order seen) and
 * when it first did (ms since the epoch). The extension then warned in a window of its own.
 */
export const TamperView = lazySchema(() =>
  z.object({
    kinds: z.array(z.enum(TAMPER_KINDS)).check(z.minLength(1), z.maxLength(TAMPER_KINDS.length)),
    at: z.number().check(z.gte(0)),
  }),
);
export type TamperView = z.infer<typeof TamperView>;

/** What the popup shows for one tab. */
export const TabVerdict = lazySchema(() =>
  z.object({
    scanned: z.boolean(),
    level,
    score: z.number().check(z.gte(0), z.lte(100)),
    flaggedBlocks: z.int().check(z.gte(0)),
    antiFraudPage: z.boolean(),
    reasons: z.array(z.enum(CONTEXT_REASONS)),
    lures: z.array(LureView),
    /** a frame of the tab changes so fast that its scanning was slowed down (backed off) for now */
    scanPaused: z.optional(z.boolean()),
    /**
     * The page tried to hide the warning (removed, restyled, hid or covered the banner), which is
     * itself strong evidence against it; for the popup to say and the evidence report to record.
     */
    tampered: z.optional(TamperView),
  }),
);
export type TabVerdict = z.infer<typeof TabVerdict>;

// ── to the background ────────────────────────────────────────────────────────

export const ScanReport = defineRequest(
  'scan/report',
  'content',
  () =>
    z.object({
      type: z.literal('scan/report'),
      /** random per content-script instance: a new one means a new document in that frame */
      docId: id,
      /** true: these blocks are everything the frame has (full scan); false: add or update */
      replace: z.boolean(),
      blocks: z.array(BlockReportSchema).check(z.maxLength(LIMITS.blocksPerReport)),
      /** the frame changes so constantly that scanning of changes was slowed down (backed off) */
      throttled: z.optional(z.boolean()),
    }),
  () => AckReply,
);

/** 详情 on the banner: open the popup's view of the tab in a tab of its own */
export const BannerOpenDetails = defineRequest(
  'banner/openDetails',
  'top-frame',
  () => z.object({ type: z.literal('banner/openDetails') }),
  () => AckReply,
);

/** "not a scam" from the banner: the page or site is the sender's top-frame URL, never the payload's */
export const BannerDecide = defineRequest(
  'banner/decide',
  'top-frame',
  () =>
    z.object({
      type: z.literal('banner/decide'),
      scope: z.enum(['page', 'site']),
      duration: z.enum(['hour', 'always']),
    }),
  () => AckReply,
);

/**
 * The page took the banner away (or covered it) despite its guard: the background records it on
 * the tab's verdict and, once per tab, warns in a window of the extension's own.
 */
export const BannerTampered = defineRequest(
  'banner/tampered',
  'top-frame',
  () => z.object({ type: z.literal('banner/tampered'), kind: z.enum(TAMPER_KINDS) }),
  () => AckReply,
);

/** the top frame asks to read ad-like images on screen; rectangles are CSS px of its viewport */
export const ImageRead = defineRequest(
  'image/read',
  'top-frame',
  () =>
    z.object({
      type: z.literal('image/read'),
      viewport: z.object({ width: z.number().check(z.positive(), z.lte(16384)), height: z.number().check(z.positive(), z.lte(16384)) }),
      images: z
        .array(
          z.object({
            key: id,
            rect: z.object({
              x: z.number().check(z.gte(0)),
              y: z.number().check(z.gte(0)),
              width: z.number().check(z.positive(), z.lte(16384)),
              height: z.number().check(z.positive(), z.lte(16384)),
            }),
          }),
        )
        .check(z.minLength(1), z.maxLength(LIMITS.imagesPerRead)),
    }),
  () =>
    z.union([
      z.object({ ok: z.literal(true), readings: z.array(z.object({ key: id, text: z.string().check(z.maxLength(LIMITS.blockChars)) })) }),
      z.object({ ok: z.literal(false), error: errorText }),
    ]),
);

export const TabGetVerdict = defineRequest(
  'tab/getVerdict',
  'extension-page',
  () => z.object({ type: z.literal('tab/getVerdict'), tabId }),
  () => TabVerdict,
);

/** 检查此页: inject where needed, rescan, answer with the fresh verdict */
export const TabCheckPage = defineRequest(
  'tab/checkPage',
  'extension-page',
  () => z.object({ type: z.literal('tab/checkPage'), tabId }),
  () =>
    z.union([
      z.object({ ok: z.literal(true), verdict: TabVerdict }),
      z.object({ ok: z.literal(false), error: errorText }),
    ]),
);

/** the crops of images read in a tab, for the evidence kit */
export const TabGetImageCrops = defineRequest(
  'tab/getImageCrops',
  'extension-page',
  () => z.object({ type: z.literal('tab/getImageCrops'), tabId }),
  () =>
    z.object({
      crops: z.array(
        z.object({
          key: z.string(),
          hash: z.string(),
          text: z.string(),
          dataUrl: z.string().check(z.startsWith('data:image/png')),
          ms: z.optional(z.number()),
        }),
      ),
    }),
);

export const TO_BACKGROUND = [
  ScanReport,
  BannerOpenDetails,
  BannerDecide,
  BannerTampered,
  ImageRead,
  TabGetVerdict,
  TabCheckPage,
  TabGetImageCrops,
] as const;

// ── to a content script ──────────────────────────────────────────────────────

/** a flagged block of the top frame and the spans of its live lures, for highlighting in place */
export const FlaggedBlockSchema = lazySchema(() =>
  z.object({
    key: id,
    /** `points`: how much the rule behind the span weighs (none for the model's phrases), so the banner quotes the strongest */
    spans: z.array(z.object({ start: offset, end: offset, points: z.optional(z.number()) })).check(z.maxLength(LIMITS.hitsPerBlock)),
  }),
);
export type FlaggedBlock = z.infer<typeof FlaggedBlockSchema>;

export const BannerShow = defineRequest(
  'banner/show',
  'extension',
  () =>
    z.object({
      type: z.literal('banner/show'),
      level,
      titles: z.array(z.string().check(z.maxLength(LIMITS.titleChars))).check(z.maxLength(LIMITS.bannerTitles)),
      /** a flagged lure was read from an image on the page */
      inImage: z.optional(z.boolean()),
      flagged: z.optional(z.array(FlaggedBlockSchema).check(z.maxLength(LIMITS.blocksPerReport))),
      /** addresses of subframes that hold flagged blocks: the top frame outlines (and keeps off) their frame elements */
      frames: z.optional(z.array(z.string().check(z.maxLength(LIMITS.urlChars))).check(z.maxLength(LIMITS.framesPerBanner))),
      /** the lure categories behind `titles`, for the banner's plain-words sentences */
      categories: z.optional(z.array(z.enum(LURE_CATEGORIES)).check(z.maxLength(LURE_CATEGORIES.length))),
    }),
  () => AckReply,
);
export type BannerShowMessage = z.infer<typeof BannerShow.message>;

/** the user allowed the page from the popup: take the banner away */
export const BannerHide = defineRequest(
  'banner/hide',
  'extension',
  () => z.object({ type: z.literal('banner/hide') }),
  () => AckReply,
);

export const ContentRescan = defineRequest(
  'content/rescan',
  'extension',
  () => z.object({ type: z.literal('content/rescan') }),
  () => z.object({ ok: z.literal(true), blocks: z.int().check(z.gte(0)) }),
);

/** is our content script in this frame? (检查此页 injects it where it is not) */
export const ContentPing = defineRequest(
  'content/ping',
  'extension',
  () => z.object({ type: z.literal('content/ping') }),
  () => z.object({ ok: z.literal(true), docId: id }),
);

/** the popup's evidence kit asks the top frame for the text of its flagged blocks */
export const EvidenceCollect = defineRequest(
  'evidence/collect',
  'extension',
  () => z.object({ type: z.literal('evidence/collect') }),
  () =>
    z.object({
      ok: z.literal(true),
      blocks: z.array(z.string().check(z.maxLength(LIMITS.blockChars))).check(z.maxLength(LIMITS.blocksPerReport)),
    }),
);

/**
 * The evidence kit's screenshot shows the page without fcs-guard's own marks: the top frame
 * hides them (banner, outlines, highlights, cautions) with `hide: true`, waits for a paint and
 * says where the flagged blocks are in its viewport (CSS px, for cutting them out of the
 * capture); `hide: false` puts everything back as it was.
 */
export const EvidenceCaptureView = defineRequest(
  'evidence/captureView',
  'extension',
  () => z.object({ type: z.literal('evidence/captureView'), hide: z.boolean() }),
  () =>
    z.object({
      ok: z.literal(true),
      viewport: z.object({ width: z.number().check(z.gte(0), z.lte(16384)), height: z.number().check(z.gte(0), z.lte(16384)) }),
      blocks: z
        .array(
          z.object({
            x: z.number().check(z.gte(-1_000_000), z.lte(1_000_000)),
            y: z.number().check(z.gte(-1_000_000), z.lte(1_000_000)),
            width: z.number().check(z.gte(0), z.lte(1_000_000)),
            height: z.number().check(z.gte(0), z.lte(1_000_000)),
          }),
        )
        .check(z.maxLength(LIMITS.blocksPerReport)),
    }),
);
export type CaptureViewReply = z.infer<typeof EvidenceCaptureView.reply>;

export const TO_CONTENT = [BannerShow, BannerHide, ContentRescan, ContentPing, EvidenceCollect, EvidenceCaptureView] as const;

// ── to the OCR host (Chrome's offscreen document) ────────────────────────────

export const ViewportRect = lazySchema(() =>
  z.object({
    x: z.number().check(z.gte(0)),
    y: z.number().check(z.gte(0)),
    width: z.number().check(z.positive(), z.lte(8192)),
    height: z.number().check(z.positive(), z.lte(8192)),
  }),
);

export const RegionReading = lazySchema(() =>
  z.object({
    key: z.string(),
    hash: z.string(),
    text: z.string().check(z.maxLength(2000)),
    cropDataUrl: z.string(),
    /** served from the hash cache: no OCR ran */
    cached: z.boolean(),
    ms: z.number(),
  }),
);
export type RegionReading = z.infer<typeof RegionReading>;

/**
 * The background's request to whatever hosts the OCR engine (the offscreen document in Chrome;
 * in Firefox the background page hosts it and calls it directly). Rectangles are CSS px of the viewport.
 */
export const OcrReadRegions = defineRequest(
  'offscreen/readRegions',
  'background',
  () =>
    z.object({
      type: z.literal('offscreen/readRegions'),
      screenshot: z.string().check(z.startsWith('data:image/'), z.maxLength(50_000_000)),
      /** the viewport the rectangles are measured in (CSS px); the screenshot is this × devicePixelRatio */
      viewport: z.object({ width: z.number().check(z.positive()), height: z.number().check(z.positive()) }),
      regions: z.array(z.object({ key: z.string().check(z.minLength(1), z.maxLength(200)), rect: ViewportRect })).check(z.maxLength(8)),
    }),
  () =>
    z.union([
      z.object({ ok: z.literal(true), readings: z.array(RegionReading) }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
);

export const TO_OCR_HOST = [OcrReadRegions] as const;
