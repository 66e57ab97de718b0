/**
 * Reads a block of text the way it is drawn, with the on-device OCR that reads ad images, when
 * its DOM text does not say what is drawn: a web font that draws other glyphs than the DOM holds,
 * characters placed one by one, text that reads as gibberish. Kept rare: only on a page with
 * ad-like signs, only blocks on screen (the OCR reads a capture of the visible tab; a block below
 * waits until it is scrolled into view), in the top frame, and at most MAX_READS per document.
 * The reading is reported as a block of its own (`source: 'rendered'`) and sent again after every
 * full scan, which replaces what the frame reported before.
 */
import { analyzeBlock, type Matcher } from '../../engine';
import { askBackground } from '../../shared/ask';
import { ImageRead, type BlockReport } from '../../shared/messages';
import type { TextBlock } from '../scan/extract';
import { sendReports } from '../scan/report';
import { reportFor } from '../scan/scan-blocks';
import { looksLikeAdSlot } from '../scan/suspicion';

const MAX_READS = 3;
const MIN_WIDTH = 40;
const MIN_HEIGHT = 16;
/** an OCR request's rectangle may not exceed this (messages.ts ImageRead) */
const MAX_SIDE = 8192;

export interface RenderedBlockReaderOptions {
  matcher: () => Matcher;
  docId: () => string;
  /** has the page shown other signs of an ad (a lure, a word of the debt domain)? */
  pageHasAdSigns: () => boolean;
  ownUi: () => readonly Element[];
}

export class RenderedBlockReader {
  private readonly asked = new WeakSet<Element>();
  private readonly reports = new Map<Element, BlockReport>();
  private reads = 0;
  private serial = 0;
  private observer: IntersectionObserver | undefined;
  private readonly waiting = new Map<Element, TextBlock>();

  constructor(
    private readonly doc: Document,
    private readonly options: RenderedBlockReaderOptions,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.observer?.disconnect());
  }

  /** A block whose DOM text does not say what is drawn: read it if the page looks like it carries ads. */
  consider(block: TextBlock): void {
    if (this.signal.aborted || this.asked.has(block.element) || this.reads + this.waiting.size >= MAX_READS) return;
    if (!this.options.pageHasAdSigns() && !looksLikeAdSlot(block.element, block.text)) return;
    this.asked.add(block.element);
    if (this.onScreen(block.element)) void this.read(block).catch(() => undefined);
    else this.waitForScreen(block);
  }

  /** Sends every reading again (a full scan replaced the frame's blocks). */
  async resend(): Promise<void> {
    const reports = [...this.reports.entries()].filter(([element]) => element.isConnected).map(([, report]) => report);
    if (reports.length > 0 && !this.signal.aborted) await sendReports(this.options.docId(), false, reports);
  }

  private visibleRect(element: Element): { x: number; y: number; width: number; height: number } | undefined {
    const view = this.doc.defaultView;
    if (!view) return undefined;
    const box = element.getBoundingClientRect();
    const x = Math.max(0, box.left);
    const y = Math.max(0, box.top);
    const width = Math.min(view.innerWidth, box.right, x + MAX_SIDE) - x;
    const height = Math.min(view.innerHeight, box.bottom, y + MAX_SIDE) - y;
    if (width < MIN_WIDTH || height < MIN_HEIGHT) return undefined;
    const covered = this.options.ownUi().some((ui) => {
      const r = ui.getBoundingClientRect();
      return r.left <= x && r.top <= y && r.right >= x + width && r.bottom >= y + height;
    });
    return covered ? undefined : { x, y, width, height };
  }

  private onScreen(element: Element): boolean {
    return this.visibleRect(element) !== undefined;
  }

  private waitForScreen(block: TextBlock): void {
    const Observer = this.doc.defaultView?.IntersectionObserver;
    if (!Observer) return;
    this.waiting.set(block.element, block);
    this.observer ??= new Observer(
      (entries) => {
        for (const entry of entries) {
          const waiting = this.waiting.get(entry.target);
          if (!entry.isIntersecting || !waiting) continue;
          this.waiting.delete(entry.target);
          this.observer?.unobserve(entry.target);
          // after the scroll has settled, so the capture shows the block where it is measured
          setTimeout(() => void this.read(waiting).catch(() => undefined), 300);
        }
      },
      { threshold: 0.5 },
    );
    this.observer.observe(block.element);
  }

  private async read(block: TextBlock): Promise<void> {
    const rect = this.visibleRect(block.element);
    const view = this.doc.defaultView;
    if (!rect || !view || this.reads >= MAX_READS || this.signal.aborted) return;
    this.reads++;
    const key = `rendered:${++this.serial}`;
    const reply = await askBackground(ImageRead, {
      viewport: { width: view.innerWidth, height: view.innerHeight },
      images: [{ key, rect }],
    });
    if (this.signal.aborted || !reply.ok) return;
    const reading = reply.readings.find((r) => r.key === key);
    if (!reading || !/\S/.test(reading.text)) return;
    const report = reportFor({ key: `${block.key}~ocr`, text: reading.text }, analyzeBlock(this.options.matcher(), reading.text));
    if (!report) return;
    const tagged: BlockReport = { ...report, source: 'rendered' };
    this.reports.set(block.element, tagged);
    await sendReports(this.options.docId(), false, [tagged]);
  }
}
