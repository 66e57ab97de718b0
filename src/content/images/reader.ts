/**
 * Reads the text inside ad-like images (OCR, on the device, through the background) and puts it
 * through the same engine as any block: a block tagged `source: 'image'` in the frame's report.
 * Readings are kept per image element and source, so a rescan re-sends them without reading again.
 */
import { analyzeBlock, type Matcher } from '../../engine';
import { askBackground } from '../../shared/ask';
import { ImageRead, type BlockReport } from '../../shared/messages';
import { findImageCandidates, type ImageReadMode } from './candidates';
import { outlineImage } from './outline';
import { sendReports } from '../scan/report';
import { reportFor } from '../scan/scan-blocks';

/** automatic reads per document, however much the user scrolls; 检查此页 is not limited */
const MAX_AUTO_READS = 6;

interface Reading {
  src: string;
  report: BlockReport | undefined;
}

export interface ImageReaderOptions {
  matcher: () => Matcher;
  docId: () => string;
  ownUi: () => readonly Element[];
  outlineLabel: () => string;
}

export class ImageReader {
  private readonly readings = new Map<HTMLImageElement, Reading>();
  /** images sent for reading and not answered yet: an auto read and 检查此页 must not both capture them */
  private readonly pending = new WeakMap<HTMLImageElement, string>();
  private serial = 0;
  private autoReads = 0;

  constructor(
    private readonly doc: Document,
    private readonly options: ImageReaderOptions,
    private readonly signal: AbortSignal,
  ) {}

  /** Reads new candidate images, then re-reports every image read so far; resolves to how many carried findings. */
  async read(mode: ImageReadMode): Promise<number> {
    const fresh = findImageCandidates(this.doc, mode, { ownUi: this.options.ownUi() }).filter(
      (c) => this.readings.get(c.element)?.src !== c.element.currentSrc && this.pending.get(c.element) !== c.element.currentSrc,
    );
    if (mode === 'auto') fresh.splice(Math.max(0, MAX_AUTO_READS - this.autoReads));
    if (mode === 'auto') this.autoReads += fresh.length;
    for (const c of fresh) this.pending.set(c.element, c.element.currentSrc);
    if (fresh.length > 0) {
      const keys = fresh.map(() => `image:${++this.serial}`);
      const view = this.doc.defaultView;
      const reply = await askBackground(ImageRead, {
        viewport: { width: view?.innerWidth ?? 1, height: view?.innerHeight ?? 1 },
        images: fresh.map((c, i) => ({ key: keys[i] as string, rect: c.rect })),
      }).finally(() => fresh.forEach((c) => this.pending.delete(c.element)));
      if (this.signal.aborted || !reply.ok) return 0;
      for (const reading of reply.readings) {
        const candidate = fresh[keys.indexOf(reading.key)];
        if (!candidate) continue;
        const findings = analyzeBlock(this.options.matcher(), reading.text);
        const report = reportFor({ key: reading.key, text: reading.text }, findings);
        this.readings.set(candidate.element, { src: candidate.element.currentSrc, report: report && { ...report, source: 'image' } });
      }
    }
    const reports: BlockReport[] = [];
    for (const [image, reading] of this.readings) {
      if (!image.isConnected) this.readings.delete(image);
      if (!image.isConnected || !reading.report) continue;
      reports.push(reading.report);
      if (reading.report.findings.lures.length > 0) outlineImage(image, this.options.outlineLabel(), this.signal);
    }
    if (reports.length > 0) await sendReports(this.options.docId(), false, reports);
    return reports.length;
  }
}
