/** Ties extraction, analysis and reporting together for one frame. */
import { createMatcher, type Matcher } from '../engine';
import type { CompiledPack } from '../engine/types';
import { isBannerHost } from './banner';
import { extractBlocks } from './extract';
import { sendReports } from './report';
import { scanBlocks } from './scan';

export class PageScanner {
  readonly docId = crypto.randomUUID();
  private readonly matcher: Matcher;
  private reportedAnything = false;

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
    const blocks = extractBlocks([root], { isOwnUi: isBannerHost });
    const reports = await scanBlocks(this.matcher, blocks, this.signal);
    if (this.signal.aborted) return 0;
    // frames with nothing to say stay silent (most iframes are ads or widgets)
    if (reports.length > 0 || this.reportedAnything) {
      await sendReports(this.docId, true, reports);
      this.reportedAnything = true;
    }
    return reports.length;
  }

  async scanAdded(nodes: readonly Node[]): Promise<void> {
    const blocks = extractBlocks(nodes, { isOwnUi: isBannerHost });
    const reports = await scanBlocks(this.matcher, blocks, this.signal);
    if (this.signal.aborted || reports.length === 0) return;
    await sendReports(this.docId, false, reports);
    this.reportedAnything = true;
  }
}
