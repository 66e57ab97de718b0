/**
 * Every message fcs-guard sends, one discriminated union per receiving context.
 * Receivers `safeParse`; tabId/frameId of content messages come from `sender`, never from here.
 */
import { z } from './zod';
import { CUE_KINDS, LURE_CATEGORIES } from '../engine/pack-schema';
import { LIMITS } from './limits';

const id = z.string().min(1).max(LIMITS.idChars);
const offset = z.number().int().min(0).max(LIMITS.blockChars);
const level = z.enum(['none', 'low', 'medium', 'high']);
const tabId = z.number().int().min(0);

export const LureHitSchema = z.object({
  ruleId: id,
  start: offset,
  end: offset,
  quoted: z.boolean(),
  negated: z.boolean(),
});

export const CueHitSchema = z.object({ cueId: id, kind: z.enum(CUE_KINDS), start: offset, end: offset });

export const BlockFindingsSchema = z.object({
  length: offset,
  lures: z.array(LureHitSchema).max(LIMITS.hitsPerBlock),
  cues: z.array(CueHitSchema).max(LIMITS.hitsPerBlock),
  contacts: z.number().int().min(0).max(LIMITS.blockChars),
});

export const SnippetSchema = z.object({ ruleId: id, text: z.string().max(LIMITS.snippetChars) });

export const BlockReportSchema = z.object({
  key: id,
  findings: BlockFindingsSchema,
  snippets: z.array(SnippetSchema).max(LIMITS.snippetsPerBlock),
});
export type BlockReport = z.infer<typeof BlockReportSchema>;

// ── to the background ────────────────────────────────────────────────────────

export const ScanReport = z.object({
  type: z.literal('scan/report'),
  /** random per content-script instance: a new one means a new document in that frame */
  docId: id,
  /** true: these blocks are everything the frame has (full scan); false: add or update */
  replace: z.boolean(),
  blocks: z.array(BlockReportSchema).max(LIMITS.blocksPerReport),
});

export const BannerOpenDetails = z.object({ type: z.literal('banner/openDetails') });
export const TabGetVerdict = z.object({ type: z.literal('tab/getVerdict'), tabId });
export const TabCheckPage = z.object({ type: z.literal('tab/checkPage'), tabId });

export const ToBackground = z.discriminatedUnion('type', [ScanReport, BannerOpenDetails, TabGetVerdict, TabCheckPage]);
export type ToBackground = z.infer<typeof ToBackground>;

// ── to a content script ──────────────────────────────────────────────────────

export const BannerShow = z.object({
  type: z.literal('banner/show'),
  level,
  titles: z.array(z.string().max(LIMITS.titleChars)).max(LIMITS.bannerTitles),
});
export const ContentRescan = z.object({ type: z.literal('content/rescan') });
export const ContentPing = z.object({ type: z.literal('content/ping') });

export const ToContent = z.discriminatedUnion('type', [BannerShow, ContentRescan, ContentPing]);
export type ToContent = z.infer<typeof ToContent>;

// ── replies, one per request ─────────────────────────────────────────────────

export const AckReply = z.object({ ok: z.literal(true) });
export type AckReply = z.infer<typeof AckReply>;

export const PingReply = z.object({ ok: z.literal(true), docId: id });
export type PingReply = z.infer<typeof PingReply>;

export const RescanReply = z.object({ ok: z.literal(true), blocks: z.number().int().min(0) });
export type RescanReply = z.infer<typeof RescanReply>;

export const LureView = z.object({
  ruleId: id,
  category: z.enum(LURE_CATEGORIES),
  title: z.string().max(LIMITS.titleChars),
  points: z.number(),
  snippets: z.array(z.string().max(LIMITS.snippetChars)).max(3),
});
export type LureView = z.infer<typeof LureView>;

/** What the popup shows for one tab. */
export const TabVerdict = z.object({
  scanned: z.boolean(),
  level,
  score: z.number().min(0).max(100),
  flaggedBlocks: z.number().int().min(0),
  antiFraudPage: z.boolean(),
  reasons: z.array(z.enum(['quoted', 'negated', 'warning-context', 'own-lender', 'anti-fraud-page'])),
  lures: z.array(LureView),
});
export type TabVerdict = z.infer<typeof TabVerdict>;

export const GetVerdictReply = TabVerdict;
export const CheckPageReply = z.union([
  z.object({ ok: z.literal(true), verdict: TabVerdict }),
  z.object({ ok: z.literal(false), error: z.string().max(500) }),
]);
export type CheckPageReply = z.infer<typeof CheckPageReply>;

/** Reply schema for each request type, so a sender can validate what came back. */
export const REPLIES = {
  'scan/report': AckReply,
  'banner/openDetails': AckReply,
  'tab/getVerdict': GetVerdictReply,
  'tab/checkPage': CheckPageReply,
  'banner/show': AckReply,
  'content/rescan': RescanReply,
  'content/ping': PingReply,
} as const satisfies Record<ToBackground['type'] | ToContent['type'], z.ZodType>;
