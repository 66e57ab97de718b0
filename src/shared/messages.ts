/**
 * Every message fcs-guard sends, one discriminated union per receiving context.
 * Receivers `safeParse`; tabId/frameId of content messages come from `sender`, never from here.
 */
import { z } from './zod';
import { lazySchema } from '../engine/lazy-schema';
import { CUE_KINDS, LURE_CATEGORIES } from '../engine/pack-schema';
import { LIMITS } from './limits';

const id = lazySchema(() =>
  z.string().check(z.minLength(1), z.maxLength(LIMITS.idChars)),
);
const offset = lazySchema(() =>
  z.int().check(z.gte(0), z.lte(LIMITS.blockChars)),
);
const level = lazySchema(() =>
  z.enum(['none', 'low', 'medium', 'high']),
);
const tabId = lazySchema(() =>
  z.int().check(z.gte(0)),
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
    /** 'image': the text was read (OCR) from an image on the page */
    source: z.optional(z.enum(['text', 'image'])),
  }),
);
export type BlockReport = z.infer<typeof BlockReportSchema>;

// ── to the background ────────────────────────────────────────────────────────

export const ScanReport = lazySchema(() =>
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
);

export const BannerOpenDetails = lazySchema(() =>
  z.object({ type: z.literal('banner/openDetails') }),
);
export const TabGetVerdict = lazySchema(() =>
  z.object({ type: z.literal('tab/getVerdict'), tabId }),
);
export const TabCheckPage = lazySchema(() =>
  z.object({ type: z.literal('tab/checkPage'), tabId }),
);

/** "not a scam" from the banner: the page or site is the sender's top-frame URL, never the payload's */
export const BannerDecide = lazySchema(() =>
  z.object({
    type: z.literal('banner/decide'),
    scope: z.enum(['page', 'site']),
    duration: z.enum(['hour', 'always']),
  }),
);

/** the top frame asks to read ad-like images on screen; rectangles are CSS px of its viewport */
export const ImageRead = lazySchema(() =>
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
);

/** the crops of images read in a tab, for the evidence kit */
export const TabGetImageCrops = lazySchema(() =>
  z.object({ type: z.literal('tab/getImageCrops'), tabId }),
);

/** "mute this rule" from the banner */
export const BannerMute = lazySchema(() =>
  z.object({ type: z.literal('banner/mute'), ruleId: id }),
);

export const ToBackground = lazySchema(() =>
  z.discriminatedUnion('type', [ScanReport, BannerOpenDetails, TabGetVerdict, TabCheckPage, BannerDecide, ImageRead, TabGetImageCrops, BannerMute]),
);
export type ToBackground = z.infer<typeof ToBackground>;

// ── to a content script ──────────────────────────────────────────────────────

/** a flagged block of the top frame and the spans of its live lures, for highlighting in place */
export const FlaggedBlockSchema = lazySchema(() =>
  z.object({
    key: id,
    spans: z.array(z.object({ start: offset, end: offset })).check(z.maxLength(LIMITS.hitsPerBlock)),
  }),
);
export type FlaggedBlock = z.infer<typeof FlaggedBlockSchema>;

export const BannerShow = lazySchema(() =>
  z.object({
    type: z.literal('banner/show'),
    level,
    titles: z.array(z.string().check(z.maxLength(LIMITS.titleChars))).check(z.maxLength(LIMITS.bannerTitles)),
    /** a flagged lure was read from an image on the page */
    inImage: z.optional(z.boolean()),
    flagged: z.optional(z.array(FlaggedBlockSchema).check(z.maxLength(LIMITS.blocksPerReport))),
    /** the rules behind `titles`, so the banner can offer "mute this rule" */
    rules: z.optional(
      z.array(z.object({ ruleId: id, title: z.string().check(z.maxLength(LIMITS.titleChars)) })).check(z.maxLength(LIMITS.bannerTitles)),
    ),
    /** the lure categories behind `titles`, for the banner's plain-words sentences */
    categories: z.optional(z.array(z.enum(LURE_CATEGORIES)).check(z.maxLength(LURE_CATEGORIES.length))),
  }),
);
export const ContentRescan = lazySchema(() =>
  z.object({ type: z.literal('content/rescan') }),
);
export const ContentPing = lazySchema(() =>
  z.object({ type: z.literal('content/ping') }),
);

