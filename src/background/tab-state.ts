/**
 * Per-tab findings, aggregated over frames. Pure functions over plain JSON, so the state can
 * live in storage.session (the service worker may die between any two messages).
 */
import type { BlockReport } from '../shared/messages';

export interface FrameState {
  docId: string;
  /** block key → report, in the order the frame reported them */
  blocks: Record<string, BlockReport>;
}

export interface TabState {
  /** URL of the top frame, for the allow list */
  topUrl?: string;
  /** frameId → what that frame reported */
  frames: Record<string, FrameState>;
  /** signature of the last banner sent, so a re-score does not resend the same banner */
  bannerSent?: string;
}

export interface IncomingReport {
  frameId: number;
  url?: string;
  docId: string;
  replace: boolean;
  blocks: readonly BlockReport[];
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
  const blocks: Record<string, BlockReport> = fresh ? {} : { ...old.blocks };
  for (const block of report.blocks) blocks[block.key] = block;
  state.frames[frameKey] = { docId: report.docId, blocks };
  if (report.frameId === 0) {
    if (report.url !== undefined) state.topUrl = report.url;
    if (fresh) delete state.bannerSent;
  }
  return state;
}

/** Every block of the tab: the top frame first, then subframes by id. */
export function blocksOf(state: TabState): BlockReport[] {
  return Object.keys(state.frames)
    .sort((a, b) => Number(a) - Number(b))
    .flatMap((key) => Object.values(state.frames[key]?.blocks ?? {}));
}
