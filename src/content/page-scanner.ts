/** Ties extraction, analysis and reporting together for one frame. */
import { createMatcher, type Matcher } from '../engine';
import type { CompiledPack } from '../engine/types';
import { isBannerHost } from './banner';
import { extractBlocksSliced } from './extract';
import { sendReports } from './report';
import { scanBlocks, SlicePacer, type FindingsCache } from './scan';

export class PageScanner {
  readonly docId = crypto.randomUUID();
  /** also reads the text of images (image-reader.ts) */
  readonly matcher: Matcher;
  private reportedAnything = false;
  /** block element → its text and findings when last analysed (an SPA view or a rescan reuses them) */
  private readonly cache: FindingsCache = new WeakMap();
  /** scanning of changes is slowed down because the page never stops changing */
  private throttled = false;

  constructor(
    pack: CompiledPack,
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {
    this.matcher = createMatcher(pack);
  }

  /** Scans the whole document; returns how many blocks carried findings. */
  async scanAll(): Promise<number> {
    const root = this.doc.body ?? this.doc.documentElement;
    const pacer = new SlicePacer();
    const blocks = await extractBlocksSliced([root], { isOwnUi: isBannerHost }, pacer, this.signal);
    const reports = blocks && (await scanBlocks(this.matcher, blocks, this.signal, pacer, this.cache));
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
    const blocks = await extractBlocksSliced(nodes, { isOwnUi: isBannerHost }, pacer, this.signal);
    const reports = blocks && (await scanBlocks(this.matcher, blocks, this.signal, pacer, this.cache));
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
