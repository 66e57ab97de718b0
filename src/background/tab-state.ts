/**
 * Per-tab findings, aggregated over frames. Pure functions over plain JSON, so the state can
 * live in storage.session (the service worker may die between any two messages).
 */
import type { LureCategory } from '../engine/pack-schema';
import type { BlockReport, TamperKind } from '../shared/messages';

/** What the lure model read in a block, kept instead of the block's text. */
export interface StoredReading {
  logit: number;
  /** the whole block's logit, kept when the block was read in windows */
  blockLogit?: number;
  families: [LureCategory, number][];
  /** the strongest phrases: spans of the block's text and a quotation of each */
  phrases: { start: number; end: number; snippet: string }[];
}

/** A block as the tab keeps it: the frame's report without the text, and what the model read in it. */
export interface StoredBlock extends Omit<BlockReport, 'text'> {
  reading?: StoredReading;
}

export interface FrameState {
  docId: string;
  /** block key → report, in the order the frame reported them */
  blocks: Record<string, StoredBlock>;
  /** the frame's document changes so fast that its scanning of changes is slowed down */
  throttled?: boolean;
  /** the frame's address, so the top frame can find the <iframe> showing a flagged block */
  url?: string;
}

export interface TabState {
  /** URL of the top frame, for the allow list */
  topUrl?: string;
  /** frameId → what that frame reported */
  frames: Record<string, FrameState>;
  /** signature of the last banner sent, so a re-score does not resend the same banner */
  bannerSent?: string;
  /** the page tried to take the warning away: what it did, when it first did */
  tampered?: { kinds: TamperKind[]; at: number };
}

export interface IncomingReport {
  frameId: number;
  url?: string;
  docId: string;
  replace: boolean;
  blocks: readonly StoredBlock[];
  /** the frame's current back-off state; absent: unchanged */
  throttled?: boolean;
}

export function emptyTabState(): TabState {
  return { frames: {} };
}

export function applyReport(previous: TabState | undefined, report: IncomingReport): TabState {
  const state: TabState = previous ? { ...previous, frames: { ...previous.frames } } : emptyTabState();
  const frameKey = String(report.frameId);
  const old = state.frames[frameKey];
  // a report from a new document in the frame, or a full scan, starts the frame over
  const fresh = report.replace || !old || old.docId !== report.docId;
  const blocks: Record<string, StoredBlock> = fresh ? {} : { ...old.blocks };
  for (const block of report.blocks) blocks[block.key] = block;
  // a new document starts unthrottled; a full scan of the same document keeps what it said
  const throttled = report.throttled ?? (old?.docId === report.docId && old.throttled === true);
  const url = report.url ?? old?.url;
  state.frames[frameKey] = { docId: report.docId, blocks, ...(throttled ? { throttled } : {}), ...(url !== undefined ? { url } : {}) };
  if (report.frameId === 0) {
    if (report.url !== undefined) state.topUrl = report.url;
    if (fresh) delete state.bannerSent;
  }
  return state;
}

/** The top frame says the page took the warning away (`kind`): noted once per kind, with the time it first happened. */
export function applyTamper(previous: TabState | undefined, kind: TamperKind, now: number): TabState {
  const state: TabState = previous ? { ...previous } : emptyTabState();
  const kinds = state.tampered?.kinds ?? [];
  state.tampered = { kinds: kinds.includes(kind) ? kinds : [...kinds, kind], at: state.tampered?.at ?? now };
  return state;
}

/** Some frame of the tab is scanned less often because it never stops changing. */
export function isScanPaused(state: TabState): boolean {
  return Object.values(state.frames).some((frame) => frame.throttled === true);
}

const frameKeys = (state: TabState) => Object.keys(state.frames).sort((a, b) => Number(a) - Number(b));

/** Every block of the tab: the top frame first, then subframes by id. */
export function blocksOf(state: TabState): StoredBlock[] {
  return frameKeys(state).flatMap((key) => Object.values(state.frames[key]?.blocks ?? {}));
}

/** The frame of each block of `blocksOf`, in the same order. */
export function frameOfBlocks(state: TabState): FrameState[] {
  return frameKeys(state).flatMap((key) => {
    const frame = state.frames[key];
    return frame ? Object.keys(frame.blocks).map(() => frame) : [];
  });
}