/** the user allowed the page from the popup: take the banner away */
export const BannerHide = lazySchema(() =>
  z.object({ type: z.literal('banner/hide') }),
);
/** the popup's evidence kit asks the top frame for the text of its flagged blocks */
export const EvidenceCollect = lazySchema(() =>
  z.object({ type: z.literal('evidence/collect') }),
);

export const ToContent = lazySchema(() =>
  z.discriminatedUnion('type', [BannerShow, ContentRescan, ContentPing, BannerHide, EvidenceCollect]),
);
export type ToContent = z.infer<typeof ToContent>;

// ── replies, one per request ─────────────────────────────────────────────────

export const AckReply = lazySchema(() =>
  z.object({ ok: z.literal(true) }),
);
export type AckReply = z.infer<typeof AckReply>;

export const PingReply = lazySchema(() =>
  z.object({ ok: z.literal(true), docId: id }),
);
export type PingReply = z.infer<typeof PingReply>;

export const RescanReply = lazySchema(() =>
  z.object({ ok: z.literal(true), blocks: z.int().check(z.gte(0)) }),
);
export type RescanReply = z.infer<typeof RescanReply>;

export const EvidenceReply = lazySchema(() =>
  z.object({
    ok: z.literal(true),
    blocks: z.array(z.string().check(z.maxLength(LIMITS.blockChars))).check(z.maxLength(LIMITS.blocksPerReport)),
  }),
);
export type EvidenceReply = z.infer<typeof EvidenceReply>;

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

/** What the popup shows for one tab. */
export const TabVerdict = lazySchema(() =>
  z.object({
    scanned: z.boolean(),
    level,
    score: z.number().check(z.gte(0), z.lte(100)),
    flaggedBlocks: z.int().check(z.gte(0)),
    antiFraudPage: z.boolean(),
    reasons: z.array(z.enum(['quoted', 'negated', 'warning-context', 'own-lender', 'anti-fraud-page'])),
    lures: z.array(LureView),
    /** a frame of the tab changes so fast that its scanning was slowed down (backed off) for now */
    scanPaused: z.optional(z.boolean()),
  }),
);
export type TabVerdict = z.infer<typeof TabVerdict>;

export const GetVerdictReply = TabVerdict;
export const CheckPageReply = lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), verdict: TabVerdict }),
    z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(500)) }),
  ]),
);
export type CheckPageReply = z.infer<typeof CheckPageReply>;

export const ImageReadReply = lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), readings: z.array(z.object({ key: id, text: z.string().check(z.maxLength(LIMITS.blockChars)) })) }),
    z.object({ ok: z.literal(false), error: z.string().check(z.maxLength(500)) }),
  ]),
);
export type ImageReadReply = z.infer<typeof ImageReadReply>;

export const ImageCropsReply = lazySchema(() =>
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
export type ImageCropsReply = z.infer<typeof ImageCropsReply>;

/** Reply schema for each request type, so a sender can validate what came back. */
export const REPLIES = {
  'scan/report': AckReply,
  'banner/openDetails': AckReply,
  'banner/decide': AckReply,
  'banner/mute': AckReply,
  'banner/hide': AckReply,
  'evidence/collect': EvidenceReply,
  'tab/getVerdict': GetVerdictReply,
  'tab/checkPage': CheckPageReply,
  'image/read': ImageReadReply,
  'tab/getImageCrops': ImageCropsReply,
  'banner/show': AckReply,
  'content/rescan': RescanReply,
  'content/ping': PingReply,
} as const satisfies Record<ToBackground['type'] | ToContent['type'], z.ZodMiniType>;
