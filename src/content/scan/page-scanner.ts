/** Ties extraction, analysis and reporting together for one frame. */
import { createMatcher, matcherSteps, type Matcher } from '../../engine';
import type { CompiledPack } from '../../engine/types';
import { LIMITS } from '../../shared/limits';
import type { BlockReport } from '../../shared/messages';
import { isBannerHost } from '../banner/banner';
import { Extraction, extractBlocksSliced, type TextBlock } from './extract';
import { RenderedReader } from './rendered-text';
import { sendReports } from './report';
import { scanBlocks, SlicePacer, yieldToPage, type FindingsCache, type RenderedReadingSource } from './scan-blocks';
import { browserView, type RenderView } from './visibility';

/**
 * A random id for this document. Not crypto.randomUUID, which exists only in secure contexts: a
 * data: frame has an opaque origin and is not one, and ads are served in such frames too.
 */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the scanner hands on about blocks whose rendering says more than their DOM text. */
export interface ScannerHooks {
  /** the block's DOM text does not say what is drawn and reads as no lure (OCR may read it) */
  onUnreadable?(block: TextBlock): void;
  /** the block holds a lure the reader cannot see now */
  onHiddenLure?(block: TextBlock): void;
  /** how to look at the page's rendering (default: the browser's; undefined: nothing laid out) */
  view?(doc: Document): RenderView | undefined;
}

export class PageScanner {
  readonly docId = randomId();
  private built: Matcher | undefined;
  private building: Promise<Matcher> | undefined;
  private reportedAnything = false;
  /** block element → its text and findings when last analysed (an SPA view or a rescan reuses them) */
  private readonly cache: FindingsCache = new WeakMap();
  /** scanning of changes is slowed down because the page never stops changing */
  private throttled = false;
  /** some block of this document carried a lure or a word of the debt domain */
  private adSigns = false;

  constructor(
    /** called when the matcher is first needed, not when the script starts */
    private readonly pack: () => CompiledPack,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    private readonly hooks: ScannerHooks = {},
  ) {}

  /** Has this document shown signs of an ad (a lure, a word of the debt domain) so far? */
  get sawAdSigns(): boolean {
    return this.adSigns;
  }

  /**
   * The pack made ready for matching (also reads the text of images, image-reader.ts). Built on
   * first use rather than when the script starts: every frame runs this script, most frames
   * hold no text worth matching, and a start-up task should stay short.
   */
  get matcher(): Matcher {
    return (this.built ??= createMatcher(this.pack()));
  }

  /**
   * The matcher, built in slices of its own when not built yet: decoding the pack, then each of
   * the steps of matcherSteps, with a yield to the page between them. Built at once, cold, it
   * was one long task (BENCHMARKS.md). Scans that start meanwhile share the build.
   */
  private async readyMatcher(pacer: SlicePacer): Promise<Matcher> {
    if (this.built) return this.built;
    return pacer.wait((this.building ??= this.buildInSlices()));
  }

  private async buildInSlices(): Promise<Matcher> {
    await yieldToPage();
    const steps = matcherSteps(this.pack());
    for (;;) {
      await yieldToPage();
      // the getter may have built it meanwhile (the image reader asks synchronously)
      if (this.built) return this.built;
      const step = steps.next();
      if (step.done) return (this.built = step.value);
    }
  }

  private rendering(): RenderedReadingSource {
    return {
      reader: () => {
        const view = (this.hooks.view ?? browserView)(this.doc);
        const root = this.doc.body ?? this.doc.documentElement;
        if (!view || !root) return undefined;
        return new RenderedReader(new Extraction(root, { isOwnUi: isBannerHost, maxChars: LIMITS.blockChars }), view);
      },
      onUnreadable: (block) => this.hooks.onUnreadable?.(block),
      onHiddenLure: (block) => this.hooks.onHiddenLure?.(block),
    };
  }

  private async scan(roots: readonly Node[], pacer: SlicePacer): Promise<BlockReport[] | undefined> {
    const blocks = await extractBlocksSliced(roots, { isOwnUi: isBannerHost }, pacer, this.signal);
    const matcher = blocks && blocks.length > 0 ? await this.readyMatcher(pacer) : undefined;
    const reports = blocks && (matcher ? await scanBlocks(matcher, blocks, this.signal, pacer, this.cache, this.rendering()) : []);
    if (reports?.some((r) => r.findings.lures.length > 0 || r.text !== undefined)) this.adSigns = true;
    return reports;
  }

  /** Scans the whole document; returns how many blocks carried findings. */
  async scanAll(): Promise<number> {
    const root = this.doc.body ?? this.doc.documentElement;
    const reports = await this.scan([root], new SlicePacer());
    if (!reports || this.signal.aborted) return 0;
    // frames with nothing to say stay silent (most iframes are ads or widgets); the top frame
    // always reports once, so a banner wanted by an iframe's findings reaches it
    const isTopFrame = this.doc.defaultView !== null && this.doc.defaultView === this.doc.defaultView.top;
    if (reports.length > 0 || this.reportedAnything || this.throttled || isTopFrame) {
      await sendReports(this.docId, true, reports, this.throttled);
      this.reportedAnything = true;
    }
    return reports.length;
  }

  /** Scans the blocks holding `nodes`; resolves to the main-thread time it took, in ms. */
  async scanAdded(nodes: readonly Node[]): Promise<number> {
    const pacer = new SlicePacer();
    const reports = await this.scan(nodes, pacer);
    const busy = pacer.finish();
    if (!reports || this.signal.aborted || reports.length === 0) return busy;
    await sendReports(this.docId, false, reports, this.throttled);
    this.reportedAnything = true;
    return busy;
  }

  /** The observer backs off on a page that changes constantly; the popup says so. */
  setThrottled(throttled: boolean): void {
    if (throttled === this.throttled || this.signal.aborted) return;
    this.throttled = throttled;
    if (this.reportedAnything || throttled) {
      this.reportedAnything = true;
      void sendReports(this.docId, false, [], throttled).catch(() => undefined);
    }
  }
}
