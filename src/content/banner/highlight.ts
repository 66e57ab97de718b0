/**
 * Shows the lure in place: the matched phrases, whole words (phrases.ts), through the CSS
 * Custom Highlight API (no change to the page's DOM; a constructed stylesheet styles
 * ::highlight), and an outline around each flagged block, drawn in the page's overlay, never
 * inside the page. The highlight's name is random per page: nothing fixed for a page to look
 * for or delete by name; a page that clears it anyway gets it back a bounded number of times.
 */
import type { FlaggedBlock } from '../../shared/messages';
import { elementForKey } from '../scan/block-keys';
import { extractBlocks } from '../scan/extract';
import { randomIdent } from './own-host';
import { overlayOf } from './overlay';
import { quotesOf, weighedPhrasesOf } from './phrases';

export { phrasesOf } from './phrases';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea']);
/** times a highlight the page took away is put back */
const MAX_REREGISTRATIONS = 3;

/** Ranges over the element's text nodes for every occurrence of each phrase, across node boundaries. */
export function rangesFor(doc: Document, element: Element, phrases: readonly string[]): Range[] {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  const walker = doc.createTreeWalker(element, 0x4, {
    acceptNode: (node) => (SKIPPED.has(node.parentElement?.localName ?? '') ? 2 : 1),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    starts.push(text.length);
    text += (node as Text).data;
  }
  const locate = (offset: number): [Text, number] | undefined => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const node = nodes[lo];
    return node ? [node, offset - (starts[lo] ?? 0)] : undefined;
  };
  const ranges: Range[] = [];
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) {
      const from = locate(at);
      const to = locate(at + phrase.length - 1);
      if (!from || !to) continue;
      const range = doc.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1] + 1);
      ranges.push(range);
    }
  }
  return ranges;
}

interface HighlightRegistry {
  get(name: string): unknown;
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}

export interface ShownLures {
  /** highlighted ranges */
  ranges: number;
  /** the ad's own words for the banner */
  quotes: string[];
}

export class LureHighlighter {
  private readonly name = randomIdent();
  private sheet: CSSStyleSheet | undefined;
  private highlight: unknown;
  private elements: Element[] = [];
  private texts: string[] = [];
  private reregistered = 0;
  private concealed = false;

  constructor(
    private readonly doc: Document,
    private readonly isOwnUi: (element: Element) => boolean,
  ) {
    overlayOf(doc).addCheck(() => this.keepRegistered());
  }

  /**
   * Highlights the flagged blocks' phrases and outlines the blocks, and the frame elements that
   * show the subframes at `frameUrls` (flagged blocks of theirs).
   */
  show(flagged: readonly FlaggedBlock[], frameUrls: readonly string[] = []): ShownLures {
    this.clear();
    const frames = framesShowing(this.doc, frameUrls);
    const wanted = new Map(flagged.map((b) => [b.key, b.spans]));
    if (wanted.size === 0) {
      overlayOf(this.doc).setFlagged(frames);
      return { ranges: 0, quotes: [] };
    }
    // only the flagged blocks' own subtrees are read again, never the whole page
    const elements = [...wanted.keys()].flatMap((key) => elementForKey(key) ?? []);
    const blocks = elements.length === 0 ? [] : extractBlocks(elements, { isOwnUi: this.isOwnUi }).filter((b) => wanted.has(b.key));
    this.elements = blocks.map((b) => b.element);
    this.texts = blocks.map((b) => b.text);
    const phrases = blocks.map((b) => weighedPhrasesOf(b.text, wanted.get(b.key) ?? []));
    const ranges = blocks.flatMap((b, i) => rangesFor(this.doc, b.element, (phrases[i] ?? []).map((p) => p.text)));
    this.paint(ranges);
    overlayOf(this.doc).setFlagged([...this.elements, ...frames]);
    return { ranges: ranges.length, quotes: quotesOf(phrases.flat()) };
  }

  /** Scrolls the first flagged block into view; false when there is none on this page. */
  scrollToFirst(): boolean {
    const first = this.elements.find((e) => e.isConnected);
    if (!first) return false;
    // not smooth: the details tab opens in front, and a background tab may not animate
    first.scrollIntoView({ block: 'center' });
    return true;
  }

  /** the text of the flagged blocks last shown, for the evidence kit */
  flaggedTexts(): string[] {
    return [...this.texts];
  }

  /** Takes the highlights off for a moment (a screenshot for the evidence), or puts them back. */
  conceal(concealed: boolean): void {
    this.concealed = concealed;
    if (concealed) registry()?.delete(this.name);
    else this.keepRegistered(true);
  }

  clear(): void {
    registry()?.delete(this.name);
    this.highlight = undefined;
    if (this.sheet) {
      const sheet = this.sheet;
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      this.sheet = undefined;
    }
    overlayOf(this.doc).setFlagged([]);
    this.elements = [];
    this.texts = [];
  }

  private paint(ranges: Range[]): void {
    const highlights = registry();
    const HighlightCtor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
    if (!highlights || !HighlightCtor || ranges.length === 0) return;
    try {
      this.highlight = new HighlightCtor(...ranges);
      if (!this.concealed) highlights.set(this.name, this.highlight);
      this.adoptSheet();
    } catch (error) {
      // a browser without the API (or a page that froze adoptedStyleSheets): the outline remains
      console.debug('fcs-guard: highlight unavailable', error);
    }
  }

  private adoptSheet(): void {
    if (!this.sheet) {
      this.sheet = new CSSStyleSheet();
      this.sheet.replaceSync(`::highlight(${this.name}) { background-color: #fde272; color: #1d1d1f; text-decoration: underline 2px #b42318; }`);
    }
    const sheet = this.sheet;
    if (!this.doc.adoptedStyleSheets.includes(sheet)) this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
  }

  /** The page deleted the highlight or dropped its stylesheet: put them back, a bounded number of times. */
  private keepRegistered(force = false): void {
    const highlights = registry();
    if (!highlights || this.highlight === undefined || this.concealed) return;
    const missing = highlights.get(this.name) !== this.highlight || (this.sheet !== undefined && !this.doc.adoptedStyleSheets.includes(this.sheet));
    if (!missing) return;
    if (!force && this.reregistered >= MAX_REREGISTRATIONS) return;
    if (!force) this.reregistered += 1;
    try {
      highlights.set(this.name, this.highlight);
      this.adoptSheet();
    } catch (error) {
      console.debug('fcs-guard: highlight unavailable', error);
    }
  }
}

const withoutHash = (url: string) => url.replace(/#.*$/, '');

/** The frame elements of `doc` whose document is at one of `urls` (a frame's own address, as the browser reported it). */
export function framesShowing(doc: Document, urls: readonly string[]): Element[] {
  if (urls.length === 0) return [];
  const wanted = new Set(urls.map(withoutHash));
  return [...doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe[src], frame[src]')].filter((frame) => wanted.has(withoutHash(frame.src)));
}

function registry(): HighlightRegistry | undefined {
  return (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
}
