/**
 * Runs the engine over extracted blocks in short slices so a long page never blocks input,
 * and keeps only what scoring needs: findings plus a short snippet per matched rule. The blocks
 * that matter (findings, or signs that the DOM text may not be what is drawn) are read again
 * from rendering once the page has rendered, and scored on what the reader sees.
 */
import { analyzeBlock, wantsModel, type BlockFindings, type Matcher } from '../../engine';
import { snippetAround } from '../../engine/snippet';
import { LIMITS } from '../../shared/limits';
import type { BlockReport } from '../../shared/messages';
import type { Pacer, TextBlock } from './extract';
import type { RenderedReading } from './rendered-text';
import { looksLikeGibberish } from './suspicion';

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
    ...(findings.evasion ? { evasion: true } : {}),
  };
}

export function reportFor(block: Pick<TextBlock, 'key' | 'text'>, findings: BlockFindings): BlockReport | undefined {
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

/** What a block said last time, per element and slice, so unchanged text is never analysed twice. */
export type FindingsCache = WeakMap<Element, Map<number, { text: string; report: BlockReport | undefined; rendered: boolean }>>;

/** Reading blocks from rendering, and what to do with the ones whose rendering says more. */
export interface RenderedReadingSource {
  /** a reader for the document as it is now (after a rendering) */
  reader(): { read(block: TextBlock): RenderedReading } | undefined;
  /** the block's DOM text does not say what is drawn, and nothing in it reads as a lure: OCR may read it */
  onUnreadable?(block: TextBlock): void;
  /** the DOM text holds a lure the reader cannot see now (hidden by style): it may be shown later */
  onHiddenLure?(block: TextBlock): void;
}

const HIDDEN_CONTEXT_CUES = new Set(['warning', 'reported', 'negation']);
const QUOTE_MARK = /[“”‘’「」『』《》"]/;
/** hidden runs between visible letters from which the hiding is evasion rather than layout (one can be a screen-reader label) */
const EVASIVE_SPLITS = 2;

/**
 * Is the hidden text evasion? Junk between the characters of words, or warning words and
 * quotation marks the reader never sees inside a block that shows a lure.
 */
function isEvasion(matcher: Matcher, reading: RenderedReading): boolean {
  if (reading.hidden.length === 0) return false;
  if (reading.splits >= EVASIVE_SPLITS) return true;
  const hidden = reading.hidden.join('\n');
  if (QUOTE_MARK.test(hidden)) return true;
  return analyzeBlock(matcher, hidden).cues.some((cue) => HIDDEN_CONTEXT_CUES.has(cue.kind));
}

interface Candidate {
  block: TextBlock;
  domFindings: BlockFindings;
  at: number;
}

/** Analyses blocks in slices; stops early (undefined) when `signal` aborts. */
export async function scanBlocks(
  matcher: Matcher,
  blocks: readonly TextBlock[],
  signal: AbortSignal,
  pacer: Pacer,
  cache?: FindingsCache,
  rendering?: RenderedReadingSource,
): Promise<BlockReport[] | undefined> {
  const reports: (BlockReport | undefined)[] = [];
  const candidates: Candidate[] = [];
  for (const block of blocks) {
    if (signal.aborted) return undefined;
    const slice = block.slice ?? 0;
    const cached = cache?.get(block.element)?.get(slice);
    if (cached && cached.text === block.text && !cached.rendered) {
      if (cached.report) reports.push({ ...cached.report, key: block.key });
    } else {
      const findings = analyzeBlock(matcher, block.text);
      const report = reportFor(block, findings);
      // what the reader sees decides: blocks with findings, or whose DOM text may not be what is drawn
      // (a lure read backwards: style can draw a run right to left, and matching is cheap)
      const rendered =
        rendering !== undefined && (report !== undefined || block.suspect === true || readsBackwards(matcher, block.text));
      if (rendered) candidates.push({ block, domFindings: findings, at: reports.length });
      remember(cache, block, { text: block.text, report, rendered });
      reports.push(report);
    }
    if (pacer.sliceOver()) await pacer.pause();
  }
  if (candidates.length > 0 && rendering) {
    // computing style on a page that just changed forces the style and layout of the whole
    // document inside our task: wait until the page has rendered, then each read is cheap
    await afterNextRendering();
    if (signal.aborted) return undefined;
    const reader = rendering.reader();
    for (const { block, domFindings, at } of candidates) {
      if (signal.aborted) return undefined;
      // nothing laid out to read (a DOM without layout): the DOM text is all there is
      if (!reader) break;
      if (!block.element.isConnected) {
        reports[at] = undefined;
        continue;
      }
      const reading = reader.read(block);
      const findings = reading.text === block.text && reading.hidden.length === 0 ? domFindings : analyzeBlock(matcher, reading.text);
      if (findings.lures.length > 0 && isEvasion(matcher, reading)) findings.evasion = true;
      const report = /\S/.test(reading.text) ? reportFor({ key: block.key, text: reading.text }, findings) : undefined;
      reports[at] = report;
      if (domFindings.lures.length > findings.lures.length) rendering.onHiddenLure?.(block);
      if (findings.lures.length === 0 && (reading.unreadable || looksLikeGibberish(block.text))) rendering.onUnreadable?.(block);
      if (pacer.sliceOver()) await pacer.pause();
    }
  }
  return signal.aborted ? undefined : reports.filter((r): r is BlockReport => r !== undefined);
}

function readsBackwards(matcher: Matcher, text: string): boolean {
  return analyzeBlock(matcher, Array.from(text).reverse().join('')).lures.length > 0;
}

function remember(cache: FindingsCache | undefined, block: TextBlock, entry: { text: string; report: BlockReport | undefined; rendered: boolean }): void {
  if (!cache) return;
  let slices = cache.get(block.element);
  if (!slices) cache.set(block.element, (slices = new Map()));
  slices.set(block.slice ?? 0, entry);
}
