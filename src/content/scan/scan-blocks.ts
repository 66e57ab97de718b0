/**
 * Runs the engine over extracted blocks in short slices so a long page never blocks input,
 * and keeps only what scoring needs: findings plus a short snippet per matched rule.
 */
import { analyzeBlock, wantsModel, type BlockFindings, type Matcher } from '../../engine';
import { snippetAround } from '../../engine/snippet';
import { LIMITS } from '../../shared/limits';
import type { BlockReport } from '../../shared/messages';
import type { Pacer, TextBlock } from './extract';
import { isRenderedHidden } from './visibility';

const SLICE_MS = 8;

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Gives the page its turn: `scheduler.yield` where the browser has it, else a macrotask. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Cuts work into slices of at most ~8 ms with a yield to the page between them, and adds
 * up the main-thread time the work took (for backing off on pages that never stop changing).
 */
export class SlicePacer implements Pacer {
  busyMs = 0;
  private sliceStart = performance.now();

  sliceOver(): boolean {
    return performance.now() - this.sliceStart > SLICE_MS;
  }

  /** Ends this slice and gives the page its turn. */
  pause(): Promise<void> {
    return this.wait(yieldToPage());
  }

  /** Ends this slice, waits for work that paces itself, and starts a new slice. */
  async wait<T>(work: Promise<T>): Promise<T> {
    this.busyMs += performance.now() - this.sliceStart;
    const result = await work;
    this.sliceStart = performance.now();
    return result;
  }

  /** ends the last slice; returns the total busy time */
  finish(): number {
    this.busyMs += performance.now() - this.sliceStart;
    this.sliceStart = performance.now();
    return this.busyMs;
  }
}

function clipFindings(findings: BlockFindings): BlockFindings {
  return {
    length: Math.min(findings.length, LIMITS.blockChars),
    lures: findings.lures.slice(0, LIMITS.hitsPerBlock),
    cues: findings.cues.slice(0, LIMITS.hitsPerBlock),
    contacts: Math.min(findings.contacts, LIMITS.blockChars),
  };
}

export function reportFor(block: TextBlock, findings: BlockFindings): BlockReport | undefined {
  if (findings.lures.length === 0 && findings.cues.length === 0) return undefined;
  const snippets: BlockReport['snippets'] = [];
  const seen = new Set<string>();
  for (const lure of findings.lures) {
    if (seen.has(lure.ruleId) || snippets.length >= LIMITS.snippetsPerBlock) continue;
    seen.add(lure.ruleId);
    snippets.push({ ruleId: lure.ruleId, text: snippetAround(block.text, lure.start, lure.end) });
  }
  // the learned model reads the block in the background: only blocks with a lure or a word of the debt domain go
  const text = wantsModel(findings) ? block.text.slice(0, LIMITS.blockChars) : undefined;
  return { key: block.key, findings: clipFindings(findings), snippets, ...(text === undefined ? {} : { text }) };
}

/** How long to wait for a rendering that may never come (a tab in the background renders nothing). */
const RENDER_WAIT_MS = 100;

/** Resolves after the page's next rendering (or RENDER_WAIT_MS), when style and layout are clean. */
function afterNextRendering(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, RENDER_WAIT_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** What a block said last time, so unchanged text is never analysed twice. */
export type FindingsCache = WeakMap<Element, { text: string; report: BlockReport | undefined }>;

/** Analyses blocks in slices; stops early (undefined) when `signal` aborts. */
export async function scanBlocks(
  matcher: Matcher,
  blocks: readonly TextBlock[],
  signal: AbortSignal,
  pacer: Pacer,
  cache?: FindingsCache,
): Promise<BlockReport[] | undefined> {
  const reports: (BlockReport | undefined)[] = [];
  const lureBlocks: { block: TextBlock; report: BlockReport; at: number }[] = [];
  for (const block of blocks) {
    if (signal.aborted) return undefined;
    const cached = cache?.get(block.element);
    if (cached && cached.text === block.text) {
      if (cached.report) reports.push({ ...cached.report, key: block.key });
    } else {
      const report = reportFor(block, analyzeBlock(matcher, block.text));
      if (report && report.findings.lures.length > 0) lureBlocks.push({ block, report, at: reports.length });
      else cache?.set(block.element, { text: block.text, report });
      if (report) reports.push(report);
    }
    if (pacer.sliceOver()) await pacer.pause();
  }
  if (lureBlocks.length > 0) {
    // text the reader cannot see (hidden by CSS) is not a lure shown to them. Reading that
    // computes style, and on a page that just changed it would force the style and layout of
    // the whole document inside our task: wait until the page has rendered, then it is cheap
    await afterNextRendering();
    for (const { block, report, at } of lureBlocks) {
      const shown = block.element.isConnected && !isRenderedHidden(block.element);
      cache?.set(block.element, { text: block.text, report: shown ? report : undefined });
      if (!shown) reports[at] = undefined;
    }
  }
  return signal.aborted ? undefined : reports.filter((r): r is BlockReport => r !== undefined);
}
